import { z } from 'zod';
import { normalizeDomain } from '../email/email-address.rules';
import { AddressSchema, AmountSchema, IdSchema, TimestampSchema, SystemFieldsSchema, patchSchemaOf, shortText } from '../common/record.schema';
import { PhoneSchema } from '../common/contact-fields.schema';

import { companyTypes } from './company-types';

export { companyTypes, type CompanyType } from './company-types';

export const DomainSchema = z
  .string()
  .trim()
  .max(253)
  .refine((value) => normalizeDomain(value) !== null, 'must be a domain such as contoso.com');

export const CompanyInputSchema = z.strictObject({
  name: shortText(200),
  domains: z.array(DomainSchema).max(20).default([]),
  website: shortText(300).optional(),
  industry: shortText(100).optional(),
  phones: z.array(PhoneSchema).max(10).default([]),
  address: AddressSchema.optional(),
  customerNumber: shortText(40).optional(),
  territoryId: IdSchema.optional(),
  parentCompanyId: IdSchema.optional(),
  annualRevenue: AmountSchema.optional(),
  employees: z.number().int().min(0).max(10_000_000).optional(),
  type: z.enum(companyTypes).default('prospect'),
  ownerId: IdSchema.optional(),
});
export type CompanyInput = z.input<typeof CompanyInputSchema>;

export const CompanySchema = z
  .object({
    ...CompanyInputSchema.shape,
    ...SystemFieldsSchema.shape,
    /** When its contacts were last sent NPS (kept by the server): once per the tenant's period at most. */
    lastNpsAt: TimestampSchema.optional(),
  })
  .meta({ id: 'Company' });
export type Company = z.infer<typeof CompanySchema>;

export const CompanyPatchSchema = patchSchemaOf(CompanyInputSchema);
