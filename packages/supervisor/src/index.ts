export { Supervisor } from './supervisor.js';
export type { StartResult } from './supervisor.js';
export { SupervisorError, SUPERVISOR_ERROR_CODES, isSupervisorError } from './errors.js';
export type { SupervisorErrorCode } from './errors.js';
export type { SupervisorState } from './state.js';
export { TRANSITIONS, canTransition } from './state.js';
export type { ExitInfo, ExitReason, LogLine, SupervisorEvents, SupervisorSnapshot } from './events.js';
export type { HealthOptions, HttpCheck, LogOptions, ReadinessOptions, RestartOptions, StdoutCheck, StopOptions, SupervisorOptions, TcpCheck } from './options/types.js';
export * from './options/defaults.js';
