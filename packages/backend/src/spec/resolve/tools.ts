import { validationError } from '../../app/errors.js';
import type { ResolvedTool, ToolSpec } from '../../contract/spec.js';
import { EMPTY_PARAMETERS, toParametersSchema } from './tool-parameters.js';

/**
 * The spec's tools as sent to a provider: a bare name becomes a tool with an empty object schema,
 * `parameters` become a JSON Schema object ({@link toParametersSchema}); an empty description is
 * dropped. Tool names must be unique.
 * @throws BackendError 400 naming `<field>.tools[i]`.
 */
export function resolveTools(tools: readonly ToolSpec[], field: string): ResolvedTool[] {
  const seen = new Set<string>();
  return tools.map((tool, index) => {
    const toolField = `${field}.tools[${index}]`;
    const name = typeof tool === 'string' ? tool : tool.name;
    if (seen.has(name)) throw validationError(toolField, `repeats the tool name "${name}": each tool needs its own name`);
    seen.add(name);
    if (typeof tool === 'string') return { name, parameters: EMPTY_PARAMETERS };
    const description = tool.description === undefined || tool.description === '' ? {} : { description: tool.description };
    return { name, ...description, parameters: toParametersSchema(tool.parameters, `${toolField}.parameters`) };
  });
}
