import { z } from 'zod';
import type { KindTraits } from '../kinds/kind-definition';
import { kinds, apiOf, referencesOf } from '../kinds/kinds';

// What a client needs to show and change each field of a record, derived from the kind's patch schema: the record view
// of every kind is built from it, so a field added to a schema gets its editor without a new screen. Plain data: the
// pane's build inlines it as JSON (only the record view's chunk imports it), so zod never reaches the pane.

/** The kinds the pane opens in a record view. */
export const viewableKinds = ['contact', 'company', 'deal', 'lead', 'case', 'order', 'contract'] as const;
export type ViewableKind = (typeof viewableKinds)[number];

type Common = {
  name: string;
  /** `null` clears it; a required field cannot be emptied. */
  nullable: boolean;
};

/** A field of a record as a client edits it. */
export type FieldEntry = Common &
  (
    | { type: 'text'; minLength: number; maxLength: number; format?: 'email' | 'url'; multiline: boolean }
    | { type: 'number'; min: number; max: number; integer: boolean }
    | { type: 'choice'; options: string[]; flow?: Record<string, string[]> }
    | { type: 'date' }
    | { type: 'datetime' }
    | { type: 'boolean' }
    | { type: 'list'; of: 'email' | 'domain' | 'text'; maxItems: number; maxLength: number }
    | { type: 'phones'; maxItems: number; phoneTypes: string[] }
    | { type: 'phone'; phoneTypes: string[] }
    | { type: 'address'; parts: { name: string; maxLength: number }[] }
    | { type: 'reference'; kind: string; many: boolean }
    | { type: 'currency' }
    | { type: 'stage' }
    | { type: 'lines' }
  );

export type FieldType = FieldEntry['type'];
export type FieldTable = Record<ViewableKind, FieldEntry[]>;

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: string[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
};

// Fields whose meaning their shape does not say: a currency code, a stage of the tenant's pipeline, the owner (a member),
// lists of addresses or domains, a website.
const namedTypes: Record<string, Partial<Record<string, 'currency' | 'stage' | 'owner' | 'territory' | 'email' | 'domain' | 'url'>>> = {
  '*': { currency: 'currency', ownerId: 'owner', territoryId: 'territory', emails: 'email', email: 'email', domains: 'domain', website: 'url' },
  deal: { stage: 'stage' },
};

function nonNull(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const options = schema.anyOf?.filter((option) => option.type !== 'null');
  if (options && options.length === 1 && options[0]) return { schema: options[0], nullable: true };
  if (Array.isArray(schema.type) && schema.type.includes('null')) return { schema: { ...schema, type: schema.type.find((type) => type !== 'null') ?? 'string' }, nullable: true };
  return { schema, nullable: false };
}

function entryOf(kind: ViewableKind, name: string, property: JsonSchema): FieldEntry {
  const { schema, nullable } = nonNull(property);
  const named = namedTypes[kind]?.[name] ?? namedTypes['*']?.[name];
  const reference = referencesOf(kind).find((candidate) => candidate.field === name && !candidate.key);
  const common = { name, nullable };
  if (named === 'currency') return { ...common, type: 'currency' };
  if (named === 'stage') return { ...common, type: 'stage' };
  if (named === 'owner') return { ...common, type: 'reference', kind: 'member', many: false };
  if (named === 'territory') return { ...common, type: 'reference', kind: 'territory', many: false };
  if (reference) return { ...common, type: 'reference', kind: reference.kind, many: schema.type === 'array' };
  if (schema.type === 'array' && schema.items) {
    const item = schema.items;
    if (item.properties?.number) return { ...common, type: 'phones', maxItems: schema.maxItems ?? 10, phoneTypes: item.properties.type?.enum ?? [] };
    if (item.properties?.productId) return { ...common, type: 'lines' };
    const of = named === 'email' || named === 'domain' ? named : 'text';
    return { ...common, type: 'list', of, maxItems: schema.maxItems ?? 10, maxLength: item.maxLength ?? 200 };
  }
  if (schema.properties?.number) return { ...common, type: 'phone', phoneTypes: schema.properties.type?.enum ?? [] };
  if (schema.properties) {
    return { ...common, type: 'address', parts: Object.entries(schema.properties).map(([part, value]) => ({ name: part, maxLength: value.maxLength ?? 200 })) };
  }
  if (schema.enum) {
    const flow = (kinds[kind] as KindTraits<unknown>).statusFlow;
    return { ...common, type: 'choice', options: schema.enum, ...(flow && flow.field === name ? { flow: Object.fromEntries(Object.entries(flow.flow).map(([from, to]) => [from, [...to]])) } : {}) };
  }
  if (schema.type === 'boolean') return { ...common, type: 'boolean' };
  if (schema.type === 'number' || schema.type === 'integer') {
    return { ...common, type: 'number', min: schema.minimum ?? 0, max: schema.maximum ?? Number.MAX_SAFE_INTEGER, integer: schema.type === 'integer' };
  }
  if (schema.format === 'date') return { ...common, type: 'date' };
  if (schema.format === 'date-time') return { ...common, type: 'datetime' };
  const format = named === 'email' || named === 'url' ? { format: named } : {};
  // Long texts (a case's description) are written in paragraphs.
  const maxLength = schema.maxLength ?? 200;
  return { ...common, type: 'text', minLength: schema.minLength ?? 0, maxLength, multiline: maxLength > 1000, ...format };
}

/** The fields of a kind's patch, in the schema's order. */
export function fieldsOf(kind: ViewableKind): FieldEntry[] {
  const schema = z.toJSONSchema(apiOf(kind).patch, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return Object.entries(schema.properties ?? {}).map(([name, property]) => entryOf(kind, name, property));
}

export const fieldTable: FieldTable = Object.fromEntries(viewableKinds.map((kind) => [kind, fieldsOf(kind)])) as FieldTable;
