import type { FieldEntry, ViewableKind } from '@rapport/shared/contract/field-table';
import type { MessageKey, Translator } from '../../i18n/i18n';

// The words for a kind's fields and their values, by key: `field.<kind>.<field>`, `value.<kind>.<field>.<value>`
// (messages.fields.<lang>.ts). Keys are built from the field table, so they are checked by the test that walks every
// patch schema, not by the compiler.

export function fieldLabel(t: Translator['t'], kind: ViewableKind, field: string): string {
  return t(`field.${kind}.${field}` as MessageKey);
}

export function valueLabel(t: Translator['t'], kind: ViewableKind, field: string, value: string): string {
  return t(`value.${kind}.${field}.${value}` as MessageKey);
}

export function phoneTypeLabel(t: Translator['t'], type: string): string {
  return t(`value.phone.type.${type}` as MessageKey);
}

export function addressPartLabel(t: Translator['t'], part: string): string {
  return t(`field.address.${part}` as MessageKey);
}

/** The choices a field offers from its current value: its status flow's next steps, or every option. */
export function choicesOf(entry: Extract<FieldEntry, { type: 'choice' }>, current: string | undefined): string[] {
  if (!entry.flow || current === undefined) return entry.options;
  return [current, ...(entry.flow[current] ?? [])];
}
