import { CrmError, canEditRecord, notYourRecord, quoteExpired, quoteReference, type Quote } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { RecordService } from '../services/records.service';
import type { PublicLinks } from '../services/public-links';
import type { Store } from '../store/store';
import { quoteDocumentOf, type QuoteDocument } from './quote-document';
import { quoteSettingsOf } from '../kinds/quote.hooks';
import type { QuoteRenderer } from './quote-renderer';
import { retryOnStale } from '../services/retry-on-stale';

/** When a quote's key stops opening its page: the end of its last valid day, in UTC. */
export function linkExpiryOf(quote: { validUntil: string }): string {
  return new Date(Date.parse(`${quote.validUntil}T00:00:00.000Z`) + 86_400_000).toISOString();
}

/** The rep's side of quotes besides editing them as records: sending one, and its PDF. */
export class QuotesService {
  constructor(private readonly deps: { store: Store; records: RecordService; links: PublicLinks; renderer: QuoteRenderer; now: () => Date }) {}

  /**
   * Sends a draft: it gets a public key that expires with it, and the version it revises is replaced first, so two
   * versions of one quote are never open at once (a version the customer answered meanwhile is not replaced, and the
   * new one is not sent). Sending a sent quote again returns it, so a retry never makes a second link.
   */
  async send(principal: Principal, id: string): Promise<Quote> {
    const { records, links, now } = this.deps;
    return retryOnStale(async () => {
      const quote = await records.get('quote', principal, id);
      if (!canEditRecord(principal, quote)) throw notYourRecord('quote');
      if (quote.status === 'sent' && quote.publicKey) {
        // A retry after the send was written: the replaced version is made sure of as well.
        if (quote.revisionOf) await this.supersede(principal, quote, quote.revisionOf);
        return quote;
      }
      if (quote.status !== 'draft') {
        throw new CrmError('conflict', 'QUOTE.STATUS_FLOW', `${quoteReference(quote)} is ${quote.status}: only a draft can be sent.`, { from: quote.status, to: 'sent', allowed: [] });
      }
      if (quote.lines.length === 0) {
        throw new CrmError('unprocessable', 'QUOTE.NO_LINES', `${quoteReference(quote)} has no lines: add what you are offering before you send it.`, { field: 'lines' });
      }
      if (quoteExpired(quote, now())) {
        throw new CrmError('unprocessable', 'QUOTE.EXPIRED', `${quoteReference(quote)} was valid until ${quote.validUntil}: give it a later "valid until" date before you send it.`, { field: 'validUntil', validUntil: quote.validUntil });
      }
      if (quote.revisionOf) await this.supersede(principal, quote, quote.revisionOf);
      // The key is kept before the quote names it: a key no quote names opens nothing worse than "not found".
      const publicKey = await links.issue({ tenantId: quote.tenantId, kind: 'quote', id: quote.id, expiresAt: linkExpiryOf(quote) });
      return records.writer.change('quote', principal, quote, { status: 'sent', sentAt: now().toISOString(), publicKey }, { origin: 'system' });
    });
  }

  /** The quote's PDF, for anyone in the tenant who may read the quote. */
  async pdf(principal: Principal, id: string): Promise<{ quote: Quote; bytes: Buffer }> {
    const quote = await this.deps.records.get('quote', principal, id);
    return { quote, bytes: await this.deps.renderer.pdf(await quoteDocument(this.deps.store, quote)) };
  }

  /**
   * Replaces the version `quote` revises, on the version read: one still waiting or declined becomes superseded by
   * `quote`. Nothing to do when `quote` replaced it already; refused when the customer accepted it or another version
   * replaced it (a write racing the customer's answer is refused as stale and read again).
   */
  private async supersede(principal: Principal, quote: Quote, replacedId: string): Promise<void> {
    const { store, records } = this.deps;
    const replaced = await store.get('quote', principal.tenantId, replacedId);
    if (!replaced || replaced.supersededBy === quote.id) return;
    if ((replaced.status !== 'sent' && replaced.status !== 'declined') || replaced.supersededBy) {
      const why = replaced.status === 'accepted' ? 'the customer accepted it' : 'another version replaced it';
      throw new CrmError('conflict', 'QUOTE.NOT_REVISABLE', `${quoteReference(quote)} cannot be sent: it replaces ${quoteReference(replaced)}, and ${why}.`, { status: replaced.status });
    }
    await records.writer.change('quote', principal, replaced, { status: 'superseded', supersededBy: quote.id }, { origin: 'system' });
  }
}

/** A quote's document: its settings, and the names of whom it is for (the rep stands for the seller until an admin names it). */
export async function quoteDocument(store: Store, quote: Quote): Promise<QuoteDocument> {
  const [settings, contact, company, owner] = await Promise.all([
    quoteSettingsOf(store, quote.tenantId),
    quote.contactId ? store.get('contact', quote.tenantId, quote.contactId) : null,
    quote.companyId ? store.get('company', quote.tenantId, quote.companyId) : null,
    store.get('member', quote.tenantId, quote.ownerId),
  ]);
  const contactName = contact ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') : undefined;
  return quoteDocumentOf(quote, settings, { contactName, companyName: company?.name, fallbackSellerName: owner?.displayName ?? '' });
}
