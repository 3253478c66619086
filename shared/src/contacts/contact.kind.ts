import { z } from 'zod';
import { defineKind, distinctValues } from '../kinds/kind-definition';
import { normalizeEmail } from '../email/email-address.rules';
import { searchTermsOf } from '../search/search-terms.rules';
import { ContactInputSchema, ContactPatchSchema, ContactSchema } from './contact.schema';
import { contactDisplayName } from './contact.rules';

/** Creating a contact whose e-mail another contact has answers 409 CONTACT.DUPLICATE_EMAIL unless `duplicates=allow`. */
export const ContactCreateQuerySchema = z.strictObject({ duplicates: z.enum(['warn', 'allow']).default('warn') });

export const contactKind = defineKind(ContactSchema, {
  plural: 'contacts',
  label: 'Contact',
  references: [{ field: 'companyId', kind: 'company', link: true }],
  timeline: true,
  title: (contact) => contactDisplayName(contact),
  schemaVersion: 1,
  index: (contact) => {
    const emails = distinctValues(contact.emails.map(normalizeEmail));
    return {
      emails,
      terms: searchTermsOf({ names: [contact.firstName, contact.lastName], emails, phones: contact.phones.map((phone) => phone.number), customerNumber: contact.customerNumber }),
    };
  },
  api: {
    input: ContactInputSchema,
    patch: ContactPatchSchema,
    filters: ['ownerId', 'companyId'],
    createQuery: ContactCreateQuerySchema,
    example: { input: (text, n) => ({ lastName: `${text} Doe`, emails: [`someone-${n}@example.com`] }), patch: { title: 'Buyer' } },
  },
});
