import { useEffect, useRef, useState } from 'preact/hooks';
import type { SuiteRun, SuiteRunEvent } from '@sentinel/backend/contract';
import { toUiError, type UiError } from '../../bridge/ui-error.js';
import { ErrorState, Loading } from '../../components/states.js';
import { isRecovering, useApp } from '../../shell/context.js';
import { CaseResults } from './case-results.js';
import { SuiteProgress } from './suite-progress.js';
import { SuiteRunActions } from './suite-run-actions.js';
import { applySuiteRunEvent, initialLive, timing, type LiveSuiteRun } from './suite-run-state.js';

/** A suite run followed live: progress, each case's result as it lands, cancel, rerun failed, JUnit; it rides through backend restarts. */
export function SuiteRunView({ id }: { id: string }) {
  const { bridge, connection, subscribe } = useApp();
  const [live, setLive] = useState<LiveSuiteRun | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [actionError, setActionError] = useState<UiError | null>(null);
  const [now, setNow] = useState(Date.now());
  const wasRecovering = useRef(false);
  /** Events that arrived before the first fetch answered: applied on top of it, in order. */
  const early = useRef<SuiteRunEvent[]>([]);

  const refresh = (): void => {
    setError(null);
    bridge.getSuiteRun(id).then(
      (run) =>
        setLive((current) => {
          if (current) return applySuiteRunEvent(current, { type: 'snapshot', run });
          const events = early.current.splice(0);
          return events.reduce(applySuiteRunEvent, initialLive(run));
        }),
      (caught: unknown) => setError(toUiError(caught)),
    );
  };

  useEffect(() => {
    setLive(null);
    setError(null);
    early.current = [];
    const unsubscribe = subscribe((event) => {
      if (event.type !== 'suite-run') return;
      setLive((current) => {
        if (current) return applySuiteRunEvent(current, event.event);
        early.current.push(event.event);
        return current;
      });
    });
    // Watch, then fetch: an event between the two is applied on top of the fetched run, never lost.
    void bridge.watchSuiteRun(id).catch(() => undefined);
    refresh();
    return () => {
      unsubscribe();
      void bridge.unwatchSuiteRun(id).catch(() => undefined);
    };
  }, [bridge, id]);

  // After the backend came back, catch up with what happened meanwhile (the host's stream starts again with a snapshot too).
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
  const apply = (next: SuiteRun): void => setLive((current) => (current ? applySuiteRunEvent(current, { type: 'snapshot', run: next }) : current));

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
        <SuiteRunActions run={run} onRun={apply} onError={setActionError} />
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
