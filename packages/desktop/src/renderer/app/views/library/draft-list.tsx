import type { LibraryKind } from '@sentinel/backend/contract';
import type { DraftSummary } from '../../../../shared/workspace-bridge.js';
import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';
import { hrefOf, type Route } from '../../shell/routes.js';

function routeOf(draft: DraftSummary): Route {
  if (draft.id) return { view: 'editor', kind: draft.kind, id: draft.id, draft: null };
  return { view: 'editor', kind: draft.kind, id: null, draft: draft.key.slice(draft.key.indexOf(':') + 1) };
}

/** Unsaved work kept by the host (after a crash, a reload or a quit): open it again or throw it away. */
export function DraftList({ kinds }: { kinds: readonly LibraryKind[] }) {
  const { bridge } = useApp();
  const drafts = useLoad(() => bridge.listDrafts(), [bridge]);
  if (drafts.state !== 'ready') return null;
  const shown = drafts.value.filter((draft) => kinds.includes(draft.kind));
  if (shown.length === 0) return null;
  return (
    <div class="drafts" aria-label="Unsaved drafts">
      <h2>Unsaved drafts</h2>
      <ul>
        {shown.map((draft) => (
          <li key={draft.key} data-key={draft.key}>
            <a href={hrefOf(routeOf(draft))}>{draft.name ?? `Untitled ${draft.kind}`}</a>
            <span class="muted">
              {draft.id ? `changes to ${draft.id}` : `new ${draft.kind}`} · {new Date(draft.saved_at).toLocaleString()}
            </span>
            <button type="button" class="button ghost" onClick={() => void bridge.clearDraft(draft.key).then(drafts.reload)}>
              Discard
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
