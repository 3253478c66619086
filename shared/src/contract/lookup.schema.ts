import { LeadSchema } from '../leads/lead.schema';
import { z } from 'zod';
import { ThreadSchema } from '../threads/thread.schema';
import { RelatedNamesSchema } from './related-names.schema';
import { ActivitySchema } from '../activities/activity.schema';
import { CaseSchema } from '../cases/case.schema';
import { CompanySchema } from '../companies/company.schema';
import { ContactSchema } from '../contacts/contact.schema';
import { DealSchema } from '../deals/deal.schema';
import { ContractSchema } from '../contracts/contract.schema';

export const MAX_LOOKUP_ADDRESSES = 50;

export const LookupRequestSchema = z.strictObject({
  // Addresses as Outlook gives them: bare, or with display names (`"Doe, John" <john@contoso.com>`).
  emails: z.array(z.string().min(1).max(1_000)).min(1).max(MAX_LOOKUP_ADDRESSES),
  timelineLimit: z.number().int().min(0).max(20).default(5),
  /** The open e-mail's internet message id: the answer says whether it is already logged. */
  internetMessageId: z.string().min(1).max(998).optional(),
  /** The open meeting's iCalUId (the same for organizer and attendees): the answer says whether it is a CRM appointment. */
  iCalUId: z.string().min(1).max(512).optional(),
});
export type LookupRequest = z.output<typeof LookupRequestSchema>;

/** `colleague`: a member of the tenant, or an address on the tenant's own domains (never a stranger to add). */
export const lookupMatches = ['contact', 'company', 'colleague', 'none', 'invalid'] as const;

export const LookupResultSchema = z.object({
  input: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  match: z.enum(lookupMatches),
  freeMail: z.boolean(),
  contact: ContactSchema.nullable(),
  // Other contacts that share this address (a shared mailbox, a duplicate).
  otherContacts: z.array(ContactSchema),
  company: CompanySchema.nullable(),
  /** The most relevant first: the deal this conversation is logged to, else the latest worked on with them, else the nearest close. */
  openDeals: z.array(DealSchema),
  openCases: z.array(CaseSchema),
  timeline: z.array(ActivitySchema),
  /** A lead with this address, not yet converted, when no contact has it. */
  lead: LeadSchema.optional(),
  /**
   * The service contract in force today with the contact's company, or null when it has none: whether their cases are
   * covered, and how fast an answer is promised (absent for other matches, and from servers of the previous release).
   */
  contract: ContractSchema.nullable().optional(),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;

export const LookupResponseSchema = z.object({
  results: z.array(LookupResultSchema),
  /** The activity that logged the open e-mail, when it is logged. */
  loggedActivity: ActivitySchema.nullable(),
  /** The caller's thread of the logged e-mail's conversation, when they follow it or stopped (absent from older servers). */
  followedThread: ThreadSchema.nullable().optional(),
  /** The CRM appointment of the open meeting, when it is one. */
  appointment: ActivitySchema.nullable(),
  /** Display names of the members who own the records above, by member id. */
  owners: z.record(z.string(), z.object({ displayName: z.string() })),
  /** The names of what the timelines' entries point at (absent from servers of the previous release). */
  related: RelatedNamesSchema.optional(),
});
export type LookupResponse = z.infer<typeof LookupResponseSchema>;
