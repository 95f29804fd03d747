import { useEffect, useRef, useState } from 'preact/hooks';
import type { SuiteRun } from '@sentinel/backend/contract';
import { toUiError, type UiError } from '../../bridge/ui-error.js';
import { ErrorState, Loading } from '../../components/states.js';
import { isRecovering, useApp } from '../../shell/context.js';
import { hrefOf, navigate } from '../../shell/routes.js';
import { CaseResults } from './case-results.js';
import { applySuiteRunEvent, initialLive, timing, type LiveSuiteRun } from './suite-run-state.js';
import { SuiteProgress } from './suite-progress.js';

/** A suite run followed live: progress, each case's result as it lands, cancel, rerun failed; it rides through backend restarts. */
export function SuiteRunView({ id }: { id: string }) {
  const { bridge, connection, subscribe } = useApp();
  const [live, setLive] = useState<LiveSuiteRun | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [actionError, setActionError] = useState<UiError | null>(null);
  const [now, setNow] = useState(Date.now());
  const wasRecovering = useRef(false);

  const refresh = (): void => {
    bridge.getSuiteRun(id).then(
      (run) => setLive((current) => (current ? applySuiteRunEvent(current, { type: 'snapshot', run }) : initialLive(run))),
      (caught: unknown) => setError(toUiError(caught)),
    );
    void bridge.watchSuiteRun(id).catch(() => undefined);
  };

  useEffect(() => {
    setLive(null);
    setError(null);
    const unsubscribe = subscribe((event) => {
      if (event.type === 'suite-run') setLive((current) => (current ? applySuiteRunEvent(current, event.event) : current));
    });
    refresh();
    return () => {
      unsubscribe();
      void bridge.unwatchSuiteRun(id).catch(() => undefined);
    };
  }, [bridge, id]);

  // After the backend came back, catch up with what happened meanwhile (the host re-subscribes too).
  useEffect(() => {
    const recovering = isRecovering(connection) || connection?.phase === 'failed';
    if (wasRecovering.current && connection?.phase === 'connected') refresh();
    wasRecovering.current = recovering;
  }, [connection]);

  const running = live?.run.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, [running]);

  if (error) return <ErrorState title="The suite run could not be loaded" error={error} onRetry={refresh} />;
  if (!live) return <Loading label="Loading the suite run…" />;
  const { run } = live;
  const { elapsedMs, remainingMs } = timing(run, now);
  const act = (action: () => Promise<SuiteRun>, after?: (next: SuiteRun) => void): void => {
    setActionError(null);
    action().then(
      (next) => (after ? after(next) : setLive((current) => (current ? applySuiteRunEvent(current, { type: 'snapshot', run: next }) : current))),
      (caught: unknown) => setActionError(toUiError(caught)),
    );
  };

  return (
    <section class="suite-run" aria-labelledby="suite-run-title" data-status={run.status}>
      <div class="view-head">
        <div>
          <h1 id="suite-run-title">{run.suite.name}</h1>
          <p class="muted">
            Suite run {run.id}
            {run.rerun_of ? ` · reruns the failed cases of ${run.rerun_of}` : ''} · concurrency {run.concurrency}
            {run.cache ? ' · response cache on' : ''}
          </p>
        </div>
        <div class="view-actions">
          {running && (
            <button type="button" class="button danger" onClick={() => act(() => bridge.cancelSuiteRun(id))}>
              Cancel run
            </button>
          )}
          {!running && run.failed + run.errors > 0 && (
            <button type="button" class="button primary" onClick={() => act(() => bridge.rerunFailed(id), (next) => navigate({ view: 'suite-run', id: next.id }))}>
              Rerun failed ({run.failed + run.errors})
            </button>
          )}
          {!running && (
            <a class="button" href={hrefOf({ view: 'compare', of: 'suite-runs', base: run.rerun_of, head: run.id })}>
              Compare…
            </a>
          )}
        </div>
      </div>
      {running && isRecovering(connection) && (
        <p class="notice warn" role="status" id="resume-notice">
          Backend restarting, the run will resume.
        </p>
      )}
      {running && connection?.phase === 'failed' && (
        <p class="notice error" role="alert" id="resume-notice">
          The backend could not be restarted. Press Retry above: the run resumes where it stopped.
        </p>
      )}
      {actionError && (
        <p class="notice error" role="alert">
          {actionError.message}
        </p>
      )}
      <SuiteProgress run={run} elapsedMs={elapsedMs} remainingMs={remainingMs} />
      <CaseResults live={live} />
    </section>
  );
}
