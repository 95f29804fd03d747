import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'preact/hooks';

/** A problem to mark in the text: 1-based line and column. */
export interface TextProblem {
  readonly line: number;
  readonly column?: number;
  readonly message: string;
}

const theme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid #e3e6eb', borderRadius: '8px', background: '#ffffff', minHeight: '22rem' },
  '&.cm-focused': { outline: '2px solid #3b5bdb', outlineOffset: '2px' },
  '.cm-content': { fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace" },
  '.cm-gutters': { background: '#f5f6f8', borderRight: '1px solid #e3e6eb', color: '#667085' },
  '.cm-scroller': { minHeight: '22rem' },
});

function diagnosticOf(state: EditorState, problem: TextProblem): Diagnostic {
  const lineNumber = Math.min(Math.max(problem.line, 1), state.doc.lines);
  const line = state.doc.line(lineNumber);
  const from = Math.min(line.from + Math.max((problem.column ?? 1) - 1, 0), line.to);
  return { from, to: Math.max(line.to, from), severity: 'error', message: problem.message };
}

/**
 * The YAML tab's editor: CodeMirror 6 with line numbers, YAML highlighting, undo and a lint
 * gutter. It lives in a shadow root, where CodeMirror's styles go into a constructed stylesheet
 * (`adoptedStyleSheets`) instead of a `<style>` element the strict CSP would refuse. `value` is
 * the text to show when `version` changes; the user's edits arrive through `onChange`.
 */
export function YamlEditor({ value, version, onChange, problem, label }: { value: string; version: number; onChange: (text: string) => void; problem: TextProblem | null; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const element = host.current as HTMLDivElement;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      root,
      parent: root,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          indentOnInput(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle),
          yaml(),
          lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current(update.state.doc.toString());
          }),
          theme,
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later values arrive through the effect below.
  }, []);

  // Only a change made outside the editor (`version` moves: a load, a discard) replaces its text;
  // an echo of the user's own typing, rendered late, never does (it would undo keystrokes).
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [version]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(setDiagnostics(editor.state, problem ? [diagnosticOf(editor.state, problem)] : []));
  }, [problem, value]);

  return <div class="yaml-editor" ref={host} data-error-line={problem ? String(problem.line) : undefined} />;
}

/** Put the cursor at a line (1-based) of the YAML editor inside `container` and scroll to it. */
export function revealLine(container: ParentNode, line: number, column = 1): void {
  const element = container.querySelector('.yaml-editor');
  const content = element?.shadowRoot?.querySelector('.cm-content');
  const editor = content ? EditorView.findFromDOM(content as HTMLElement) : null;
  if (!editor) return;
  const target = editor.state.doc.line(Math.min(Math.max(line, 1), editor.state.doc.lines));
  const anchor = Math.min(target.from + column - 1, target.to);
  editor.dispatch({ selection: { anchor }, scrollIntoView: true });
  editor.focus();
}
