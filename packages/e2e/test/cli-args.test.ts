import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseDuration, splitCommand, UsageError } from '../src/cli/parse-args.js';
import { resolveChaosOptions } from '../src/config/chaos-options.js';
import { replayCommand } from '../src/runner/replay-command.js';

describe('sentinel-chaos arguments', () => {
  it('defaults to Sentinel under the launcher, reports in ./chaos-report', () => {
    expect(parseCliArgs([])).toEqual({ chaos: { target: { kind: 'sentinel', launcher: true } }, outDir: 'chaos-report', quiet: false, help: false });
  });

  it('reads seed, faults, kinds and a generic command', () => {
    const cli = parseCliArgs(['--seed', '42', '--faults', '7', '--kinds', 'sigkill,hang', '--command', 'python3 "my app.py" --x', '--health', '/healthz', '--out', 'r']);
    expect(cli.chaos).toEqual({
      seed: 42, faults: 7, kinds: ['sigkill', 'hang'],
      target: { kind: 'command', command: 'python3', args: ['my app.py', '--x'], health: '/healthz', requireInstanceId: false },
    });
    expect(cli.outDir).toBe('r');
  });

  it.each([
    [['--seed', 'abc'], /--seed: expected an integer >= 0, received "abc"/],
    [['--faults', '0'], /--faults: expected an integer >= 1, received "0"/],
    [['--duration', '10 minutes'], /--duration: expected a duration like 90s, 30m or 1h, received "10 minutes"/],
    [['--kinds', 'sigkill,meteor'], /--kinds: unknown fault kind "meteor"/],
    [['--faults', '3', '--duration', '1m'], /cannot be combined/],
    [['--health', '/h'], /need --command/],
    [['--command', 'x', '--health', 'health'], /--health: expected a path starting with '\/', received "health"/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('--group runs the target as a group member, and the replay command keeps it', () => {
    const cli = parseCliArgs(['--group', '--seed', '9', '--faults', '3']);
    expect(cli.chaos).toEqual({ seed: 9, faults: 3, group: true, target: { kind: 'sentinel', launcher: true } });
    expect(replayCommand(resolveChaosOptions(cli.chaos, () => 0))).toBe('sentinel-chaos --seed 9 --faults 3 --group');
  });

  it.each([
    [['--seed', '9', '--faults', '3', '--no-launcher'], 'sentinel-chaos --seed 9 --faults 3 --no-launcher'],
    [['--seed', '9', '--duration', '1500ms', '--kinds', 'hang,sigkill'], 'sentinel-chaos --seed 9 --duration 1500ms --kinds hang,sigkill'],
    [['--seed', '9', '--duration', '2m'], 'sentinel-chaos --seed 9 --duration 120s'],
    [['--seed', '9', '--faults', '3', '--no-suites'], 'sentinel-chaos --seed 9 --faults 3 --no-suites'],
    [
      ['--seed', '9', '--faults', '3', '--command', "python3 'my app.py'", '--health', '/h', '--cwd', '/tmp/x y', '--require-instance-id'],
      `sentinel-chaos --seed 9 --faults 3 --command 'python3 "my app.py"' --health /h --cwd '/tmp/x y' --require-instance-id`,
    ],
  ])('the replay command of %j reproduces the run', (argv, replay) => {
    const resolved = resolveChaosOptions(parseCliArgs(argv).chaos, () => 0);
    expect(replayCommand(resolved)).toBe(replay);
    const again = resolveChaosOptions(parseCliArgs(splitCommand(replay).slice(1)).chaos, () => 0);
    expect({ ...again, onProgress: undefined }).toEqual({ ...resolved, onProgress: undefined });
  });

  it('parses durations', () => {
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('1500ms')).toBe(1_500);
    expect(parseDuration('45')).toBe(45_000);
  });

  it('splits a command line with quotes', () => {
    expect(splitCommand(`node 'a b.js' "c d" e`)).toEqual(['node', 'a b.js', 'c d', 'e']);
  });
});

describe('runChaos options', () => {
  const seed = () => 5;

  it('fills in the defaults', () => {
    const resolved = resolveChaosOptions({}, seed);
    expect(resolved.seed).toBe(5);
    expect(resolved.faults).toBe(100);
    expect(resolved.target).toEqual({ kind: 'sentinel' });
    expect(resolved.group).toBe(false);
    expect(resolved.suites).toBe(true);
    expect(resolveChaosOptions({ target: { kind: 'command', command: 'x', args: [], health: '/h' } }, seed).suites).toBe(false);
  });

  it.each([
    [{ seed: -1 }, /Invalid option `seed`: expected an integer >= 0, received -1/],
    [{ faults: 1.5 }, /Invalid option `faults`: expected a positive integer, received 1.5/],
    [{ kinds: [] }, /Invalid option `kinds`/],
    [{ kinds: ['nope'] }, /Invalid option `kinds`: expected one of .*received "nope"/],
    [{ timing: { healthIntervalMs: -5 } }, /Invalid option `timing.healthIntervalMs`: expected a finite number >= 0, received -5/],
    [{ timing: { restartJitter: 1 } }, /Invalid option `timing.restartJitter`: expected a fraction below 1, received 1/],
    [{ target: { kind: 'command', command: '', args: [], health: '/h' } }, /Invalid option `target.command`/],
    [{ target: { kind: 'command', command: 'x', args: [], health: 'h' } }, /Invalid option `target.health`: expected a path starting with '\/', received "h"/],
    [{ group: 'yes' }, /Invalid option `group`: expected a boolean, received "yes"/],
    [{ suites: 1 }, /Invalid option `suites`: expected a boolean, received 1/],
    [{ suites: true, target: { kind: 'command', command: 'x', args: [], health: '/h' } }, /Invalid option `suites`: expected false with a command target/],
  ])('throws a TypeError naming the option for %j', (options, message) => {
    expect(() => resolveChaosOptions(options as never, seed)).toThrow(TypeError);
    expect(() => resolveChaosOptions(options as never, seed)).toThrow(message);
  });
});
