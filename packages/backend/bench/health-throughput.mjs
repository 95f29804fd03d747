import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** Requests per second on GET /health with `connections` keep-alive connections for `durationMs`. */
export async function healthRequestsPerSecond(port, { connections = 16, durationMs = 3_000 } = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  let completed = 0;
  let failed = 0;
  const deadline = performance.now() + durationMs;
  const one = () =>
    new Promise((resolve) => {
      const probe = request({ host: '127.0.0.1', port, path: '/health', agent }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode === 200) completed += 1;
          else failed += 1;
          resolve();
        });
      });
      probe.setTimeout(5_000, () => probe.destroy(new Error('timeout')));
      probe.on('error', () => ((failed += 1), resolve()));
      probe.end();
    });
  const worker = async () => {
    while (performance.now() < deadline) await one();
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { rps: completed / seconds, failed };
}
