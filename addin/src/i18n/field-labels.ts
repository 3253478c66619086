import type { MessageKey } from './messages.en';

/**
 * The message naming a field a user can change (`field.<kind>.<field>`, in messages.fields.*.ts), or a part of an
 * address or a phone (`field.address.city`, `field.phone.type`). Its text is in the later messages.
 */
export function fieldLabelKey(kind: string, field: string): MessageKey {
  return `field.${kind}.${field}` as MessageKey;
}

// Enum fields whose values the pane named before there were field labels: their words are kept.
const namedValues: Record<string, string> = {
  'lead.source': 'leadSource',
  'lead.status': 'leadStatus',
  'case.type': 'caseType',
  'case.priority': 'casePriority',
  'case.status': 'caseStatus',
  'order.status': 'orderStatus',
  'article.status': 'knowledge.article.status',
  'article.language': 'value.contact.language',
};

/** The message naming a value of an enum field; a phone's type (`phones.type`, `phone.type`) is one list on every kind. */
export function valueLabelKey(kind: string, field: string, value: string): MessageKey {
  const named = namedValues[`${kind}.${field}`];
  if (named) return `${named}.${value}` as MessageKey;
  if (field === 'phones.type' || field === 'phone.type') return `value.phone.type.${value}` as MessageKey;
  return `value.${kind}.${field}.${value}` as MessageKey;
}
