import { CrmError, contactDisplayName, normalizeEmail, type RecordOf } from '@rapport/shared';
import type { Store } from '../store/store';
import type { KindHooks } from './kind-hooks';
import { distinctNormalized, utcOrUnset } from './normalize';

export const contactHooks: KindHooks<'contact'> = {
  // A retry of a create that succeeded is answered with its record before this runs, not warned about it.
  beforeCreate: async (input, { actor, store, query }) => {
    if (query.duplicates !== 'allow') await warnOfDuplicateEmails(store, actor.tenantId, input.emails);
  },
  prepare: (fields) => {
    const lastContactedAt = utcOrUnset(fields.lastContactedAt);
    return { ...fields, emails: distinctNormalized(fields.emails, normalizeEmail), ...(lastContactedAt ? { lastContactedAt } : {}) };
  },
};

/** 409 CONTACT.DUPLICATE_EMAIL naming the contacts that already have one of these addresses. */
async function warnOfDuplicateEmails(store: Store, tenantId: string, emails: readonly string[]): Promise<void> {
  const normalized = distinctNormalized(emails, normalizeEmail);
  if (normalized.length === 0) return;
  const found = await store.findContactIdsByEmails(tenantId, normalized);
  const ids = [...new Set([...found.values()].flat())];
  if (ids.length === 0) return;
  const existing: RecordOf['contact'][] = (await store.getMany('contact', tenantId, ids)).slice(0, 5);
  if (existing.length === 0) return;
  const names = existing.map(contactDisplayName);
  throw new CrmError(
    'conflict',
    'CONTACT.DUPLICATE_EMAIL',
    `${names.join(', ')} already ${existing.length === 1 ? 'has' : 'have'} this e-mail address. Open the existing contact, or save anyway to keep both.`,
    {
      existing: existing.map((contact) => ({
        id: contact.id,
        firstName: contact.firstName,
        lastName: contact.lastName,
        emails: contact.emails,
        companyId: contact.companyId,
        ownerId: contact.ownerId,
      })),
    },
  );
}
