import type { LibraryKind } from '@sentinel/backend/contract';
import { isObject } from '../../spec/paths.js';
import type { EditorDocument } from './use-editor-document.js';

const DRAFT_TEXT = { clean: '', pending: 'Saving draft…', saved: 'Draft saved', failed: 'The draft could not be saved' } as const;

/** Title, draft status, restored notice, the Form/YAML tabs and the Save and Run buttons. */
export function EditorHeader(props: { kind: LibraryKind; doc: EditorDocument; busy: 'saving' | 'running' | null; tab: 'form' | 'yaml'; onTab: (tab: 'form' | 'yaml') => void; onSave: () => void; onRun: () => void }) {
  const { kind, doc, busy, tab } = props;
  const name = isObject(doc.value) && typeof doc.value.name === 'string' ? doc.value.name : `Untitled ${kind}`;
  const dirty = doc.text !== doc.savedText;
  return (
    <div class="editor-head">
      <div class="editor-title">
        <h1>{name}</h1>
        <p class="muted" id="draft-status" data-state={doc.draftState}>
          {doc.savedText === null ? `New ${kind}, not saved yet` : dirty ? 'Unsaved changes' : 'Saved'}
          {DRAFT_TEXT[doc.draftState] && ` · ${DRAFT_TEXT[doc.draftState]}`}
        </p>
      </div>
      <div class="tablist" role="tablist" aria-label="Editor mode">
        <button type="button" role="tab" class="tab" aria-selected={tab === 'form'} onClick={() => props.onTab('form')} title={doc.parseError ? 'Fix the YAML error first' : undefined}>
          Form
        </button>
        <button type="button" role="tab" class="tab" aria-selected={tab === 'yaml'} onClick={() => props.onTab('yaml')}>
          YAML
        </button>
      </div>
      <div class="editor-actions">
        <button type="button" class="button" id="run-button" onClick={props.onRun} disabled={busy !== null || doc.parseError !== null} title="Ctrl+Enter">
          {busy === 'running' ? 'Running…' : kind === 'test' ? 'Run' : 'Run suite'}
        </button>
        <button type="button" class="button primary" id="save-button" onClick={props.onSave} disabled={busy !== null || doc.parseError !== null} title="Ctrl+S">
          {busy === 'saving' ? 'Saving…' : 'Save'}
        </button>
      </div>
      {doc.restoredAt && (
        <p class="notice info" id="draft-restored">
          Restored your unsaved changes from {new Date(doc.restoredAt).toLocaleString()}.{' '}
          <button type="button" class="button ghost" onClick={doc.discardDraft}>
            Discard them
          </button>
        </p>
      )}
    </div>
  );
}
