import type { Database, Statement } from 'better-sqlite3';
import type { RunFilter, RunPage } from '../contract/run.js';
import { rowToRun } from './run-table.js';
import type { PageRequest } from './types.js';

/** Largest page a list may ask for. */
export const MAX_PAGE_LIMIT = 200;

/** A page cursor: the decimal `seq` of the last row of the previous page. */
export const CURSOR_PATTERN = '^[1-9][0-9]{0,18}$';
const CURSOR_REGEX = new RegExp(CURSOR_PATTERN);
const MAX_SEQ = 2n ** 63n - 1n;

/** The cursor's seq, or undefined when it is not one this store could have made. */
export function parseCursor(cursor: string): bigint | undefined {
  if (!CURSOR_REGEX.test(cursor)) return undefined;
  const seq = BigInt(cursor);
  return seq <= MAX_SEQ ? seq : undefined;
}

/** Checks a page request; a bad one is a programming error (the routes validate user input first). */
export function checkPage(page: PageRequest): bigint | undefined {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_LIMIT) {
    throw new RangeError(`page.limit must be an integer from 1 to ${MAX_PAGE_LIMIT}; received ${String(page.limit)}`);
  }
  if (page.cursor === undefined) return undefined;
  const seq = parseCursor(page.cursor);
  if (seq === undefined) throw new RangeError(`page.cursor must be a next_cursor of an earlier page; received ${JSON.stringify(page.cursor)}`);
  return seq;
}

interface SeqRow {
  readonly seq: bigint;
  readonly id: string;
  readonly record: string;
}

/** The equality filters on `runs`, most selective first: the first one present drives the read. */
const DRIVING_ORDER = ['suite_run_id', 'test_id', 'model', 'passed'] as const;

/**
 * The SQL of one filter combination. The most selective filter present drives the read through
 * its index (a tag through `run_tags`, CROSS JOIN fixing the join order); the others are written
 * `+column = ?`, which keeps SQLite from driving by a poor index (say, `passed`, two values) when
 * it has no statistics. Every index ends in `seq`, so rows come out newest first with no sort and
 * the read stops at `limit`.
 */
export function listRunsSql(filter: RunFilter, withCursor: boolean): string {
  const order = filter.tag === undefined ? 'r.seq' : 't.run_seq';
  const from = filter.tag === undefined ? 'runs r' : 'run_tags t CROSS JOIN runs r ON r.seq = t.run_seq';
  const conditions = filter.tag === undefined ? [] : ['t.tag = @tag'];
  for (const key of DRIVING_ORDER) {
    if (filter[key] === undefined) continue;
    conditions.push(`${conditions.length === 0 ? '' : '+'}r.${key} = @${key}`);
  }
  if (withCursor) conditions.push(`${order} < @cursor`);
  const where = conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
  return `SELECT ${order} AS seq, r.id AS id, r.record AS record FROM ${from}${where} ORDER BY ${order} DESC LIMIT @limit`;
}

/** `listRuns`, with one prepared statement per filter combination. */
export class RunLister {
  readonly #db: Database;
  readonly #statements = new Map<string, Statement<[Record<string, unknown>], SeqRow>>();

  constructor(db: Database) {
    this.#db = db;
  }

  list(filter: RunFilter, page: PageRequest): RunPage {
    const cursor = checkPage(page);
    const sql = listRunsSql(filter, cursor !== undefined);
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare<[Record<string, unknown>], SeqRow>(sql).safeIntegers(true);
      this.#statements.set(sql, statement);
    }
    const params: Record<string, unknown> = { limit: page.limit + 1 };
    for (const key of ['tag', 'test_id', 'suite_run_id', 'model'] as const) if (filter[key] !== undefined) params[key] = filter[key];
    if (filter.passed !== undefined) params.passed = filter.passed ? 1 : 0;
    if (cursor !== undefined) params.cursor = cursor;
    const rows = statement.all(params);
    const more = rows.length > page.limit;
    const shown = more ? rows.slice(0, page.limit) : rows;
    return { runs: shown.map(rowToRun), next_cursor: more ? String(shown.at(-1)?.seq) : null };
  }
}
