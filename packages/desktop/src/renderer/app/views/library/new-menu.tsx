import { useState } from 'preact/hooks';
import type { LibraryKind, Template } from '@sentinel/backend/contract';
import { toUiError } from '../../bridge/ui-error.js';
import { useApp } from '../../shell/context.js';
import { navigate } from '../../shell/routes.js';
import { blankYaml, draftKeyOf, newDraftId } from '../editor/draft-keys.js';

/** Open the editor on a new item whose first text is `yaml` (kept as a draft until saved). */
export function useStartNew(): (kind: LibraryKind, yaml: string) => Promise<void> {
  const { bridge, notify } = useApp();
  return async (kind, yaml) => {
    const draft = newDraftId();
    try {
      await bridge.saveDraft(draftKeyOf(kind, null, draft), { kind, id: null, revision: null, yaml, saved_at: new Date().toISOString() });
      navigate({ view: 'editor', kind, id: null, draft });
    } catch (error) {
      notify({ message: `The new ${kind} could not be started: ${toUiError(error).message}`, tone: 'error' });
    }
  };
}

/** "New": a blank test or suite, or one of the starter templates. */
export function NewMenu({ kinds }: { kinds: readonly LibraryKind[] }) {
  const { bridge } = useApp();
  const start = useStartNew();
  const [open, setOpen] = useState(false);
  const [templates, setTemplates] = useState<readonly Template[] | 'loading' | string>('loading');
  const toggle = (): void => {
    setOpen(!open);
    if (!open) bridge.listTemplates().then(setTemplates, (error: unknown) => setTemplates(toUiError(error).message));
  };
  return (
    <div class="menu">
      <button type="button" class="button primary" aria-expanded={open} aria-haspopup="true" onClick={toggle} id="new-button">
        New…
      </button>
      {open && (
        <div class="menu-list" role="menu">
          {kinds.map((kind) => (
            <button key={kind} type="button" role="menuitem" class="menu-item" onClick={() => void start(kind, blankYaml(kind))}>
              Blank {kind}
            </button>
          ))}
          <p class="menu-label">Starter templates</p>
          {templates === 'loading' && <p class="muted menu-note">Loading the templates…</p>}
          {typeof templates === 'string' && templates !== 'loading' && <p class="field-error menu-note">{templates}</p>}
          {Array.isArray(templates) &&
            templates
              .filter((template) => kinds.includes(template.kind))
              .map((template) => (
                <button key={template.id} type="button" role="menuitem" class="menu-item" onClick={() => void start(template.kind, template.yaml)}>
                  <strong>{template.name}</strong>
                  <span class="muted">
                    {template.kind} · {template.category} — {template.description}
                  </span>
                </button>
              ))}
        </div>
      )}
    </div>
  );
}
