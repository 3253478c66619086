import type { FieldEntry, ViewableKind } from '@rapport/shared/contract/field-table';
import { fieldLabelKey, valueLabelKey } from '../../i18n/field-labels';
import type { Translator } from '../../i18n/i18n';

// The words for a kind's fields and their values (keys in i18n/field-labels.ts, texts in messages.fields.<lang>.ts).
// Keys are built from the field table, so they are checked by the test that walks every patch schema.

export function fieldLabel(t: Translator['t'], kind: ViewableKind, field: string): string {
  return t(fieldLabelKey(kind, field));
}

export function valueLabel(t: Translator['t'], kind: ViewableKind, field: string, value: string): string {
  return t(valueLabelKey(kind, field, value));
}

export function phoneTypeLabel(t: Translator['t'], type: string): string {
  return t(valueLabelKey('phone', 'phone.type', type));
}

export function addressPartLabel(t: Translator['t'], part: string): string {
  return t(fieldLabelKey('address', part));
}

// Values the API sets by an action of their own, never by a change of the field (a lead is converted by Convert).
const setByAction: Record<string, readonly string[]> = { 'lead.status': ['converted'] };

/** The choices a field offers from its current value: its status flow's next steps, or every option it may be set to. */
export function choicesOf(kind: ViewableKind, entry: Extract<FieldEntry, { type: 'choice' }>, current: string | undefined): string[] {
  if (entry.flow && current !== undefined) return [current, ...(entry.flow[current] ?? [])];
  const byAction = setByAction[`${kind}.${entry.name}`] ?? [];
  return entry.options.filter((option) => option === current || !byAction.includes(option));
}
