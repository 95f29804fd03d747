import { useState } from 'preact/hooks';
import { toUiError } from '../../bridge/ui-error.js';
import { ErrorState, FieldError, Loading } from '../../components/states.js';
import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';
import { NotificationSetting } from './notification-setting.js';
import { ProviderKeyRow } from './provider-key-row.js';

/** Provider keys (each optional, checked before saving, masked afterwards), the workspace folder, notifications. */
export function SettingsView() {
  const { bridge } = useApp();
  const settings = useLoad(() => bridge.getSettings(), [bridge]);
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | undefined>(undefined);
  const [folderBusy, setFolderBusy] = useState(false);
  if (settings.state === 'loading') return <Loading label="Loading the settings…" />;
  if (settings.state === 'error') return <ErrorState title="The settings could not be loaded" error={settings.error} onRetry={settings.reload} />;
  const value = settings.value;
  const setWorkspace = (path: string | null): void => {
    setFolderBusy(true);
    setFolderError(undefined);
    bridge.setWorkspaceFolder(path).then(
      (next) => (settings.set(next), setFolder(''), setFolderBusy(false)),
      (error: unknown) => (setFolderError(toUiError(error).message), setFolderBusy(false)),
    );
  };
  return (
    <section class="card settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <h2>Model providers</h2>
      <p class="hint">Each key is optional: tests for a provider without a key say so when run. {value.storage_label}.</p>
      {value.keys.map((key) => (
        <ProviderKeyRow key={key.provider} view={key} onSettings={settings.set} />
      ))}
      <h2 class="section-gap">Workspace folder</h2>
      <p class="key-current">
        <span class="muted">Tests and suites are YAML files in</span>
        <code id="workspace-dir">{value.workspace_dir}</code>
        {value.workspace_is_default && <span class="muted">(the default)</span>}
      </p>
      <form
        class={`field${folderError ? ' invalid' : ''}`}
        data-field="workspace_dir"
        onSubmit={(event) => {
          event.preventDefault();
          if (folder.trim() !== '') setWorkspace(folder.trim());
        }}
      >
        <label for="workspace-folder">Use another folder (a git checkout, for example)</label>
        <div class="key-row">
          <input id="workspace-folder" value={folder} placeholder="/home/me/prompts" onInput={(event) => setFolder(event.currentTarget.value)} />
          <button type="submit" class="button" disabled={folderBusy || folder.trim() === ''}>
            Use this folder
          </button>
          {!value.workspace_is_default && (
            <button type="button" class="button ghost" onClick={() => setWorkspace(null)}>
              Use the default
            </button>
          )}
        </div>
        <FieldError error={folderError} />
      </form>
      <NotificationSetting />
    </section>
  );
}
