import { CrmError, isPhoneNumber, normalizeEmail, parseFormKey, type FirstTouch, type WebForm, type WebFormSubmission } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { activeOwnerOf } from './active-owner';
import type { Store } from '../store/store';
import { isPublicKey } from './public-links';
import type { Clock, RecordService } from './records.service';

export type WebFormOutcome = {
  /** What became of it; never told to the visitor, who must not learn whether an address is known. */
  outcome: 'lead-created' | 'noted-on-lead' | 'noted-on-contact' | 'dropped-as-spam';
  thankYouUrl?: string | undefined;
};

const formNotFound = () =>
  new CrmError('not-found', 'FORM.NOT_FOUND', 'There is no web form with this key. Copy the form again from Rapport (Settings → Web forms).');

/**
 * Leads from the company's website. A submission makes a lead (assigned by territory, as any new lead), or, when
 * the e-mail is a lead's or a contact's already, a note on their timeline instead of a duplicate.
 */
export class WebFormService {
  constructor(private readonly deps: { store: Store; records: RecordService; now: Clock }) {}

  async submit(formKey: string, submission: WebFormSubmission): Promise<WebFormOutcome> {
    const form = await this.formOf(formKey);
    if (!form) throw formNotFound();
    if (form.revoked) throw new CrmError('gone', 'FORM.REVOKED', 'This web form was switched off by its owner: submissions are no longer taken.');
    if (submission.website && submission.website.trim() !== '') return { outcome: 'dropped-as-spam', thankYouUrl: form.thankYouUrl };
    return { outcome: await this.file(form, submission), thankYouUrl: form.thankYouUrl };
  }

  /** The form a key opens: a public key through the public links' index, or an older form's tenant and id. */
  private async formOf(formKey: string): Promise<WebForm | null> {
    const { store } = this.deps;
    if (isPublicKey(formKey)) {
      const link = await store.findPublicLink(formKey);
      if (!link || link.kind !== 'form') return null;
      const form = await store.get('form', link.tenantId, link.id);
      return form?.publicKey === formKey ? form : null;
    }
    // A form with a public key is reached by it alone: its tenant and id open nothing.
    const key = parseFormKey(formKey);
    const form = key ? await store.get('form', key.tenantId, key.formId) : null;
    return form && !form.publicKey ? form : null;
  }

  /**
   * Who takes what the form brings: its owner while they have access, else their manager, else the tenant's
   * longest-serving active admin (there is always one), so no lead lands with someone who left.
   */
  /** The form's owner, or who acts for them when they left (see `activeOwnerOf`). */
  private async activeOwnerOf(form: WebForm): Promise<string> {
    return (await activeOwnerOf(this.deps.store, form.tenantId, form.ownerId))?.id ?? form.ownerId;
  }

  /**
   * The first touch a submission's link code gives its lead: the tracked link of the form's own tenant it names, its
   * campaign, channel and affiliate site (a link revoked since still names where the visit came from). A code of
   * another tenant, of a deleted link or campaign, a malformed one or none gives none, and the visitor is told nothing.
   */
  private async firstTouchOf(form: WebForm, code: string | undefined, at: string): Promise<FirstTouch | undefined> {
    if (!code || !isPublicKey(code)) return undefined;
    const { store } = this.deps;
    const found = await store.findPublicLink(code);
    if (!found || found.kind !== 'link' || found.tenantId !== form.tenantId) return undefined;
    const link = await store.get('link', form.tenantId, found.id);
    if (!link || link.code !== code) return undefined;
    // A campaign deleted since gives the lead none (a lead names only campaigns that are there).
    if (!(await store.get('campaign', form.tenantId, link.campaignId))) return undefined;
    return { campaignId: link.campaignId, linkId: link.id, channel: link.channel, ...(link.affiliate ? { affiliate: link.affiliate } : {}), at };
  }

  private async file(form: WebForm, submission: WebFormSubmission): Promise<WebFormOutcome['outcome']> {
    const { store, records } = this.deps;
    // The form acts for its owner: the leads no territory takes are theirs.
    const owner: Principal = { tenantId: form.tenantId, userId: await this.activeOwnerOf(form), roles: ['rep'] };
    const email = normalizeEmail(submission.email) ?? submission.email;
    const people = await store.findPeopleByEmails(form.tenantId, [email]);
    const [contactId] = people.contacts.get(email) ?? [];
    const [leadId] = people.leads.get(email) ?? [];
    const at = this.deps.now().toISOString();
    const note = (links: { contactIds?: string[]; leadId?: string }) =>
      records.create('activity', owner, {
        kind: 'note',
        subject: `Web form "${form.name}"`,
        at,
        summary: `Sent the web form "${form.name}".`,
        ...(submission.message ? { notes: submission.message } : {}),
        participants: [],
        contactIds: links.contactIds ?? [],
        ...(links.leadId ? { leadId: links.leadId } : {}),
      });
    if (contactId) {
      await note({ contactIds: [contactId] });
      return 'noted-on-contact';
    }
    if (leadId && (await store.get('lead', form.tenantId, leadId))) {
      await note({ leadId });
      return 'noted-on-lead';
    }
    const address = {
      ...(submission.city ? { city: submission.city } : {}),
      ...(submission.postalCode ? { postalCode: submission.postalCode } : {}),
      ...(submission.country ? { country: submission.country } : {}),
    };
    // A phone number nobody could dial stays in the note as written, rather than refusing the visitor.
    const phone = submission.phone && isPhoneNumber(submission.phone) ? { type: 'work' as const, number: submission.phone } : undefined;
    const touch = await this.firstTouchOf(form, submission.rp_code, at);
    const fields = {
      lastName: submission.lastName,
      ...(submission.firstName ? { firstName: submission.firstName } : {}),
      email,
      ...(submission.company ? { companyName: submission.company } : {}),
      ...(phone ? { phone } : {}),
      ...(Object.keys(address).length > 0 ? { address } : {}),
      source: 'web-form' as const,
      // The tracked link the visit came by names the campaign (the form's own is for visits that came otherwise).
      ...(touch ? { campaignId: touch.campaignId } : form.campaignId ? { campaignId: form.campaignId } : {}),
      status: 'new' as const,
    };
    // The first touch is the server's to set (a request never can): the lead is written as the system's.
    const { record: lead } = touch ? await records.writer.add('lead', owner, { ...fields, firstTouch: touch }, { origin: 'system' }) : await records.create('lead', owner, fields);
    const unusablePhone = submission.phone && !phone ? `Phone as written: ${submission.phone}` : null;
    if (submission.message || unusablePhone) {
      const notes = [submission.message, unusablePhone].filter(Boolean).join('\n\n');
      await records.create('activity', owner, { kind: 'note', subject: `Web form "${form.name}"`, at, summary: `Sent the web form "${form.name}".`, notes, participants: [], contactIds: [], leadId: lead.id });
    }
    return 'lead-created';
  }
}
