import { CrmError, isPhoneNumber, normalizeEmail, parseFormKey, type WebForm, type WebFormSubmission } from '@rapport/shared';
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
    const { record: lead } = await records.create('lead', owner, {
      lastName: submission.lastName,
      ...(submission.firstName ? { firstName: submission.firstName } : {}),
      email,
      ...(submission.company ? { companyName: submission.company } : {}),
      ...(phone ? { phone } : {}),
      ...(Object.keys(address).length > 0 ? { address } : {}),
      source: 'web-form',
      ...(form.campaignId ? { campaignId: form.campaignId } : {}),
      status: 'new',
    });
    const unusablePhone = submission.phone && !phone ? `Phone as written: ${submission.phone}` : null;
    if (submission.message || unusablePhone) {
      const notes = [submission.message, unusablePhone].filter(Boolean).join('\n\n');
      await records.create('activity', owner, { kind: 'note', subject: `Web form "${form.name}"`, at, summary: `Sent the web form "${form.name}".`, notes, participants: [], contactIds: [], leadId: lead.id });
    }
    return 'lead-created';
  }
}
