/** Defaults of every option, as named constants. Why each value: see the package README. */

/** Host the backend is reached on: loopback only. */
export const DEFAULT_HOST = '127.0.0.1';
/** Startup deadline: long enough for a one-file PyInstaller unpack (~20 s), short enough to report. */
export const DEFAULT_READY_TIMEOUT_MS = 30_000;
/** Health probe period (Kubernetes uses 10 s; a desktop app wants a hang seen within seconds). */
export const DEFAULT_HEALTH_INTERVAL_MS = 2_000;
/** A probe slower than this fails (Kubernetes' default). */
export const DEFAULT_HEALTH_TIMEOUT_MS = 1_000;
/** Failures in a row before the backend counts as hung (Kubernetes' default). */
export const DEFAULT_HEALTH_FAILURE_THRESHOLD = 3;
/** First restart delay (systemd's RestartSec). */
export const DEFAULT_RESTART_INITIAL_DELAY_MS = 100;
/** Growth of the restart delay per consecutive failure. */
export const DEFAULT_RESTART_FACTOR = 2;
/** Cap of the restart delay (PM2's exponential cap). */
export const DEFAULT_RESTART_MAX_DELAY_MS = 15_000;
/** Fraction of random spread applied to each delay (±). */
export const DEFAULT_RESTART_JITTER = 0.1;
/** Staying ready this long resets the delay to initialDelayMs (PM2's value). */
export const DEFAULT_RESTART_RESET_AFTER_MS = 30_000;
/** More restarts than this within windowMs end in 'failed'. */
export const DEFAULT_RESTART_MAX_RESTARTS = 5;
/** Window in which restarts are counted. */
export const DEFAULT_RESTART_WINDOW_MS = 60_000;
/** Signal sent to the tree on stop. */
export const DEFAULT_STOP_SIGNAL = 'SIGTERM';
/** Grace before SIGKILL (OTP's shutdown; a desktop quit must not hang for 10 s+). */
export const DEFAULT_STOP_TIMEOUT_MS = 5_000;
/** Longest log line kept, in bytes; the rest of the line is dropped and the record marked truncated. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;
/** Number of output lines kept for the 'exit' event. */
export const DEFAULT_LAST_LINES = 30;
