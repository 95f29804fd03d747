// The `sentinel` CLI's entry, bundled into dist/sentinel-cli.cjs (loaded by bin/sentinel.js).
import { scrubSecrets } from '../app/scrub-secrets.js';
import { EXIT_CODES } from './exit-codes.js';
import { Interrupt } from './interrupt.js';
import { main } from './main.js';

const interrupt = new Interrupt();
const write = (stream: NodeJS.WriteStream) => (text: string): void => void stream.write(text);

function onSignal(): void {
  const action = interrupt.signal();
  if (action === 'stopping') process.stderr.write('\nsentinel: interrupted: starting no more cases; the ones in flight finish and are recorded (Ctrl-C again to cut them)\n');
  if (action === 'cutting') process.stderr.write('\nsentinel: cutting the model calls in flight (Ctrl-C again to exit at once)\n');
  if (action === 'exit') process.exit(EXIT_CODES.interrupted);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

/** Exits once stdout and stderr have taken everything written (a pipe may still be draining). */
function exitWhenFlushed(code: number): void {
  let pending = 2;
  const done = (): void => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

const secrets = [process.env.ANTHROPIC_API_KEY, process.env.OPENAI_API_KEY, process.env.SENTINEL_TOKEN];

main(process.argv.slice(2), { env: process.env, cwd: process.cwd(), stdout: write(process.stdout), stderr: write(process.stderr), progress: { isTTY: process.stderr.isTTY === true, write: write(process.stderr) }, interrupt })
  .then(exitWhenFlushed, (error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`sentinel: unexpected error: ${scrubSecrets(text, secrets)}\n`);
    exitWhenFlushed(EXIT_CODES.failed);
  });
