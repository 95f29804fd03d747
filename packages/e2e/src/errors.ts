/** Error codes raised by the chaos runner. */
export const CHAOS_ERROR_CODES = {
  CHAOS_ERR_HOST: 'the host subprocess failed or disappeared',
  CHAOS_ERR_TIMEOUT: 'a safety-net timeout expired while waiting for the system',
  CHAOS_ERR_CONFIG: 'the chaos configuration cannot run',
} as const;

export type ChaosErrorCode = keyof typeof CHAOS_ERROR_CODES;

/** A runtime failure of the chaos runner itself (not a violation of an invariant). */
export class ChaosError extends Error {
  readonly code: ChaosErrorCode;

  constructor(code: ChaosErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChaosError';
    this.code = code;
  }
}

/** Describes a value for a TypeError message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Throws a TypeError naming the option and the value received. */
export function badOption(option: string, value: unknown, expected: string): never {
  throw new TypeError(`Invalid option \`${option}\`: expected ${expected}, received ${describeValue(value)}`);
}
