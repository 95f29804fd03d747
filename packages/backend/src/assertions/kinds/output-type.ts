import { OUTPUT_TYPES, type OutputType } from '../../contract/assertions.js';
import { invalidAssertion } from '../errors.js';
import { classifyOutput } from '../format/output-types.js';
import { describeBeginning } from '../text/excerpt.js';
import type { AssertionOutcome, PreparedAssertion } from '../types.js';

const isOutputType = (value: unknown): value is OutputType => (OUTPUT_TYPES as readonly unknown[]).includes(value);

/**
 * `output_type`: the output is of the type (text, json, markdown, code or structured; each is
 * defined in docs/assertions.md). `actual` lists every type the output is.
 */
export function outputTypeAssertion(value: unknown, field: string): PreparedAssertion {
  if (!isOutputType(value)) throw invalidAssertion(`${field}.output_type`, `must be one of ${OUTPUT_TYPES.join(', ')}`);
  return {
    kind: 'output_type',
    field,
    expected: value,
    regexProgramSize: 0,
    evaluate({ output }, context): AssertionOutcome {
      const { types, verdict } = classifyOutput(output, value, context);
      const message = verdict.is ? `output is ${value}: ${verdict.reason}` : `output is not ${value}: ${verdict.reason}; ${describeBeginning(output)}`;
      return { passed: verdict.is, actual: types, message };
    },
  };
}
