import {
  CrmError,
  DEFAULT_REPORTING_CURRENCY,
  TENANT_SETTINGS_ID,
  canEditRecord,
  companyDomainOf,
  notYourRecord,
  type Company,
  type Contact,
  type Deal,
  type Lead,
  type LeadConversion,
  type LeadConversionResult,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { listUpTo } from '../store/list-up-to';
import { findCompanyFor } from './company-matching';
import type { Store } from '../store/store';
import type { RecordService } from './records.service';

// A lead's own history is short; its activities are moved up to this many.
const MAX_ACTIVITIES_MOVED = 500;

/**
 * Turns a lead into the contact, company and (optionally) deal it stands for, linking to the ones the
 * CRM already has: the contact by e-mail, the company by the e-mail's domain or by name. Every record it
 * makes is created under a key derived from the lead's version, so a retry after a failure makes nothing
 * twice; the lead is marked converted last, with links to what it became.
 */
export class LeadConversionService {
  constructor(private readonly deps: { store: Store; records: RecordService; now: () => Date }) {}

  async convert(principal: Principal, leadId: string, input: LeadConversion, expectedVersion: number): Promise<LeadConversionResult> {
    const { records } = this.deps;
    const lead = await records.get('lead', principal, leadId);
    if (!canEditRecord(principal, lead)) throw notYourRecord('lead');
    if (lead.status === 'converted') {
      throw new CrmError('conflict', 'LEAD.ALREADY_CONVERTED', 'This lead was already converted.', {
        contactId: lead.convertedContactId,
        companyId: lead.convertedCompanyId,
        dealId: lead.convertedDealId,
      });
    }
    await records.writer.requireVersion('lead', lead, expectedVersion);
    const keyFor = (part: string) => ({ key: `convert:${lead.id}:${lead.version}:${part}`, requestHash: `convert-${part}` });

    const foundCompany = input.companyId ? await records.get('company', principal, input.companyId) : await findCompanyFor(this.deps.store, principal.tenantId, lead);
    const company =
      foundCompany ??
      (lead.companyName
        ? (
            await records.create(
              'company',
              principal,
              {
                name: lead.companyName,
                domains: companyDomainOf(lead.email) ? [companyDomainOf(lead.email) as string] : [],
                phones: [],
                type: 'prospect',
                ...(lead.address ? { address: lead.address } : {}),
              },
              keyFor('company'),
            )
          ).record
        : null);

    const foundContact = input.contactId ? await records.get('contact', principal, input.contactId) : await this.matchContact(principal.tenantId, lead);
    const contact =
      foundContact ??
      (
        await records.create(
          'contact',
          principal,
          {
            ...(lead.firstName ? { firstName: lead.firstName } : {}),
            lastName: lead.lastName,
            emails: lead.email ? [lead.email] : [],
            phones: lead.phone ? [lead.phone] : [],
            status: 'prospect',
            source: lead.source,
            ...(company ? { companyId: company.id } : {}),
            ...(lead.address ? { address: lead.address } : {}),
            ...(lead.territoryId ? { territoryId: lead.territoryId } : {}),
          },
          keyFor('contact'),
          // Matching by e-mail found none above; a twin made since is the user's own doing.
          { duplicates: 'allow' },
        )
      ).record;

    const deal: Deal | null = input.deal
      ? (
          await records.create(
            'deal',
            principal,
            {
              name: input.deal.name,
              stage: input.deal.stage,
              ...(input.deal.amount !== undefined ? { amount: input.deal.amount } : {}),
              currency: input.deal.currency ?? lead.currency ?? (await this.reportingCurrency(principal.tenantId)),
              ...(input.deal.expectedCloseDate ? { expectedCloseDate: input.deal.expectedCloseDate } : {}),
              contactIds: [contact.id],
              lineItems: [],
              source: lead.campaign ? `${lead.source}: ${lead.campaign}` : lead.source,
              ...(company ? { companyId: company.id } : {}),
              // The deal's money counts in its lead's campaign funnel, under the link the lead first came by.
              ...(lead.campaignId ? { campaignId: lead.campaignId } : {}),
              ...(lead.firstTouch ? ({ firstTouch: lead.firstTouch } as object) : {}),
            },
            keyFor('deal'),
          )
        ).record
      : null;

    const activitiesMoved = await this.moveHistory(principal, lead, contact, company);
    const conversion = {
      status: 'converted' as const,
      convertedContactId: contact.id,
      ...(company ? { convertedCompanyId: company.id } : {}),
      ...(deal ? { convertedDealId: deal.id } : {}),
    };
    // Converted is set by converting only: the lead's rules let the server's own change through.
    const saved = await records.writer.change('lead', principal, lead, conversion, { origin: 'system' });
    return { lead: saved, contact, company, deal, linked: { contact: foundContact !== null, company: foundCompany !== null }, activitiesMoved };
  }

  /** The currency a deal is in when neither the rep nor the lead named one: the tenant's reporting currency. */
  private async reportingCurrency(tenantId: string): Promise<string> {
    const settings = await this.deps.store.get('settings', tenantId, TENANT_SETTINGS_ID);
    return settings?.reportingCurrency ?? DEFAULT_REPORTING_CURRENCY;
  }

  private async matchContact(tenantId: string, lead: Lead): Promise<Contact | null> {
    if (!lead.email) return null;
    const ids = (await this.deps.store.findContactIdsByEmails(tenantId, [lead.email])).get(lead.email) ?? [];
    const [contact] = await this.deps.store.getMany('contact', tenantId, ids.slice(0, 1));
    return contact ?? null;
  }

  /** The lead's activities also belong to the contact and company now, so their timelines show them. */
  private async moveHistory(principal: Principal, lead: Lead, contact: Contact, company: Company | null): Promise<number> {
    const { store, records } = this.deps;
    let moved = 0;
    const { items } = await listUpTo(store, 'activity', principal.tenantId, { linkedTo: { kind: 'lead', id: lead.id } }, MAX_ACTIVITIES_MOVED);
    for (const activity of items) {
      if (activity.contactIds.includes(contact.id)) continue;
      const moves = { contactIds: [...activity.contactIds, contact.id], ...(activity.companyId || !company ? {} : { companyId: company.id }) };
      await records.writer.change('activity', principal, activity, moves);
      moved++;
    }
    return moved;
  }
}
