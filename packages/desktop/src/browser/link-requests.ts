import { createInterface } from 'node:readline';

/**
 * Call `onRequest` each time Enter is pressed in the terminal (a line on `input`), so a user can
 * sign in a second browser, or replace an expired link, without restarting. The terminal stays in
 * its normal mode, so Ctrl-C still stops Sentinel. Returns a stopper.
 */
export function onEnterPressed(input: NodeJS.ReadableStream, onRequest: () => void): () => void {
  const lines = createInterface({ input, terminal: false });
  lines.on('line', onRequest);
  return () => lines.close();
}
