import { ACTUAL_TEXT_LIMIT, LISTED_ITEMS_LIMIT, MESSAGE_QUOTE_LIMIT } from '../limits.js';

const ELLIPSIS = '…';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** `end` moved back so the cut does not split a surrogate pair. */
function safeEnd(text: string, end: number): number {
  return end > 0 && end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

/** `start` moved forward so the cut does not split a surrogate pair. */
function safeStart(text: string, start: number): number {
  return start > 0 && start < text.length && isLowSurrogate(text.charCodeAt(start)) ? start + 1 : start;
}

/** The text, or its beginning cut with an ellipsis so the whole is at most `limit` long. */
export function cutText(text: string, limit = ACTUAL_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  return text.slice(0, safeEnd(text, limit - 1)) + ELLIPSIS;
}

/**
 * At most `limit` characters of `text` around `[index, index + length)`: about a third of the room
 * before the match, ellipses where the text was cut.
 */
export function excerptAround(text: string, index: number, length: number, limit = ACTUAL_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const room = limit - 2;
  const before = Math.max(0, Math.min(index, Math.floor((room - Math.min(length, room)) / 3)));
  const start = safeStart(text, index - before);
  const end = safeEnd(text, Math.min(text.length, start + room));
  return `${start > 0 ? ELLIPSIS : ''}${text.slice(start, end)}${end < text.length ? ELLIPSIS : ''}`;
}

/** A JSON-quoted text for messages, cut to `limit` characters. */
export function quote(text: string, limit = MESSAGE_QUOTE_LIMIT): string {
  return JSON.stringify(cutText(text, limit));
}

/** Quoted items joined with commas; past `LISTED_ITEMS_LIMIT` items, "and N more". */
export function quoteList(items: readonly string[]): string {
  const shown = items.slice(0, LISTED_ITEMS_LIMIT).map((item) => quote(item));
  const hidden = items.length - shown.length;
  return hidden > 0 ? `${shown.join(', ')} and ${hidden} more` : shown.join(', ');
}

/** The end of a failure message that shows what the output was: `it begins "..."`. */
export function describeBeginning(output: string): string {
  return output.length === 0 ? 'the output is empty' : `it begins ${quote(output)}`;
}

/** `quote`d excerpt of the output around a match, for messages. */
export function quoteAround(output: string, index: number, length: number): string {
  return JSON.stringify(excerptAround(output, index, length, MESSAGE_QUOTE_LIMIT));
}

/** Unicode code points in `text` (an emoji counts once, not as two UTF-16 units). */
export function countCharacters(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index += 1) {
    if (isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1))) {
      count -= 1;
      index += 1;
    }
  }
  return count;
}
