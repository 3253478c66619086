import type { FieldEntry } from '@rapport/shared/contract/field-table';
import { isEmailAddress, normalizeDomain } from '@rapport/shared/email/email-address.rules';
import { isPhoneNumber } from '@rapport/shared/phones/phone.rules';
import { parseAmount } from '../../i18n/parse-amount';

// A field being edited holds a draft: text as typed (a number too), lists as lines, phones and addresses as rows. It
// becomes the patch's value only when it passes the contract's rules, checked here as the API checks them.

export type PhoneDraft = { type: string; number: string };
export type Draft = string | boolean | string[] | PhoneDraft[] | Record<string, string>;

/** Why a draft cannot be sent: a message key with its parameters, for the field to show. */
export type DraftProblem = { key: 'required' | 'tooLong' | 'tooShort' | 'number' | 'range' | 'integer' | 'email' | 'domain' | 'url' | 'phone' | 'tooMany'; params?: Record<string, string | number> };

type Value = unknown;

/** The draft of a field from the record's value. */
export function draftOf(entry: FieldEntry, value: Value): Draft {
  switch (entry.type) {
    case 'boolean':
      return value === true;
    case 'list':
      return ((value as string[] | undefined) ?? []).join('\n');
    case 'phones':
      return ((value as PhoneDraft[] | undefined) ?? []).map((phone) => ({ ...phone }));
    case 'phone': {
      const phone = value as PhoneDraft | undefined;
      return phone ? [{ ...phone }] : [];
    }
    case 'address': {
      const address = (value as Record<string, string> | undefined) ?? {};
      return Object.fromEntries(entry.parts.map((part) => [part.name, address[part.name] ?? '']));
    }
    case 'reference':
      return entry.many ? [...((value as string[] | undefined) ?? [])] : ((value as string | undefined) ?? '');
    case 'number':
      return value === undefined || value === null ? '' : String(value);
    case 'datetime':
      return typeof value === 'string' ? localDateTime(value) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The value a draft sends (null clears an optional field), or the problem that keeps it from being sent. */
export function valueOf(entry: FieldEntry, draft: Draft, locale: string): { value: Value } | { problem: DraftProblem } {
  const empty = (): { value: Value } | { problem: DraftProblem } => (entry.nullable ? { value: null } : { problem: { key: 'required' } });
  switch (entry.type) {
    case 'boolean':
      return { value: draft === true };
    case 'text': {
      const text = String(draft).trim();
      if (text === '') return empty();
      if (text.length > entry.maxLength) return { problem: { key: 'tooLong', params: { max: entry.maxLength } } };
      if (text.length < entry.minLength) return { problem: { key: 'tooShort', params: { min: entry.minLength } } };
      if (entry.format === 'email' && !isEmailAddress(text)) return { problem: { key: 'email', params: { value: text } } };
      if (entry.format === 'url' && !/^https?:\/\/\S+\.\S+/i.test(text)) return { problem: { key: 'url' } };
      return { value: text };
    }
    case 'number': {
      // As typed in the user's language: 25,000.50 in English, 25.000,50 in Spanish, grouped or not.
      const number = parseAmount(String(draft), locale);
      if (number === null) return empty();
      if (!Number.isFinite(number)) return { problem: { key: 'number' } };
      if (entry.integer && !Number.isInteger(number)) return { problem: { key: 'integer' } };
      if (number < entry.min || number > entry.max) return { problem: { key: 'range', params: { min: entry.min, max: entry.max } } };
      return { value: number };
    }
    case 'date':
    case 'choice':
    case 'currency':
    case 'stage':
      return String(draft) === '' ? empty() : { value: String(draft) };
    case 'datetime':
      return String(draft) === '' ? empty() : { value: new Date(String(draft)).toISOString() };
    case 'list': {
      const items = String(draft)
        .split(/[\n,;]+/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
      if (items.length > entry.maxItems) return { problem: { key: 'tooMany', params: { max: entry.maxItems } } };
      for (const item of items) {
        if (item.length > entry.maxLength) return { problem: { key: 'tooLong', params: { max: entry.maxLength } } };
        if (entry.of === 'email' && !isEmailAddress(item)) return { problem: { key: 'email', params: { value: item } } };
        if (entry.of === 'domain' && !normalizeDomain(item)) return { problem: { key: 'domain', params: { value: item } } };
      }
      return { value: [...new Set(items)] };
    }
    case 'phones':
    case 'phone': {
      const rows = (draft as PhoneDraft[]).filter((phone) => phone.number.trim() !== '');
      for (const phone of rows) if (!isPhoneNumber(phone.number)) return { problem: { key: 'phone', params: { value: phone.number } } };
      const phones = rows.map((phone) => ({ type: phone.type, number: phone.number.trim() }));
      if (entry.type === 'phone') return phones[0] ? { value: phones[0] } : empty();
      if (phones.length > entry.maxItems) return { problem: { key: 'tooMany', params: { max: entry.maxItems } } };
      return { value: phones };
    }
    case 'address': {
      const parts = Object.entries(draft as Record<string, string>)
        .map(([name, text]) => [name, text.trim()] as const)
        .filter(([, text]) => text !== '');
      for (const [name, text] of parts) {
        const max = entry.parts.find((part) => part.name === name)?.maxLength ?? 200;
        if (text.length > max) return { problem: { key: 'tooLong', params: { max } } };
      }
      return parts.length === 0 ? empty() : { value: Object.fromEntries(parts) };
    }
    case 'reference':
      if (entry.many) return { value: draft as string[] };
      return String(draft) === '' ? empty() : { value: String(draft) };
    case 'lines':
      return { value: draft };
  }
}

/** An ISO time as a `datetime-local` input shows it: in the browser's time zone, to the minute. */
function localDateTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
