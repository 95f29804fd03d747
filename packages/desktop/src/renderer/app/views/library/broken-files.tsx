import type { BrokenLibraryFile } from '@sentinel/backend/contract';
import { hrefOf } from '../../shell/routes.js';

/** Workspace files that do not hold a valid test or suite: listed with the reason and the line, never hidden. */
export function BrokenFiles({ files }: { files: readonly BrokenLibraryFile[] }) {
  if (files.length === 0) return null;
  return (
    <div class="broken-files">
      <h2>Files that need fixing</h2>
      <ul>
        {files.map((file) => (
          <li key={file.path} data-path={file.path}>
            <a href={hrefOf({ view: 'editor', kind: file.kind, id: file.id, draft: null })}>{file.path}</a>
            <span class="field-error">
              {file.error.line !== undefined ? `line ${file.error.line}${file.error.column !== undefined ? `, column ${file.error.column}` : ''}: ` : ''}
              {file.error.message}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
