import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LibraryKind, RunRecord, StoredTest, TestSpec, TestSuite } from '@sentinel/backend/contract';
import { toUiError, type UiError } from '../../bridge/ui-error.js';
import { ErrorState, Loading } from '../../components/states.js';
import { revealLine, YamlEditor } from '../../components/yaml-editor.js';
import { parsePath, setPath } from '../../spec/paths.js';
import { positionOfPath } from '../../spec/yaml-text.js';
import { useApp } from '../../shell/context.js';
import { navigate } from '../../shell/routes.js';
import { useShortcut } from '../../shell/shortcuts.js';
import { RunDetail } from '../runs/run-detail.js';
import { draftKeyOf } from './draft-keys.js';
import { EditorModelContext, placeError, type EditorModel } from './editor-model.js';
import { EditorHeader } from './editor-header.js';
import { SpecForm } from './spec-form.js';
import { SuiteForm } from './suite-form.js';
import { useEditorDocument } from './use-editor-document.js';
import { useLibraryContext } from './use-library-context.js';

type Tab = 'form' | 'yaml';

/** The editor of a test or a suite: a form for every field and a YAML tab, drafted as you type. */
export function EditorView({ kind, id, draft }: { kind: LibraryKind; id: string | null; draft: string | null }) {
  const { bridge, notify } = useApp();
  const draftKey = draftKeyOf(kind, id, draft);
  const doc = useEditorDocument(bridge, kind, id, draftKey);
  const { models, tests } = useLibraryContext(kind);
  const [tab, setTab] = useState<Tab>('form');
  const [actionError, setActionError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState<'saving' | 'running' | null>(null);
  const [result, setResult] = useState<RunRecord | null>(null);
  const [placedAt, setPlacedAt] = useState<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);

  const error = doc.parseError ?? actionError ?? doc.validation;
  useLayoutEffect(() => {
    const next = tab === 'form' && formRef.current ? placeError(formRef.current, error?.field) : null;
    if (next !== placedAt) setPlacedAt(next);
  });
  useEffect(() => setActionError(null), [doc.text]);
  // A parse error can only be fixed in the YAML tab.
  useEffect(() => {
    if (doc.parseError && tab === 'form') setTab('yaml');
  }, [doc.parseError, tab]);

  const problemLine = error ? (error.line !== undefined ? { line: error.line, ...(error.column !== undefined ? { column: error.column } : {}) } : error.field !== undefined ? positionOfPath(doc.text, parsePath(error.field)) : undefined) : undefined;

  const save = async (): Promise<void> => {
    if (doc.parseError || busy) return;
    setBusy('saving');
    try {
      const input = { yaml: doc.text };
      const options = doc.revision ? { revision: doc.revision } : {};
      const stored = kind === 'test' ? await (id ? bridge.updateTest(id, input, options) : bridge.createTest(input)) : await (id ? bridge.updateSuite(id, input, options) : bridge.createSuite(input));
      doc.markSaved(doc.text, stored.revision);
      notify({ message: `Saved ${stored.path}`, tone: 'success' });
      if (!id) navigate({ view: 'editor', kind, id: stored.id, draft: null });
    } catch (caught) {
      setActionError(toUiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const run = async (): Promise<void> => {
    if (doc.parseError || busy) return;
    setBusy('running');
    setResult(null);
    try {
      if (kind === 'test') setResult(await bridge.execute({ spec: doc.value as TestSpec, ...(id ? { test_id: id } : {}) }));
      else {
        const clean = id !== null && doc.text === doc.savedText;
        const started = await bridge.startSuiteRun(clean ? { suite_id: id } : { suite: doc.value as TestSuite });
        navigate({ view: 'suite-run', id: started.id });
      }
    } catch (caught) {
      setActionError(toUiError(caught));
    } finally {
      setBusy(null);
    }
  };

  useShortcut('save', () => void save());
  useShortcut('run', () => void run());

  if (doc.loading) return <Loading label={`Opening the ${kind}…`} />;
  if (doc.loadError) return <ErrorState title={`The ${kind} could not be opened`} error={doc.loadError} />;

  const model: EditorModel = {
    value: doc.value,
    update: (path, value) => doc.setValue(setPath(doc.value, path, value)),
    replace: (next) => doc.setValue(next(doc.value)),
    error,
    placedAt,
  };
  const unplaced = error && (tab === 'yaml' ? !problemLine : placedAt === null);

  return (
    <div class="editor" data-kind={kind}>
      <EditorHeader kind={kind} doc={doc} busy={busy} onSave={() => void save()} onRun={() => void run()} tab={tab} onTab={(next) => (next === 'form' && doc.parseError ? undefined : setTab(next))} />
      {unplaced && error && <p class="notice error" role="alert" id="editor-error">{error.message}</p>}
      {tab === 'form' ? (
        <div ref={formRef} class="editor-form" role="tabpanel" aria-label="Form">
          <EditorModelContext.Provider value={model}>{kind === 'test' ? <SpecForm base={[]} partial={false} models={models} /> : <SuiteForm libraryTests={tests as readonly StoredTest[]} models={models} />}</EditorModelContext.Provider>
        </div>
      ) : (
        <div class="editor-yaml" role="tabpanel" aria-label="YAML">
          <YamlEditor value={doc.text} version={doc.externalVersion} onChange={doc.setText} problem={problemLine && error ? { ...problemLine, message: error.message } : null} label={`YAML of the ${kind}`} />
          {problemLine && error && (
            <p class="field-error yaml-problem" role="alert" id="yaml-problem" data-line={problemLine.line}>
              <button type="button" class="button ghost" onClick={(event) => revealLine((event.currentTarget as HTMLElement).closest('.editor-yaml') as ParentNode, problemLine.line, problemLine.column)}>
                Line {problemLine.line}
                {problemLine.column !== undefined ? `, column ${problemLine.column}` : ''}
              </button>
              : {error.message}
            </p>
          )}
        </div>
      )}
      {busy === 'running' && <Loading label="Running the test…" />}
      {result && (
        <div class="editor-result">
          <RunDetail run={result} compact />
        </div>
      )}
    </div>
  );
}
