// Baseline for the `sentinel run` benchmark: the same model calls with nothing of Sentinel's around
// them. A CommonJS script (as the CLI's bin is) that sends `cases` Messages requests to the stub,
// `concurrency` at a time over keep-alive connections, reads and parses every answer, and exits.
// Its spawn-to-exit time is Node's start plus the round trips: what no CLI can go below here.
'use strict';
const http = require('node:http');

const [baseUrl, cases, concurrency] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const url = new URL('/v1/messages', baseUrl);
const agent = new http.Agent({ keepAlive: true });
const headers = { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': process.env.ANTHROPIC_API_KEY ?? 'sk-bench', 'anthropic-version': '2023-06-01' };

function call(index) {
  const body = JSON.stringify({ model: 'claude-sonnet-4-6', max_tokens: 1024, messages: [{ role: 'user', content: `bench question ${index}` }] });
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`the stub answered ${response.statusCode}`));
        else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

let next = 0;
async function lane() {
  while (next < cases) await call(next++);
}
Promise.all(Array.from({ length: concurrency }, lane)).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
