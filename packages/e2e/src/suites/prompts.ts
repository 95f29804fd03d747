/**
 * The text conventions between the chaos client's suites and the stub: every suite case's prompt
 * names its suite and case, and every stub answer names the call it answers. Both are read back
 * from the outside (stub requests, recorded runs), which is all the invariants see.
 */

/** The prompt of case `index` of the client's suite `key`. */
export function casePrompt(key: string, index: number): string {
  return `chaos suite ${key} case ${index}: what is the answer?`;
}

const PROMPT = /^chaos suite (\S+) case (\d+):/;
const CALL = /chaos answer call-(\d+)\b/;

/** The suite key and case index a prompt names, or undefined for any other prompt (the execute loop's). */
export function parseCasePrompt(prompt: string): { key: string; index: number } | undefined {
  const match = PROMPT.exec(prompt);
  return match === null ? undefined : { key: match[1] as string, index: Number(match[2]) };
}

/** The stub's answer to call `call` (numbered from 0): it names the call, so a recorded run tells which call it holds. */
export function answerText(call: number, prompt: string): string {
  return `chaos answer call-${call} to: ${prompt}`;
}

/** The call a recorded output names, or null. */
export function callNamedIn(output: string): number | null {
  const match = CALL.exec(output);
  return match === null ? null : Number(match[1]);
}

/** What every stub answer contains (passing assertions look for it). */
export const ANSWER_MARK = 'chaos answer';
/** What no stub answer contains (the failing case of each suite looks for it). */
export const NEVER_ANSWERED = 'a phrase no answer contains';
