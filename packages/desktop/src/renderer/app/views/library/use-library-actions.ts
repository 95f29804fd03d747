import type { DeletedLibraryFile } from '@sentinel/backend/contract';
import { toUiError } from '../../bridge/ui-error.js';
import { downloadText } from '../../components/download.js';
import { useApp } from '../../shell/context.js';
import { itemName, type ItemActions, type LibraryItem } from './library-item.js';

/** Duplicate, delete (with Undo for as long as the toast shows) and export; `changed` reloads the lists. */
export function useLibraryActions(changed: () => void): ItemActions {
  const { bridge, notify } = useApp();
  const failed = (what: string) => (error: unknown) => notify({ message: `${what}: ${toUiError(error).message}`, tone: 'error' });

  const undo = async (deleted: DeletedLibraryFile): Promise<void> => {
    try {
      if (deleted.kind === 'test') await bridge.createTest({ yaml: deleted.yaml }, { id: deleted.id });
      else await bridge.createSuite({ yaml: deleted.yaml }, { id: deleted.id });
      notify({ message: `Restored ${deleted.path}`, tone: 'success' });
      changed();
    } catch (error) {
      failed('The file could not be restored')(error);
    }
  };

  return {
    duplicate: (item: LibraryItem) => {
      const copy = `${itemName(item)} (copy)`;
      const created = item.kind === 'test' ? bridge.createTest({ spec: { ...item.spec, name: copy } }) : bridge.createSuite({ suite: { ...item.suite, name: copy } });
      created.then((stored) => {
        notify({ message: `Created ${stored.path}`, tone: 'success' });
        changed();
      }, failed('The copy could not be created'));
    },
    remove: (item: LibraryItem) => {
      const removed = item.kind === 'test' ? bridge.deleteTest(item.id, { revision: item.revision }) : bridge.deleteSuite(item.id, { revision: item.revision });
      removed.then((deleted) => {
        notify({ message: `Deleted “${itemName(item)}”`, action: { label: 'Undo', run: () => undo(deleted) } });
        changed();
      }, failed('It could not be deleted'));
    },
    exportYaml: (item: LibraryItem) => {
      const exported = item.kind === 'test' ? bridge.exportTest(item.id) : bridge.exportSuite(item.id);
      exported.then((file) => downloadText(file.file_name, file.yaml), failed('It could not be exported'));
    },
  };
}
