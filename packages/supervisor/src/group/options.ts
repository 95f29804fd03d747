import { fail, integerAtLeast, isRecord, nonEmptyString, optionObject, positiveMs } from '../options/checks.js';
import { DEFAULT_RESTART_MAX_RESTARTS, DEFAULT_RESTART_WINDOW_MS } from '../restart/options.js';
import type { GroupStrategy, SupervisorGroupOptions } from './types.js';

export const GROUP_STRATEGIES: readonly GroupStrategy[] = ['one_for_one', 'one_for_all', 'rest_for_one'];

/** A group after validation: members in start order (every member after its dependencies). */
export interface GroupConfig<Name extends string> {
  readonly name: string;
  readonly strategy: GroupStrategy;
  readonly maxRestarts: number;
  readonly windowMs: number;
  readonly order: readonly Name[];
  readonly dependsOn: ReadonlyMap<Name, readonly Name[]>;
}

export function parseGroupOptions<Name extends string>(options: SupervisorGroupOptions<Name>): GroupConfig<Name> {
  const raw = optionObject('options', options, ['name', 'members', 'strategy', 'intensity']);
  const strategy = (raw['strategy'] ?? 'one_for_one') as GroupStrategy;
  if (!GROUP_STRATEGIES.includes(strategy)) fail('strategy', GROUP_STRATEGIES.map((s) => `'${s}'`).join(', '), raw['strategy']);
  const intensity = optionObject('intensity', raw['intensity'], ['maxRestarts', 'windowMs']);
  const members = raw['members'];
  if (!Array.isArray(members) || members.length === 0) fail('members', 'a non-empty array of { supervisor, dependsOn? }', members);
  const dependsOn = new Map<Name, readonly Name[]>();
  members.forEach((member: unknown, i) => {
    const entry = optionObject(`members[${i}]`, member, ['supervisor', 'dependsOn']);
    if (!isRecord(entry['supervisor'])) fail(`members[${i}].supervisor`, 'the options of a Supervisor', entry['supervisor']);
    const name = nonEmptyString(`members[${i}].supervisor.name`, entry['supervisor']['name']) as Name;
    if (dependsOn.has(name)) fail(`members[${i}].supervisor.name`, 'unique in the group', name);
    const deps = entry['dependsOn'] ?? [];
    if (!Array.isArray(deps) || !deps.every((d) => typeof d === 'string')) fail(`members[${i}].dependsOn`, 'an array of member names', deps);
    dependsOn.set(name, [...(deps as Name[])]);
  });
  for (const [name, deps] of dependsOn) {
    for (const dep of deps) if (!dependsOn.has(dep) || dep === name) fail(`dependsOn of ${name}`, `names of other members (${[...dependsOn.keys()].join(', ')})`, dep);
  }
  return {
    name: nonEmptyString('name', raw['name']),
    strategy,
    maxRestarts: integerAtLeast('intensity.maxRestarts', intensity['maxRestarts'], DEFAULT_RESTART_MAX_RESTARTS, 0),
    windowMs: positiveMs('intensity.windowMs', intensity['windowMs'], DEFAULT_RESTART_WINDOW_MS),
    order: startOrder(dependsOn),
    dependsOn,
  };
}

/** Kahn's algorithm, keeping the given order among independent members; a cycle is a TypeError. */
function startOrder<Name extends string>(dependsOn: ReadonlyMap<Name, readonly Name[]>): Name[] {
  const order: Name[] = [];
  const placed = new Set<Name>();
  while (order.length < dependsOn.size) {
    const next = [...dependsOn.keys()].find((name) => !placed.has(name) && (dependsOn.get(name) ?? []).every((d) => placed.has(d)));
    if (next === undefined) fail('members', 'free of dependency cycles', [...dependsOn.keys()].filter((n) => !placed.has(n)));
    order.push(next);
    placed.add(next);
  }
  return order;
}
