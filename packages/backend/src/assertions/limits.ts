/**
 * The bounds that keep assertion results small and assertion checks fast. One home for each; the
 * docs (docs/assertions.md) quote them.
 */

/** Longest text in a result's `actual`, in UTF-16 units, ellipses included. */
export const ACTUAL_TEXT_LIMIT = 200;

/** Longest text quoted inside a message (the needle, or the excerpt of the output). */
export const MESSAGE_QUOTE_LIMIT = 60;

/** How many items of a list (missing texts, called tools) a message or `actual` names before "and N more". */
export const LISTED_ITEMS_LIMIT = 10;

/**
 * Largest compiled regex accepted, in RE2 program instructions (`{n,m}` repeats expand a pattern:
 * `.{0,400}` is about 800 instructions). RE2 matches in time linear in the output, but with a
 * factor of up to this size, so a huge program would be slow even on short outputs.
 */
export const MAX_REGEX_PROGRAM_SIZE = 1_000;

/**
 * Regex work allowed per evaluation, in output characters × program instructions, shared equally
 * by the spec's regex-using assertions. RE2's time is linear in the output, with a factor that
 * grows with the program when its DFA gives up (patterns such as `[ab]*a[ab]{500}[cd]`): at this
 * budget such a pattern took 0.25-0.45 s of CPU on the 2-core machine this was written on;
 * ordinary patterns run on the DFA in a few ms. An assertion over its share fails without running,
 * saying so. (A 250,000-character output fits programs of up to 12 instructions; ordinary
 * patterns have 5-30.)
 */
export const MAX_REGEX_WORK = 3_000_000;

/**
 * A passing regex also reports the matched text when output length × program size is at most
 * this (finding the match costs more than deciding that one exists).
 */
export const MATCH_EXCERPT_WORK = 500_000;

/**
 * Deepest nesting of arrays and objects read as JSON. Deeper documents are not JSON for the
 * assertions: JSON.parse takes about 0.35 s on a megabyte of `[` here.
 */
export const MAX_JSON_DEPTH = 1_000;
