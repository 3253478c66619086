import { z } from 'zod';
import { CompanySchema } from '../companies/company.schema';
import { ContactSchema } from '../contacts/contact.schema';

export const SearchQueryParamsSchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const SearchResponseSchema = z.object({
  contacts: z.array(
    z.object({
      contact: ContactSchema,
      company: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
  companies: z.array(CompanySchema),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
