import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The files `npm pack` would publish (the "files" list of package.json applied). */
function packedFiles(): Set<string> {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  return new Set((JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]?.files.map((f) => f.path));
}

describe('the published package', () => {
  it('ships every file its source maps point at', () => {
    const files = packedFiles();
    const maps = [...files].filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(50);
    const missing = maps.flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(join(root, map), 'utf8')) as { sources: string[] };
      return sources.map((source) => normalize(join(dirname(map), source))).filter((path) => !files.has(path));
    });
    expect(missing).toEqual([]);
  });

  it('exports the /proc process table and the child helpers by name', async () => {
    const proc = await import('@sentinel/supervisor/proc');
    expect(typeof proc.defaultProcessTable).toBe('function');
    expect(proc.isProcessGone(process.pid)).toBe(false);
    expect(proc.readEnvironVariable(process.pid, 'PATH')).toBe(process.env['PATH']);
    expect((await proc.defaultProcessTable().get(process.pid))?.pid).toBe(process.pid);
    const child = await import('@sentinel/supervisor/child');
    expect(typeof child.exitWithParent).toBe('function');
  });
});
