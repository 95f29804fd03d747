import type { RunRecord } from '@sentinel/backend/contract';
import type { HistoryRecorder } from '../history/recorder.js';
import type { AuditedCaseRun, ObservedSuiteRun } from '../history/types.js';
import { now } from '../history/clock.js';
import { describeError, observeSuiteRun } from './observe.js';
import { callNamedIn } from './prompts.js';
import type { SuiteRunClient } from './suite-client.js';

/** Page size of the audit's listings (the most the backend gives). */
const PAGE_LIMIT = 200;
/** Safety net on the number of pages read. */
const MAX_PAGES = 10_000;

async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: readonly T[]; next: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (result.next === null) break;
    cursor = result.next;
  }
  return items;
}

function auditedRun(run: RunRecord): AuditedCaseRun {
  return {
    id: run.id,
    suiteRunId: run.suite_run_id ?? '',
    index: run.case_index ?? -1,
    success: run.success,
    answerSource: run.answer_source,
    call: callNamedIn(run.output),
    startedAt: Date.parse(run.started_at),
    finishedAt: Date.parse(run.finished_at),
  };
}

/**
 * Records every suite run the backend lists (with its cases) and every run recorded for each, for
 * the suite-run invariants: what the backend kept, against what the client started and saw.
 */
export async function auditSuiteRuns(client: SuiteRunClient, recorder: HistoryRecorder): Promise<void> {
  const suiteRuns: ObservedSuiteRun[] = [];
  const runs: AuditedCaseRun[] = [];
  try {
    const listed = await allPages(async (cursor) => {
      const page = await client.listSuiteRuns({ limit: PAGE_LIMIT, ...(cursor === undefined ? {} : { cursor }) });
      return { items: page.suite_runs, next: page.next_cursor };
    });
    for (const summary of listed) {
      suiteRuns.push(observeSuiteRun(await client.getSuiteRun(summary.id)));
      const recorded = await allPages(async (cursor) => {
        const page = await client.listRuns({ suite_run_id: summary.id, limit: PAGE_LIMIT, ...(cursor === undefined ? {} : { cursor }) });
        return { items: page.runs, next: page.next_cursor };
      });
      runs.push(...recorded.map(auditedRun));
    }
    recorder.record({ type: 'suite-audit', t: now(), suiteRuns, runs });
  } catch (error) {
    recorder.record({ type: 'suite-audit', t: now(), suiteRuns, runs, error: describeError(error) });
  }
}
