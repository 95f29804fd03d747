import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

function postJson(url, body, headers, agent) {
  const target = new URL(url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`${url} answered ${response.statusCode}`))));
      },
    );
    call.setTimeout(10_000, () => call.destroy(new Error(`${url} timed out`)));
    call.on('error', reject);
    call.end(payload);
  });
}

/** Latencies (ms) of `count` sequential POSTs, after `warmup` unmeasured ones. */
export async function sequentialLatencies(url, body, headers, { count = 300, warmup = 30 } = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies = [];
  for (let index = 0; index < warmup + count; index += 1) {
    const start = performance.now();
    await postJson(url, body, headers, agent);
    if (index >= warmup) latencies.push(performance.now() - start);
  }
  agent.destroy();
  return latencies;
}
