import { fail, isRecord, onlyKeys, optionalBoolean } from '../options/checks.js';
import type { CheckConfig, ProbeFunction } from './types.js';

const KINDS = ['http', 'tcp', 'stdout', 'probe'] as const;
const KEYS_OF: Record<(typeof KINDS)[number], readonly string[]> = {
  http: ['http', 'requireInstanceId', 'headers', 'expectedStatus'],
  tcp: ['tcp'],
  stdout: ['stdout'],
  probe: ['probe'],
};

/**
 * Validates `{ http } | { tcp: true } | { probe } | { stdout }` (stdout only when allowed) plus the
 * phase's own keys (`phaseKeys`, validated by the caller); any other key is rejected.
 */
export function parseCheck(option: string, value: unknown, allowStdout: boolean, phaseKeys: readonly string[]): CheckConfig {
  if (!isRecord(value)) fail(option, 'an object', value);
  const allowed: readonly string[] = allowStdout ? KINDS : KINDS.filter((k) => k !== 'stdout');
  // A typo is named first (`timeout` for `timeoutMs`), whatever else is wrong.
  onlyKeys(option, value, [...new Set([...allowed.flatMap((k) => KEYS_OF[k as keyof typeof KEYS_OF]), ...phaseKeys])]);
  const kinds = KINDS.filter((k) => value[k] !== undefined);
  const kind = kinds[0];
  if (kinds.length !== 1 || kind === undefined) fail(option, `exactly one of ${allowed.map((k) => `{ ${k} }`).join(', ')}`, value);
  if (!allowed.includes(kind)) fail(`${option}.${kind}`, 'absent (health checks are http, tcp or probe)', value[kind]);
  onlyKeys(option, value, [...KEYS_OF[kind], ...phaseKeys]);
  switch (kind) {
    case 'http':
      return {
        kind: 'http',
        path: httpPath(`${option}.http`, value['http']),
        requireInstanceId: optionalBoolean(`${option}.requireInstanceId`, value['requireInstanceId'], false),
        headers: parseHeaders(`${option}.headers`, value['headers']),
        expectedStatus: parseStatuses(`${option}.expectedStatus`, value['expectedStatus']),
      };
    case 'tcp':
      if (value['tcp'] !== true) fail(`${option}.tcp`, 'true', value['tcp']);
      return { kind: 'tcp' };
    case 'probe':
      if (typeof value['probe'] !== 'function') fail(`${option}.probe`, 'a function', value['probe']);
      return { kind: 'custom', probe: value['probe'] as ProbeFunction };
    case 'stdout':
      if (!(value['stdout'] instanceof RegExp)) fail(`${option}.stdout`, 'a RegExp', value['stdout']);
      return { kind: 'stdout', pattern: withoutStatefulFlags(value['stdout']) };
  }
}

function httpPath(option: string, value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || /[\s#]/.test(value)) fail(option, "a path starting with '/'", value);
  return value;
}

function parseHeaders(option: string, value: unknown): Readonly<Record<string, string>> {
  if (value === undefined) return {};
  if (!isRecord(value)) fail(option, 'an object of header strings', value);
  for (const [name, v] of Object.entries(value)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) fail(option, 'an object whose keys are HTTP header names', name);
    if (typeof v !== 'string' || /[\r\n\0]/.test(v)) fail(`${option}.${name}`, 'a string without CR, LF or NUL', v);
  }
  return { ...(value as Record<string, string>) };
}

function parseStatuses(option: string, value: unknown): readonly number[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const valid = list.length > 0 && list.every((s) => typeof s === 'number' && Number.isInteger(s) && s >= 100 && s <= 599);
  if (!valid) fail(option, 'an HTTP status from 100 to 599, or a non-empty array of them', value);
  return [...(list as number[])];
}

/** A copy without the g and y flags, so that `test()` never depends on `lastIndex`. */
function withoutStatefulFlags(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
}
