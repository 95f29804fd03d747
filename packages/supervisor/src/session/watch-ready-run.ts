import { SupervisorError } from '../errors.js';
import { HealthMonitor } from '../health/health-monitor.js';
import { sampleMetrics } from '../metrics/sampler.js';
import { defaultProcessTable } from '../proc/index.js';
import { killFor, probeError, targetOf, type LiveRun } from './live-run.js';
import type { SessionHost } from './session-host.js';

/** Once ready: health probes (state ready <-> unhealthy, kill when hung) and metrics (memory limit). */
export function watchReadyRun(host: SessionHost, live: LiveRun): void {
  const { run, controller } = live;
  const { config } = host;
  const signal = controller.signal;
  if (config.health !== false) {
    const monitor = new HealthMonitor(config.health, targetOf(host, run), {
      onFailure: (error, failures, hung) => {
        if (host.state() === 'ready') host.transition('unhealthy');
        const failure = probeError(host, error);
        host.emit('unhealthy', { pid: run.pid, failures, error: failure });
        if (hung) killFor(host, run, 'unhealthy', new SupervisorError('SUP_ERR_UNHEALTHY', config.name, `${failures} failures, last: ${error.message}`, { cause: failure }));
      },
      onRecovery: () => {
        if (host.state() === 'unhealthy') host.transition('ready');
      },
      // Keep the remembered tree fresh, so a process that later leaves the group is still stopped.
      onProbe: () => void run.tree.members().catch(() => undefined),
    }, signal);
    live.health = monitor;
    monitor.start();
  }
  // Remember the tree at once (cheap): a descendant that leaves the group and loses its parent right
  // after ready must still be stopped.
  void run.tree.members().catch(() => undefined);
  const metrics = config.metrics;
  if (metrics === false) return;
  sampleMetrics(metrics, defaultProcessTable(), { pid: run.pid, spawnedAt: run.spawnedAt, members: (wholeGroup) => run.tree.members(wholeGroup) }, (sample) => {
    live.metrics = sample;
    host.emit('metrics', sample);
    if (metrics.maxRssBytes !== undefined && sample.rssBytes > metrics.maxRssBytes) {
      const detail = `${sample.rssBytes} bytes in ${sample.processes} processes, over ${metrics.maxRssBytes}`;
      killFor(host, run, 'memory-limit', new SupervisorError('SUP_ERR_MEMORY_LIMIT', config.name, detail));
    }
  }, signal);
}
