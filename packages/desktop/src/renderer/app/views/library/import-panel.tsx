import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../shell/context.js';
import { hrefOf } from '../../shell/routes.js';
import { describeImportError, importFiles, type ImportOutcome } from './import-files.js';
import { itemName } from './library-item.js';

/** Import YAML files with the file picker or by dropping them anywhere on the library; each file's outcome is listed. */
export function ImportPanel({ imported }: { imported: () => void }) {
  const { bridge } = useApp();
  const [outcomes, setOutcomes] = useState<readonly ImportOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const run = async (files: readonly File[]): Promise<void> => {
    if (files.length === 0) return;
    setBusy(true);
    const results = await importFiles(bridge, files);
    setOutcomes(results);
    setBusy(false);
    if (results.some((outcome) => 'item' in outcome)) imported();
  };

  useEffect(() => {
    const over = (event: DragEvent): void => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent): void => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent): void => {
      event.preventDefault();
      setDragging(false);
      void run([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <div class="import-panel">
      <label class="button" for="import-files">
        {busy ? 'Importing…' : 'Import YAML…'}
      </label>
      <input id="import-files" type="file" accept=".yaml,.yml,application/yaml,text/yaml" multiple hidden onChange={(event) => void run([...(event.currentTarget.files ?? [])]).then(() => ((event.target as HTMLInputElement).value = ''))} />
      {dragging && <div class="drop-overlay">Drop YAML files to import them</div>}
      {outcomes.length > 0 && (
        <ul class="import-results" aria-label="Import results">
          <li class="import-results-head">
            <button type="button" class="button ghost" aria-label="Close the import results" onClick={() => setOutcomes([])}>
              ×
            </button>
          </li>
          {outcomes.map((outcome, index) =>
            'item' in outcome ? (
              <li key={index} class="pass">
                Imported {outcome.file} as <a href={hrefOf({ view: 'editor', kind: outcome.item.kind, id: outcome.item.id, draft: null })}>{itemName(outcome.item)}</a>
              </li>
            ) : (
              <li key={index} class="fail" role="alert" data-line={outcome.error.line}>
                {describeImportError(outcome)}
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
