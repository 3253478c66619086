import { CrmError, canEditRecord, notYourRecord, quoteExpired, quoteReference, type Quote } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { RecordService } from '../services/records.service';
import type { PublicLinks } from '../services/public-links';
import type { Store } from '../store/store';
import { quoteDocumentOf, type QuoteDocument } from './quote-document';
import { quoteSettingsOf } from '../kinds/quote.hooks';
import type { QuoteRenderer } from './quote-renderer';

/** When a quote's key stops opening its page: the end of its last valid day, in UTC. */
export function linkExpiryOf(quote: { validUntil: string }): string {
  return new Date(Date.parse(`${quote.validUntil}T00:00:00.000Z`) + 86_400_000).toISOString();
}

/** The rep's side of quotes besides editing them as records: sending one, and its PDF. */
export class QuotesService {
  constructor(private readonly deps: { store: Store; records: RecordService; links: PublicLinks; renderer: QuoteRenderer; now: () => Date }) {}

  /**
   * Sends a draft: it gets a public key that expires with it, and the version it revises is replaced. Sending a sent
   * quote again returns it as it is, so a retry never makes a second link.
   */
  async send(principal: Principal, id: string): Promise<Quote> {
    const { records, links, now } = this.deps;
    const quote = await records.get('quote', principal, id);
    if (!canEditRecord(principal, quote)) throw notYourRecord('quote');
    if (quote.status === 'sent' && quote.publicKey) return quote;
    if (quote.status !== 'draft') {
      throw new CrmError('conflict', 'QUOTE.STATUS_FLOW', `${quoteReference(quote)} is ${quote.status}: only a draft can be sent.`, { from: quote.status, to: 'sent', allowed: [] });
    }
    if (quote.lines.length === 0) {
      throw new CrmError('unprocessable', 'QUOTE.NO_LINES', `${quoteReference(quote)} has no lines: add what you are offering before you send it.`, { field: 'lines' });
    }
    if (quoteExpired(quote, now())) {
      throw new CrmError('unprocessable', 'QUOTE.EXPIRED', `${quoteReference(quote)} was valid until ${quote.validUntil}: give it a later "valid until" date before you send it.`, { field: 'validUntil', validUntil: quote.validUntil });
    }
    // The key is kept before the quote names it: a key no quote names opens nothing worse than "not found".
    const publicKey = await links.issue({ tenantId: quote.tenantId, kind: 'quote', id: quote.id, expiresAt: linkExpiryOf(quote) });
    const sent = await records.writer.change('quote', principal, quote, { status: 'sent', sentAt: now().toISOString(), publicKey }, { origin: 'system' });
    if (quote.revisionOf) await this.supersede(principal, quote.revisionOf, sent.id);
    return sent;
  }

  /** The quote's PDF, for anyone in the tenant who may read the quote. */
  async pdf(principal: Principal, id: string): Promise<{ quote: Quote; bytes: Buffer }> {
    const quote = await this.deps.records.get('quote', principal, id);
    return { quote, bytes: await this.deps.renderer.pdf(await quoteDocument(this.deps.store, quote)) };
  }

  private async supersede(principal: Principal, id: string, byId: string): Promise<void> {
    const { store, records } = this.deps;
    const replaced = await store.get('quote', principal.tenantId, id);
    // Only a version still waiting (or declined) is replaced; an accepted one stays what the customer accepted.
    if (!replaced || (replaced.status !== 'sent' && replaced.status !== 'declined')) return;
    await records.writer.change('quote', principal, replaced, { status: 'superseded', supersededBy: byId }, { origin: 'system' });
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
