import { apiContract } from '@rapport/shared';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  maxLength?: number;
  maxItems?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** Every place in a request schema where a client could send something unbounded or unexpected. */
function unbounded(schema: JsonSchema, where: string, defs: Record<string, JsonSchema>, seen = new Set<string>()): string[] {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    if (seen.has(name)) return [];
    return unbounded(defs[name] ?? {}, where, defs, new Set([...seen, name]));
  }
  const problems: string[] = [];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  // Dates and date-times have a fixed shape (their pattern bounds them); enums and constants are closed sets.
  const closed = schema.enum !== undefined || schema.const !== undefined || schema.format === 'date-time' || schema.format === 'date';
  if (types.includes('string') && !closed && schema.maxLength === undefined) problems.push(`${where}: a string without maxLength`);
  if (types.includes('array')) {
    if (schema.maxItems === undefined) problems.push(`${where}: an array without maxItems`);
    if (schema.items) problems.push(...unbounded(schema.items, `${where}[]`, defs, seen));
  }
  if (types.includes('object')) {
    if (schema.additionalProperties !== false) problems.push(`${where}: an object that accepts unknown fields`);
    for (const [name, property] of Object.entries(schema.properties ?? {})) problems.push(...unbounded(property, `${where}.${name}`, defs, seen));
  }
  for (const variant of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) problems.push(...unbounded(variant, where, defs, seen));
  return problems;
}

const inputs = apiContract.flatMap((route) =>
  (['body', 'query', 'params'] as const).flatMap((part) => {
    const schema = route[part];
    return schema ? [[`${route.name} ${part}`, schema] as const] : [];
  }),
);

describe('request limits in the shared contract', () => {
  it.each(inputs)('%s bounds every string and array and rejects unknown fields', (_, schema) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    expect(unbounded(json, '$', json.$defs ?? {})).toEqual([]);
  });
});
