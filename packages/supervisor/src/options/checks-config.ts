import type { CheckConfig } from './config.js';
import { fail, httpPath, isRecord, optionalBoolean } from './checks.js';

/** Validates `{ http } | { tcp: true } | { stdout: RegExp }` (stdout only when allowed). */
export function parseCheck(option: string, value: unknown, allowStdout: boolean): CheckConfig {
  if (!isRecord(value)) fail(option, 'an object', value);
  const kinds = ['http', 'tcp', 'stdout'].filter((k) => value[k] !== undefined);
  if (kinds.length !== 1) {
    fail(option, allowStdout ? 'exactly one of { http }, { tcp: true }, { stdout: RegExp }' : 'exactly one of { http }, { tcp: true }', value);
  }
  if (value['http'] !== undefined) {
    return {
      kind: 'http',
      path: httpPath(`${option}.http`, value['http']),
      requireInstanceId: optionalBoolean(`${option}.requireInstanceId`, value['requireInstanceId'], false),
    };
  }
  if (value['tcp'] !== undefined) {
    if (value['tcp'] !== true) fail(`${option}.tcp`, 'true', value['tcp']);
    return { kind: 'tcp' };
  }
  if (!allowStdout) fail(`${option}.stdout`, 'absent (health checks are http or tcp)', value['stdout']);
  if (!(value['stdout'] instanceof RegExp)) fail(`${option}.stdout`, 'a RegExp', value['stdout']);
  return { kind: 'stdout', pattern: withoutStatefulFlags(value['stdout']) };
}

/** A copy without the g and y flags, so that `test()` never depends on `lastIndex`. */
function withoutStatefulFlags(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
}
