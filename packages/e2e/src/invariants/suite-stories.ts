import type { AuditedCaseRun, History, ModelCallRecord, ObservedSuiteRun, SuiteAuditRecord, SuiteRecord } from '../history/types.js';

/** Everything the history says about one suite run of the client, by its key. */
export interface SuiteStory {
  readonly key: string;
  /** The 'start-sent' record: kind, number of cases, expected verdicts, cache, reuses. */
  readonly start: SuiteRecord;
  /** The backend's id, once the start was acknowledged (or an interrupted start was found). */
  readonly id: string | undefined;
  /** The suite's records after the start, in order. */
  readonly records: readonly SuiteRecord[];
  /** The suite run as the final audit listed it: by id, else by its unique name. */
  readonly audited: ObservedSuiteRun | undefined;
  /** Every backend suite run that carries this suite's name (more than one: it was started twice). */
  readonly sameName: readonly ObservedSuiteRun[];
  /** The runs recorded for it, from the audit. */
  readonly runs: readonly AuditedCaseRun[];
  /** The model calls made for its cases, by case index, oldest first. */
  readonly calls: ReadonlyMap<number, readonly ModelCallRecord[]>;
}

/** The suite runs of a history, joined with the final audit and the stub's model calls. */
export interface SuiteStories {
  readonly stories: readonly SuiteStory[];
  /** The last suite-run audit, if any. */
  readonly audit: SuiteAuditRecord | undefined;
  /** Backend suite runs no client suite accounts for. */
  readonly unclaimed: readonly ObservedSuiteRun[];
  /** Model calls whose prompt names a suite the client never started. */
  readonly strayCalls: readonly ModelCallRecord[];
}

/** The name the client gives suite `key` (also how an interrupted start is found). */
export function suiteName(key: string): string {
  return `chaos suite ${key}`;
}

/**
 * Which client suite a model call belongs to: its prompt names a suite key; a cache-reuse suite
 * repeats the prompts of the cache-fill suite it reuses and is started after that one ended, so a
 * call named after a cache-fill suite and made after the reuse was sent is the reuse's.
 */
function ownerOf(call: ModelCallRecord, reusedBy: ReadonlyMap<string, SuiteRecord>): string {
  const reuse = reusedBy.get(call.key);
  return reuse !== undefined && call.t >= reuse.t ? reuse.key : call.key;
}

/** Joins each client suite with its records, the audit and the model calls. */
export function suiteStories(history: History): SuiteStories {
  const suiteRecords = history.events.filter((e): e is SuiteRecord => e.type === 'suite');
  const audit = history.events.filter((e): e is SuiteAuditRecord => e.type === 'suite-audit').at(-1);
  const starts = suiteRecords.filter((e) => e.op === 'start-sent');
  const reusedBy = new Map(starts.flatMap((s) => (s.reuses === undefined ? [] : [[s.reuses, s] as const])));
  const keys = new Set(starts.map((s) => s.key));
  const calls = new Map<string, Map<number, ModelCallRecord[]>>();
  const strayCalls: ModelCallRecord[] = [];
  for (const e of history.events) {
    if (e.type !== 'model-call') continue;
    const owner = ownerOf(e, reusedBy);
    if (!keys.has(owner)) {
      strayCalls.push(e);
      continue;
    }
    const byIndex = calls.get(owner) ?? new Map<number, ModelCallRecord[]>();
    calls.set(owner, byIndex);
    byIndex.set(e.index, [...(byIndex.get(e.index) ?? []), e]);
  }
  const claimed = new Set<string>();
  const stories = starts.map((start): SuiteStory => {
    const records = suiteRecords.filter((e) => e.key === start.key && e !== start);
    const id = records.find((e) => (e.op === 'start-acked' || e.op === 'start-found') && e.id !== undefined)?.id;
    const sameName = (audit?.suiteRuns ?? []).filter((run) => run.name === suiteName(start.key));
    const audited = (audit?.suiteRuns ?? []).find((run) => run.id === id) ?? (id === undefined ? sameName[0] : undefined);
    for (const run of sameName) claimed.add(run.id);
    if (audited !== undefined) claimed.add(audited.id);
    const runs = audited === undefined ? [] : (audit?.runs ?? []).filter((run) => run.suiteRunId === audited.id);
    return { key: start.key, start, id, records, audited, sameName, runs, calls: calls.get(start.key) ?? new Map() };
  });
  const unclaimed = (audit?.suiteRuns ?? []).filter((run) => !claimed.has(run.id));
  return { stories, audit, unclaimed, strayCalls };
}
