import { notificationFor } from '../shared/notifications.js';
import type { ConnectionStatus, HostEvent, LogEntry, RunRecord, SettingsView } from '../shared/types.js';
import { BridgeCallError, connectBridge } from './bridge-client.js';
import { clear, h } from './dom.js';
import { createBanner } from './views/banner.js';
import { historyView } from './views/history.js';
import { logsView } from './views/logs.js';
import { emptyResultView, errorView, resultView, runErrorView } from './views/result.js';
import { runForm } from './views/run-form.js';
import { settingsView } from './views/settings.js';
import { setupView } from './views/setup.js';

type View = 'run' | 'history' | 'logs' | 'settings';

const bridge = connectBridge();
const content = document.getElementById('content') as HTMLElement;
const banner = createBanner(document.getElementById('banner') as HTMLElement, document.getElementById('status-pill') as HTMLElement, () => bridge.retryBackend());

let view: View = 'run';
let settings: SettingsView | undefined;
let connection: ConnectionStatus | undefined;
let logs: LogEntry[] = [];
const resultSlot = h('div', { class: 'result-slot' }, emptyResultView());
const form = runForm(async (spec) => {
  resultSlot.replaceChildren(h('section', { class: 'card result empty', 'aria-busy': 'true' }, h('h2', {}, 'Running…'), h('p', { class: 'muted' }, `Asking ${spec.model}.`)));
  try {
    show(await bridge.execute(spec));
  } catch (error) {
    const code = error instanceof BridgeCallError ? error.code : 'UNKNOWN';
    resultSlot.replaceChildren(runErrorView(error instanceof Error ? error.message : String(error), code));
  }
});

function show(result: RunRecord): void {
  resultSlot.replaceChildren(resultView(result));
}

async function render(): Promise<void> {
  for (const tab of document.querySelectorAll<HTMLButtonElement>('.tab')) {
    if (tab.dataset.view === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  if (!settings) return;
  if (!settings.hasApiKey && view !== 'logs') {
    content.replaceChildren(setupView(settings, saveKey));
    return;
  }
  switch (view) {
    case 'run':
      content.replaceChildren(h('div', { class: 'run-layout' }, form, resultSlot));
      return;
    case 'history': {
      const page = await bridge.listRuns({ limit: 50 }).catch((error: unknown) => error as Error);
      if (view !== 'history') return;
      if (page instanceof Error) content.replaceChildren(errorView('The run history could not be loaded', page.message));
      else content.replaceChildren(historyView(page, (run) => ((view = 'run'), show(run), void render()), (cursor) => bridge.listRuns({ limit: 50, cursor })));
      return;
    }
    case 'logs':
      content.replaceChildren(logsView(logs));
      return;
    case 'settings':
      content.replaceChildren(settingsView(settings, { save: saveKey, remove: removeKey }));
      return;
  }
}

async function saveKey(key: string): Promise<void> {
  settings = await bridge.saveApiKey(key);
  await render();
}

async function removeKey(): Promise<void> {
  settings = await bridge.removeApiKey();
  await render();
}

function onConnection(status: ConnectionStatus): void {
  const notice = notificationFor(connection, status);
  connection = status;
  banner.show(status);
  if (notice && 'Notification' in window && Notification.permission === 'granted') new Notification(notice.title, { body: notice.body });
}

function onEvent(event: HostEvent): void {
  if (event.type === 'connection') onConnection(event.status);
  if (event.type === 'settings') {
    const changed = settings?.hasApiKey !== event.settings.hasApiKey || settings.maskedKey !== event.settings.maskedKey;
    settings = event.settings;
    if (changed) void render();
  }
  if (event.type === 'logs') {
    logs = [...logs, ...event.entries].slice(-500);
    if (view === 'logs') void render();
  }
}

for (const tab of document.querySelectorAll<HTMLButtonElement>('.tab')) {
  tab.addEventListener('click', () => {
    view = (tab.dataset.view as View | undefined) ?? 'run';
    void render();
  });
}

bridge.onEvent(onEvent);
bridge
  .getSnapshot()
  .then((snapshot) => {
    settings = snapshot.settings;
    logs = [...snapshot.logs];
    document.body.dataset.mode = snapshot.mode;
    onConnection(connection ?? snapshot.connection);
    return render();
  })
  .catch((error: unknown) => {
    clear(content);
    content.append(errorView('Sentinel could not load', error instanceof Error ? error.message : String(error)));
  });
