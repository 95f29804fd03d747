import type { HandlerGroup } from './handlers.js';
import type { HostServices } from './services.js';

/** The editor's unsaved text, kept by the host in the data directory. */
export function draftHandlers({ drafts }: HostServices): HandlerGroup<'saveDraft' | 'loadDraft' | 'clearDraft' | 'listDrafts'> {
  return {
    saveDraft: async (key, draft) => drafts.save(key, draft),
    loadDraft: async (key) => drafts.load(key),
    clearDraft: async (key) => drafts.clear(key),
    listDrafts: async () => drafts.list(),
  };
}
