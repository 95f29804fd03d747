import type { Logger } from 'pino';

/** A readiness or health check after validation. */
export type CheckConfig =
  | { readonly kind: 'http'; readonly path: string; readonly requireInstanceId: boolean }
  | { readonly kind: 'tcp' }
  | { readonly kind: 'stdout'; readonly pattern: RegExp };

export interface HealthConfig {
  readonly check: Extract<CheckConfig, { kind: 'http' | 'tcp' }>;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly failureThreshold: number;
}

export interface RestartConfig {
  readonly initialDelayMs: number;
  readonly factor: number;
  readonly maxDelayMs: number;
  readonly jitter: number;
  readonly resetAfterMs: number;
  readonly maxRestarts: number;
  readonly windowMs: number;
}

/** Options after defaults and validation: every field set. */
export interface SupervisorConfig {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string | undefined;
  readonly port: 'auto' | number | false;
  readonly host: string;
  readonly readiness: { readonly check: CheckConfig; readonly timeoutMs: number };
  readonly health: HealthConfig | false;
  readonly restart: RestartConfig | false;
  readonly stop: { readonly signal: NodeJS.Signals; readonly timeoutMs: number };
  readonly logs: { readonly maxLineBytes: number; readonly lastLines: number };
  readonly logger: Logger | undefined;
  readonly runtimeDir: string | false;
}
