import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Spawns a process and resolves with it and its first stdout line matching `pattern`. */
export function spawnUntilLine(command: string, args: readonly string[], pattern: RegExp, options: Parameters<typeof spawn>[2] = {}): Promise<{ child: ChildProcess; line: string; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'inherit'], ...options });
    const lines: string[] = [];
    const rl = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    rl.on('line', (line) => {
      lines.push(line);
      if (pattern.test(line)) resolve({ child, line, lines });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`exited (${String(code)}) before printing ${String(pattern)}: ${lines.join('\n')}`)));
  });
}
