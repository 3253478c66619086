import { z } from 'zod';
import { CaseSchema } from '../cases/case.schema';
import { CompanySchema } from '../companies/company.schema';
import { ContactSchema } from '../contacts/contact.schema';
import { DealSchema } from '../deals/deal.schema';
import { LeadSchema } from '../leads/lead.schema';

export const SearchQueryParamsSchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  // At most this many of each kind.
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A record a result names, to show beside it and to open. */
const NamedRefSchema = z.object({ id: z.string(), name: z.string() });

export const SearchResponseSchema = z.object({
  contacts: z.array(
    z.object({
      contact: ContactSchema,
      company: NamedRefSchema.nullable(),
    }),
  ),
  companies: z.array(CompanySchema),
  /** Deals by the words of their name, with their company and the name of their stage in the tenant's pipeline. */
  deals: z.array(z.object({ deal: DealSchema, company: NamedRefSchema.nullable(), stageName: z.string() })),
  /** Leads by their names, company name, e-mail or phone. */
  leads: z.array(LeadSchema),
  /** Cases by their number ("1042", "#1042") or the words of their subject, with their contact and company. */
  cases: z.array(z.object({ case: CaseSchema, contact: NamedRefSchema.nullable(), company: NamedRefSchema.nullable() })),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
