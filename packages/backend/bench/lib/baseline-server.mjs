// Baseline: the smallest Node HTTP server answering /health like the backend does. It measures
// what Node itself costs (startup, HTTP), so the backend's figures can be read against it.
import { createServer } from 'node:http';

const started = performance.now();
const server = createServer((request, response) => {
  const body = JSON.stringify({ status: 'ok', instance: process.env.SUPERVISOR_INSTANCE_ID ?? null, version: '0', uptimeMs: Math.round(performance.now() - started) });
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ event: 'listening', port: server.address().port }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
