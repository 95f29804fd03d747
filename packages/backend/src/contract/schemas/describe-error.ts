import { fieldFromPointer } from './field-path.js';
import { PATTERN_MEANINGS } from './limits.js';
import { closestName } from './closest-name.js';

/** The parts of an Ajv error object this module reads (Ajv is not imported: browser-safe). */
export interface SchemaIssue {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Present when Ajv runs with `verbose: true`. */
  readonly parentSchema?: unknown;
  readonly data?: unknown;
}

/** A validation failure in the user's terms: `field` and a `problem` that reads after it. */
export interface DescribedIssue {
  readonly field: string;
  readonly problem: string;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object (a mapping of fields)',
  array: 'a list',
  null: 'null',
};

function schemaField(issue: SchemaIssue, key: string): unknown {
  const parent = issue.parentSchema;
  return typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : undefined;
}

function describedBySchema(issue: SchemaIssue, fallback: string): string {
  const description = schemaField(issue, 'description');
  return typeof description === 'string' ? description : fallback;
}

/** ` when framework is set` for an issue raised by `dependencies.framework`. */
function dependencySuffix(schemaPath: string): string {
  const match = /\/dependencies\/([^/]+)\//.exec(schemaPath);
  return match === null ? '' : ` when ${match[1]} is set`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function typeProblem(issue: SchemaIssue): string {
  const raw = issue.params.type;
  const expected = (Array.isArray(raw) ? raw : String(raw).split(',')).map((type) => TYPE_NAMES[String(type)] ?? String(type));
  const quoteHint = expected.length === 1 && expected[0] === 'a string' && (typeof issue.data === 'number' || typeof issue.data === 'boolean') ? ` (in YAML, quote it: "${String(issue.data)}")` : '';
  const infinite = typeof issue.data === 'number' && !Number.isFinite(issue.data) ? ' (got a number too large to represent)' : '';
  return `must be ${expected.join(' or ')}${quoteHint}${infinite}`;
}

function unknownFieldProblem(issue: SchemaIssue, name: string): string {
  const properties = schemaField(issue, 'properties');
  const known = typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
  if (known.length === 0) return 'is not allowed';
  const suggestion = closestName(name, known);
  const hint = suggestion === undefined ? `allowed: ${known.join(', ')}` : `did you mean ${suggestion}?`;
  return `is not allowed (${hint})`;
}

function lengthOf(data: unknown): number | undefined {
  if (typeof data === 'string' || Array.isArray(data)) return data.length;
  return undefined;
}

function got(issue: SchemaIssue): string {
  const length = lengthOf(issue.data);
  return length === undefined ? '' : ` (got ${length})`;
}

/** The problem text of one issue whose field is the issue's own path. */
function problemOf(issue: SchemaIssue): string {
  const limit = issue.params.limit as number;
  switch (issue.keyword) {
    case 'type':
      return typeProblem(issue);
    case 'enum':
      return `must be one of: ${(issue.params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(issue.params.allowedValue)}`;
    case 'minimum':
      return `must be >= ${limit}`;
    case 'maximum':
      return `must be <= ${limit}`;
    case 'exclusiveMinimum':
      return `must be > ${limit}`;
    case 'exclusiveMaximum':
      return `must be < ${limit}`;
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must be at least ${plural(limit, 'character')} long`;
    case 'maxLength':
      return `must be at most ${plural(limit, 'character')} long${got(issue)}`;
    case 'minItems':
      return `must have at least ${plural(limit, 'item')}`;
    case 'maxItems':
      return `must have at most ${plural(limit, 'item')}${got(issue)}`;
    case 'uniqueItems':
      return `must not repeat an item (items ${Math.min(Number(issue.params.i), Number(issue.params.j))} and ${Math.max(Number(issue.params.i), Number(issue.params.j))} are equal)`;
    case 'minProperties':
    case 'maxProperties':
      return describedBySchema(issue, `must have ${issue.keyword === 'minProperties' ? 'at least' : 'at most'} ${plural(limit, 'field')}`);
    case 'pattern':
      return PATTERN_MEANINGS[String(issue.params.pattern)] ?? `must match the pattern ${String(issue.params.pattern)}`;
    case 'not':
    case 'anyOf':
    case 'oneOf':
      return describedBySchema(issue, 'is not valid here');
    case 'false schema':
      return 'is not allowed';
    default:
      return describedBySchema(issue, 'is invalid');
  }
}

/** Turns one schema issue into a field and a problem a person understands. */
export function describeIssue(root: string, issue: SchemaIssue): DescribedIssue {
  const suffix = dependencySuffix(issue.schemaPath);
  if (issue.keyword === 'required') {
    return { field: fieldFromPointer(root, issue.instancePath, String(issue.params.missingProperty)), problem: `is required${suffix}` };
  }
  if (issue.keyword === 'dependencies') {
    const field = fieldFromPointer(root, issue.instancePath, String(issue.params.missingProperty));
    return { field, problem: `is required when ${String(issue.params.property)} is set` };
  }
  if (issue.keyword === 'additionalProperties') {
    const name = String(issue.params.additionalProperty);
    return { field: fieldFromPointer(root, issue.instancePath, name), problem: unknownFieldProblem(issue, name) };
  }
  return { field: fieldFromPointer(root, issue.instancePath), problem: `${problemOf(issue)}${suffix}` };
}

/**
 * Picks the issue to report from Ajv's list (run with `allErrors: false`): the first one, skipping
 * the `if` wrapper issues, or the `anyOf`/`oneOf` issue itself when branches failed (the branches'
 * own issues would mislead).
 */
export function primaryIssue<T extends SchemaIssue>(issues: readonly T[]): T | undefined {
  const combined = issues.find((issue) => issue.keyword === 'anyOf' || issue.keyword === 'oneOf');
  return combined ?? issues.find((issue) => issue.keyword !== 'if') ?? issues[0];
}
