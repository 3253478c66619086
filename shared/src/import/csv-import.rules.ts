import type { z } from 'zod';
import { ContactInputSchema } from '../contacts/contact.schema';
import { LeadInputSchema } from '../leads/lead.schema';
import { splitDisplayName } from '../email/email-address.rules';
import { importFields, type ImportKind } from './import-fields';

/** A row read as a record's input, or the reason it cannot be, naming the field a person should fix. */
export type ImportedRow<I> = { ok: true; input: I; companyName?: string } | { ok: false; field: string; reason: string };

const labelOf = (kind: ImportKind, field: string) => importFields[kind].find((candidate) => candidate.name === field)?.label ?? field;

/**
 * Money as people write it: "1200", "1,200.50", "1.200,50", "$ 1 200". The last `.` or `,` followed by one or
 * two digits is the decimal mark; other marks group thousands. Null when it is not an amount.
 */
export function parseAmount(text: string): number | null {
  const bare = text.replace(/[\s\u00a0$€£¥]|USD|EUR|GBP/g, '');
  if (!/^\d[\d.,]*$/.test(bare)) return null;
  const decimal = /[.,](\d{1,2})$/.exec(bare);
  const whole = (decimal ? bare.slice(0, decimal.index) : bare).replace(/[.,]/g, '');
  const value = Number(`${whole}${decimal ? `.${decimal[1]}` : ''}`);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

function personFields(values: Record<string, string>): Record<string, unknown> {
  const names = values.lastName ? { lastName: values.lastName, ...(values.firstName ? { firstName: values.firstName } : {}) } : values.fullName ? splitDisplayName(values.fullName) : {};
  if (values.firstName && !('firstName' in names)) Object.assign(names, { firstName: values.firstName });
  const address = Object.fromEntries(['street', 'city', 'postalCode', 'region', 'country'].filter((name) => values[name]).map((name) => [name, values[name]]));
  return { ...names, ...(Object.keys(address).length > 0 ? { address } : {}) };
}

/** Reads a mapped row (see `mappedValues`) as a lead's input. */
export function leadInputOfRow(values: Record<string, string>): ImportedRow<z.output<typeof LeadInputSchema>> {
  const fields: Record<string, unknown> = { ...personFields(values), source: 'import' };
  if (values.email) fields.email = values.email;
  if (values.phone) fields.phone = { type: 'work', number: values.phone };
  if (values.companyName) fields.companyName = values.companyName;
  if (values.campaign) fields.campaign = values.campaign;
  if (values.currency) fields.currency = values.currency.toUpperCase();
  if (values.estimatedValue) {
    const amount = parseAmount(values.estimatedValue);
    if (amount === null) return { ok: false, field: 'estimatedValue', reason: `${labelOf('lead', 'estimatedValue')}: "${values.estimatedValue}" is not an amount` };
    fields.estimatedValue = amount;
  }
  return checked('lead', LeadInputSchema, fields, values);
}

/** Reads a mapped row as a contact's input; its company is named, to be found or made by the caller. */
export function contactInputOfRow(values: Record<string, string>): ImportedRow<z.output<typeof ContactInputSchema>> {
  const fields: Record<string, unknown> = { ...personFields(values), source: 'import' };
  if (values.email) fields.emails = [values.email];
  const phones = [];
  if (values.phone) phones.push({ type: 'work', number: values.phone });
  if (values.mobile) phones.push({ type: 'mobile', number: values.mobile });
  if (phones.length > 0) fields.phones = phones;
  if (values.title) fields.title = values.title;
  if (values.customerNumber) fields.customerNumber = values.customerNumber;
  const result = checked('contact', ContactInputSchema, fields, values);
  return result.ok && values.companyName ? { ...result, companyName: values.companyName } : result;
}

function checked<S extends z.ZodType>(kind: ImportKind, schema: S, fields: Record<string, unknown>, values: Record<string, string>): ImportedRow<z.output<S>> {
  if (!fields.lastName) return { ok: false, field: 'lastName', reason: 'No last name (nor a full name): every person needs one' };
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  const top = String(issue?.path[0] ?? '');
  // The row's column name for the field, as the person mapped it: emails → email, phones[1] → mobile, address.city → city.
  const field = top === 'emails' ? 'email' : top === 'phones' ? (issue?.path[1] === 1 || !values.phone ? 'mobile' : 'phone') : top === 'address' ? String(issue?.path[1] ?? 'street') : top;
  const written = values[field];
  return { ok: false, field, reason: `${labelOf(kind, field)}${written !== undefined ? ` "${written}"` : ''}: ${issue?.message ?? 'not valid'}` };
}
