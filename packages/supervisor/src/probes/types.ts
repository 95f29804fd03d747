/** What a custom probe function is given. */
export interface ProbeContext {
  /** Loopback host the backend listens on. */
  readonly host: string;
  /** The backend's port, or undefined when `port` is false. */
  readonly port: number | undefined;
  /** `http://host:port`, or undefined without a port. */
  readonly url: string | undefined;
  /** This launch's `SUPERVISOR_INSTANCE_ID`. */
  readonly instanceId: string;
  /** The backend's pid. */
  readonly pid: number;
  /** Aborts when the probe's time is up or the backend is gone: pass it to fetch() and the like. */
  readonly signal: AbortSignal;
}

/**
 * A custom probe: passes unless it throws, rejects or returns `false`. Bounded by the probe timeout
 * (its `signal` aborts then, and a later result is ignored).
 */
export type ProbeFunction = (context: ProbeContext) => unknown;

/** Passes when `GET http://host:port<http>` answers the expected status (and, if asked, the instance id). */
export interface HttpCheck {
  /** Path to request, starting with '/'. */
  readonly http: string;
  /**
   * Require a JSON body whose `instance` field equals the `SUPERVISOR_INSTANCE_ID` given to this launch,
   * so that a stale server from an earlier run is never adopted.
   * @default false
   */
  readonly requireInstanceId?: boolean;
  /** Request headers (for example an authorization the route needs). @default {} */
  readonly headers?: Readonly<Record<string, string>>;
  /** The status (or statuses) that pass, e.g. `204` or `[200, 401]`. @default any 2xx */
  readonly expectedStatus?: number | readonly number[];
  readonly tcp?: never;
  readonly stdout?: never;
  readonly probe?: never;
}

/** Passes when a TCP connection to host:port succeeds. */
export interface TcpCheck {
  readonly tcp: true;
  readonly http?: never;
  readonly stdout?: never;
  readonly probe?: never;
}

/** Ready when a stdout line matches the pattern (readiness only). */
export interface StdoutCheck {
  readonly stdout: RegExp;
  readonly http?: never;
  readonly tcp?: never;
  readonly probe?: never;
}

/** Passes when the function resolves (see {@link ProbeFunction}); works without a port too. */
export interface CustomCheck {
  readonly probe: ProbeFunction;
  readonly http?: never;
  readonly tcp?: never;
  readonly stdout?: never;
}

/** A probe after validation. */
export type ProbeConfig =
  | { readonly kind: 'http'; readonly path: string; readonly requireInstanceId: boolean; readonly headers: Readonly<Record<string, string>>; readonly expectedStatus: readonly number[] | undefined }
  | { readonly kind: 'tcp' }
  | { readonly kind: 'custom'; readonly probe: ProbeFunction };

/** A readiness check after validation: a probe, or a stdout pattern. */
export type CheckConfig = ProbeConfig | { readonly kind: 'stdout'; readonly pattern: RegExp };

/** Whom a probe checks. */
export interface ProbeTarget {
  readonly host: string;
  readonly port: number | undefined;
  readonly instanceId: string;
  readonly pid: number;
}
