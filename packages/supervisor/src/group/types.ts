import type { SupervisorError } from '../errors.js';
import type { SupervisorEvents, SupervisorSnapshot } from '../events.js';
import type { SupervisorOptions } from '../options/types.js';

/**
 * OTP's restart strategies. The member that exited restarts by its own policy in every case; then
 * 'one_for_one' restarts nothing else, 'one_for_all' every other member, 'rest_for_one' the members
 * started after it (its dependents, in start order).
 */
export type GroupStrategy = 'one_for_one' | 'one_for_all' | 'rest_for_one';

/** The group's restart intensity: more member exits than this within windowMs end the group in 'failed'. */
export interface GroupIntensity {
  /** Unexpected member exits allowed within windowMs. @default 5 */
  readonly maxRestarts?: number;
  /** The sliding window, in ms. @default 60000 */
  readonly windowMs?: number;
}

/** One member of a group. */
export interface GroupMemberOptions<Name extends string = string> {
  /** The member's supervisor; its `name` names the member (events, dependsOn, snapshot). */
  readonly supervisor: SupervisorOptions & { readonly name: Name };
  /** Members that must be ready before this one starts (and that stop after it). @default [] */
  readonly dependsOn?: readonly Name[];
}

/** Options of {@link SupervisorGroup}. */
export interface SupervisorGroupOptions<Name extends string = string> {
  /** Name of the group, in its errors. */
  readonly name: string;
  /** The members; started in dependency order, stopped in reverse. */
  readonly members: readonly GroupMemberOptions<Name>[];
  /** @default 'one_for_one' */
  readonly strategy?: GroupStrategy;
  /** @default { maxRestarts: 5, windowMs: 60000 } */
  readonly intensity?: GroupIntensity;
}

/** The states of a group. */
export type GroupState = 'idle' | 'starting' | 'running' | 'restarting' | 'stopping' | 'stopped' | 'failed';

/** Member events forwarded by the group, each payload with the member's name. */
export type MemberEventName = 'state' | 'spawn' | 'ready' | 'unhealthy' | 'exit' | 'backoff' | 'failed' | 'metrics';

/** The events of a SupervisorGroup: its own, and `member:<event>` for each member's event. */
export type SupervisorGroupEvents<Name extends string = string> = {
  [K in MemberEventName as `member:${K}`]: [{ readonly member: Name } & SupervisorEvents[K][0]];
} & {
  state: [{ readonly from: GroupState; readonly to: GroupState }];
  /** The strategy restarts `members` because `trigger` exited unexpectedly. */
  restart: [{ readonly trigger: Name; readonly strategy: GroupStrategy; readonly members: readonly Name[] }];
  /** The group gave up (a member failed, or the intensity was exceeded); every member is stopped. */
  failed: [{ readonly reason: SupervisorError; readonly member: Name | undefined }];
  'listener-error': [{ readonly event: string; readonly error: unknown }];
};

/** The public view of a group. */
export interface SupervisorGroupSnapshot<Name extends string = string> {
  readonly name: string;
  readonly state: GroupState;
  readonly strategy: GroupStrategy;
  /** Member names in start order. */
  readonly order: readonly Name[];
  readonly members: Readonly<Record<Name, SupervisorSnapshot>>;
  readonly lastError: SupervisorError | undefined;
}
