import { cutText } from '../text/excerpt.js';
import { MAX_JSON_DEPTH, MESSAGE_QUOTE_LIMIT } from '../limits.js';
import { formatCount } from '../text/format-number.js';
import type { EvaluationContext } from '../types.js';
import { soleFencedBlock } from './fenced-blocks.js';

/** The output read as JSON: its value, or why it is not JSON. */
export type JsonReading = { readonly ok: true; readonly value: unknown; readonly fenced: boolean } | { readonly ok: false; readonly reason: string };

/** Languages a fence around a JSON answer may name (or none). */
const JSON_FENCE_LANGUAGES = new Set(['', 'json']);

/** True when brackets outside strings nest deeper than `limit` (JSON.parse is slow on such input). */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return false;
}

/**
 * Reads the output as JSON, the one rule `output_type: json`, `structured` and `is_json` share:
 * the whole output, surrounding whitespace ignored, parses as JSON (any JSON value), or the whole
 * output is one fenced block tagged `json` (or untagged) whose content parses.
 */
export function readJsonOutput(output: string): JsonReading {
  const trimmed = output.trim();
  if (trimmed.length === 0) return { ok: false, reason: 'the output is empty' };
  const block = soleFencedBlock(trimmed);
  const fenced = block !== undefined && JSON_FENCE_LANGUAGES.has(block.language);
  const text = fenced ? block.content : trimmed;
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return { ok: false, reason: `it nests more than ${formatCount(MAX_JSON_DEPTH)} levels deep` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown, fenced };
  } catch (error) {
    return { ok: false, reason: cutText((error as Error).message, MESSAGE_QUOTE_LIMIT * 2) };
  }
}

/** `readJsonOutput`, once per evaluation. */
export function readJsonOutputOnce(output: string, context: EvaluationContext): JsonReading {
  return context.remember('json-output', () => readJsonOutput(output));
}
