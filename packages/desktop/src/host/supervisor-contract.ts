import type { ExitInfo, Supervisor, SupervisorEvents } from '@sentinel/supervisor';

/** The part of `@sentinel/supervisor`'s Supervisor the host uses (a factory builds the real one). */
export type SupervisorLike = Pick<Supervisor, 'state' | 'start' | 'stop' | 'restart' | 'snapshot' | 'whenReady' | 'on' | 'off'>;

/** Event name -> payload, from the supervisor's own event map. */
export type SupervisorEventMap = { [K in keyof SupervisorEvents]: SupervisorEvents[K][0] };

export type SupervisorExitEvent = ExitInfo;
