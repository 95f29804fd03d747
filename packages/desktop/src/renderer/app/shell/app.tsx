import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { notificationFor } from '../../../shared/notifications.js';
import type { ConnectionStatus, LogEntry } from '../../../shared/types.js';
import type { WorkspaceBridge, WorkspaceEvent, WorkspaceSettings } from '../../../shared/workspace-bridge.js';
import { createBanner } from '../../views/banner.js';
import { ToastArea, useToasts } from '../components/toast-area.js';
import { AppContext, type AppServices } from './context.js';
import { Nav } from './nav.js';
import { hrefOf, navigate, useRoute } from './routes.js';
import { installShortcuts, requestSearch } from './shortcuts.js';
import { ViewSwitch } from './view-switch.js';

/** Log lines kept for the logs view. */
const LOG_LIMIT = 500;

/** The workspace window: top bar, connection banner, the current view, toasts. */
export function App({ bridge }: { bridge: WorkspaceBridge }) {
  const route = useRoute();
  const [connection, setConnection] = useState<ConnectionStatus | undefined>(undefined);
  const [logs, setLogs] = useState<readonly LogEntry[]>([]);
  const [settings, setSettings] = useState<WorkspaceSettings | undefined>(undefined);
  const [bootError, setBootError] = useState<string | null>(null);
  const { toasts, push, dismiss } = useToasts();
  const bannerRef = useRef<HTMLDivElement>(null);
  const pillRef = useRef<HTMLDivElement>(null);
  const listeners = useMemo(() => new Set<(event: WorkspaceEvent) => void>(), []);

  useEffect(() => {
    (pillRef.current as HTMLElement).textContent = 'Starting…';
    const banner = createBanner(bannerRef.current as HTMLElement, pillRef.current as HTMLElement, () => bridge.retryBackend());
    let last: ConnectionStatus | undefined;
    const onConnection = (status: ConnectionStatus): void => {
      const notice = notificationFor(last, status);
      last = status;
      banner.show(status);
      setConnection(status);
      if (notice && 'Notification' in window && Notification.permission === 'granted') new Notification(notice.title, { body: notice.body });
    };
    const unsubscribe = bridge.onEvent((event) => {
      if (event.type === 'connection') onConnection(event.status);
      if (event.type === 'logs') setLogs((list) => [...list, ...event.entries].slice(-LOG_LIMIT));
      if (event.type === 'settings') setSettings(event.settings);
      for (const listener of listeners) listener(event);
    });
    bridge.getSnapshot().then(
      (snapshot) => {
        document.body.dataset.mode = snapshot.mode;
        setLogs(snapshot.logs.slice(-LOG_LIMIT));
        setSettings((current) => current ?? snapshot.settings);
        if (!last) onConnection(snapshot.connection);
      },
      (error: unknown) => setBootError(error instanceof Error ? error.message : String(error)),
    );
    const removeShortcuts = installShortcuts({
      search: () => {
        requestSearch();
        navigate({ view: 'library' });
      },
    });
    return () => {
      unsubscribe();
      removeShortcuts();
    };
  }, [bridge, listeners]);

  const services: AppServices = useMemo(
    () => ({
      bridge,
      connection,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      notify: push,
    }),
    [bridge, connection, listeners],
  );

  return (
    <AppContext.Provider value={services}>
      <header class="topbar">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true" />
          Sentinel
        </div>
        <Nav current={route.view} />
        <div id="status-pill" class="pill" role="status" aria-live="polite" ref={pillRef} />
      </header>
      <div id="banner" class="banner" data-phase="starting" role="status" aria-live="assertive" ref={bannerRef} />
      {settings && !settings.keys.some((key) => key.configured) && route.view !== 'settings' && <NoKeyNotice />}
      <main id="content" class="content" data-view={route.view}>
        {bootError ? (
          <div class="state error" role="alert">
            <p class="state-title">Sentinel could not load</p>
            <p>{bootError}</p>
          </div>
        ) : (
          <ViewSwitch route={route} logs={logs} />
        )}
      </main>
      <ToastArea toasts={toasts} dismiss={dismiss} />
    </AppContext.Provider>
  );
}

/** First run (or every key removed): tests can be written, not run, until a provider key is added. */
function NoKeyNotice() {
  return (
    <p class="notice info first-run" id="no-key-notice" role="status">
      No model provider key yet. Add an Anthropic or OpenAI key in <a href={hrefOf({ view: 'settings' })}>Settings</a> to run tests; you can write and import tests meanwhile.
    </p>
  );
}
