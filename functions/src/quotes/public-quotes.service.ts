import { createHash } from 'node:crypto';
import {
  CrmError,
  fromMinor,
  quoteExpired,
  quoteReference,
  type Deal,
  type LineItem,
  type Quote,
  type QuoteAnswer,
} from '@rapport/shared';
import type { Actor } from '../kinds/kind-hooks';
import { quoteSettingsOf } from '../kinds/quote.hooks';
import type { PublicLinks } from '../services/public-links';
import type { RecordWriter } from '../services/record-writer';
import type { Store } from '../store/store';
import type { QuoteDocument } from './quote-document';
import type { QuoteRenderer, QuotePageView } from './quote-renderer';
import { answerWords, netText } from './quote-answer-mail';
import { queueQuoteAnswerMail } from './quote-answer-mail.job';
import { quoteDocument } from './quotes.service';

// Opening the page again within this time changes nothing: a customer reading for an hour is one opening.
const REOPEN_MS = 60 * 60 * 1000;
// A write that meets a newer version is made again on it, up to this many times.
const ATTEMPTS = 4;

export type PublicQuote = { quote: Quote; document: QuoteDocument; state: QuotePageView['state'] };

/**
 * The customer's side of a quote, reached by its public key alone: reading it, its PDF, saying it was opened, and
 * answering it. Nothing here reveals anything of the tenant beyond the quote itself.
 */
export class PublicQuotesService {
  constructor(private readonly deps: { store: Store; writer: RecordWriter; links: PublicLinks; renderer: QuoteRenderer; now: () => Date }) {}

  /** The quote and what its page shows; reading never changes anything (a mail scanner's fetch is not an opening). */
  async read(key: string): Promise<PublicQuote> {
    const quote = await this.quoteOf(key);
    return { quote, document: await quoteDocument(this.deps.store, quote), state: this.stateOf(quote) };
  }

  renderPage(document: QuoteDocument, view: QuotePageView): string {
    return this.deps.renderer.page(document, view);
  }

  async pdf(key: string): Promise<{ quote: Quote; bytes: Buffer }> {
    const { quote, document } = await this.read(key);
    return { quote, bytes: await this.deps.renderer.pdf(document) };
  }

  /** The page's script says a person sees it: the first and latest time, nothing about who. */
  async opened(key: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const quote = await this.quoteOf(key);
      const now = this.deps.now();
      const recent = quote.lastOpenedAt !== undefined && now.getTime() - Date.parse(quote.lastOpenedAt) < REOPEN_MS;
      if (quote.status !== 'sent' || recent) return;
      const at = now.toISOString();
      try {
        await this.deps.writer.change('quote', actorOf(quote), quote, { firstOpenedAt: quote.firstOpenedAt ?? at, lastOpenedAt: at }, { origin: 'system' });
        return;
      } catch (error) {
        if (!isStale(error) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  /**
   * The customer accepts: who (the name they typed), when, the version and a hash of what they read. The deal takes
   * the quote's lines and net total and moves to the tenant's accepted stage; its timeline shows the acceptance and
   * the rep gets a task for today. Accepting again with the same name is answered as the first time.
   */
  async accept(key: string, name: string): Promise<Quote> {
    const answered = await this.answer(key, (quote) => ({ decision: 'accepted', name, at: this.deps.now().toISOString(), revision: quote.revision, contentHash: contentHashOf(quote) }));
    await this.afterAcceptance(answered);
    return answered;
  }

  async decline(key: string, reason: string | undefined): Promise<Quote> {
    const answered = await this.answer(key, (quote) => ({ decision: 'declined', ...(reason ? { reason } : {}), at: this.deps.now().toISOString(), revision: quote.revision, contentHash: contentHashOf(quote) }));
    await this.followUp(answered, 'declined');
    return answered;
  }

  private async answer(key: string, answerOf: (quote: Quote) => QuoteAnswer): Promise<Quote> {
    for (let attempt = 1; ; attempt++) {
      const quote = await this.quoteOf(key);
      const answer = answerOf(quote);
      // The same answer again (a double click, a retried post) is the first one's: nothing is written twice.
      if (quote.answer && quote.answer.decision === answer.decision && (answer.decision === 'declined' || quote.answer.name === answer.name)) return quote;
      this.requireAnswerable(quote);
      try {
        return await this.deps.writer.change('quote', actorOf(quote), quote, { status: answer.decision, answer }, { origin: 'system' });
      } catch (error) {
        if (!isStale(error) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private requireAnswerable(quote: Quote): void {
    const reference = quoteReference(quote);
    if (quote.status === 'accepted' || quote.status === 'declined') {
      throw new CrmError('conflict', 'QUOTE.ALREADY_ANSWERED', `${reference} was already ${quote.status}: it cannot be answered again.`, { status: quote.status });
    }
    if (quote.status === 'superseded') throw new CrmError('gone', 'QUOTE.SUPERSEDED', `A newer version replaced ${reference}: ask the sender for it.`, { status: quote.status });
    if (quote.status !== 'sent') throw new CrmError('conflict', 'QUOTE.NOT_SENT', `${reference} was not sent yet.`, { status: quote.status });
    if (quoteExpired(quote, this.deps.now())) throw new CrmError('gone', 'QUOTE.EXPIRED', `${reference} was valid until ${quote.validUntil}: ask the sender for a new one.`, { validUntil: quote.validUntil });
  }

  private stateOf(quote: Quote): QuotePageView['state'] {
    if (quote.status === 'accepted' || quote.status === 'declined' || quote.status === 'superseded') return quote.status;
    return quoteExpired(quote, this.deps.now()) ? 'expired' : 'open';
  }

  /** The quote a key opens. An expired key still opens its quote, which then says it expired and takes no answer. */
  private async quoteOf(key: string): Promise<Quote> {
    const link = await this.deps.links.resolve(key, 'quote', { allowExpired: true });
    const quote = await this.deps.store.get('quote', link.tenantId, link.id);
    // A deleted quote, or one whose key was replaced, opens nothing.
    if (!quote || quote.publicKey !== key) throw new CrmError('not-found', 'PUBLIC_LINK.NOT_FOUND', 'This link does not open anything. Ask the sender for a new one.');
    return quote;
  }

  private async afterAcceptance(quote: Quote): Promise<void> {
    const { store, writer } = this.deps;
    const actor = actorOf(quote);
    for (let attempt = 1; ; attempt++) {
      const deal = await store.get('deal', quote.tenantId, quote.dealId);
      if (!deal) break;
      const changes = await this.dealChanges(quote, deal, actor);
      if (!changes) break;
      try {
        await writer.change('deal', actor, deal, changes, { origin: 'system' });
        break;
      } catch (error) {
        if (!isStale(error) || attempt >= ATTEMPTS) throw error;
      }
    }
    await this.followUp(quote, 'accepted');
  }

  /** What the deal takes from an accepted quote, or null when it has it already (a replayed acceptance). */
  private async dealChanges(quote: Quote, deal: Deal, actor: Actor): Promise<Partial<Deal> | null> {
    const settings = await quoteSettingsOf(this.deps.store, quote.tenantId);
    const pipeline = await this.deps.writer.lookupsFor(actor.tenantId).pipeline();
    const configured = pipeline.stages.find((stage) => stage.id === settings.acceptedStage);
    const stage = configured ?? pipeline.stages.find((stage) => stage.kind === 'won');
    const amount = fromMinor(quote.totals.net, quote.currency);
    const lineItems: LineItem[] = quote.lines.flatMap((line) =>
      line.productId ? [{ productId: line.productId, quantity: line.quantity, unitPrice: line.unitPrice, discountPercent: line.discountPercent }] : [],
    );
    if (deal.amount === amount && deal.currency === quote.currency && (!stage || deal.stage === stage.id)) return null;
    return { lineItems, amount, amountSetByHand: true, currency: quote.currency, ...(stage ? { stage: stage.id } : {}) };
  }

  /**
   * The answer on the deal's timeline (and the contact's and company's), and a task for the rep today, in the rep's
   * language. Each has an id of the quote's own, so a replayed answer adds neither twice.
   */
  private async followUp(quote: Quote, decision: 'accepted' | 'declined'): Promise<void> {
    const { writer } = this.deps;
    const actor = actorOf(quote);
    const reference = quoteReference(quote);
    const answer = quote.answer;
    const at = answer?.at ?? this.deps.now().toISOString();
    const links = { contactIds: quote.contactId ? [quote.contactId] : [], ...(quote.companyId ? { companyId: quote.companyId } : {}), dealId: quote.dealId, participants: [] };
    const owner = await this.deps.store.get('member', quote.tenantId, quote.ownerId);
    const words = answerWords(owner?.language ?? 'en');
    const said =
      decision === 'accepted'
        ? words.acceptedSummary(answer?.name ?? '', reference, quote.revision, netText(quote, owner?.language ?? 'en'))
        : words.declinedSummary(reference, answer?.reason);
    await addOnce(writer, actor, `${quote.id}-${decision}`, { kind: 'note', subject: words.note(reference, decision), summary: said, at, status: 'done', ...links });
    await addOnce(writer, actor, `${quote.id}-${decision}-task`, { kind: 'task', subject: words.task(reference, decision), summary: said, at, status: 'planned', priority: 'high', ...links });
    // By e-mail too, for a rep who asked (My preferences): the job sends it from their mailbox to themselves.
    if (owner?.quoteAnswerMail === true) await queueQuoteAnswerMail(this.deps.store, { tenantId: quote.tenantId, quoteId: quote.id, memberId: owner.id, decision, at });
  }
}

async function addOnce(writer: RecordWriter, actor: Actor, id: string, fields: Record<string, unknown>): Promise<void> {
  try {
    await writer.add('activity', actor, fields, { id, origin: 'system' });
  } catch (error) {
    if (!(error instanceof CrmError && error.code === 'RECORD.ALREADY_EXISTS')) throw error;
  }
}

/** Who a customer's answer is written as: the quote's rep, for whom the public page acts (as a web form does for its owner). */
function actorOf(quote: Quote): Actor {
  return { tenantId: quote.tenantId, userId: quote.ownerId };
}

function isStale(error: unknown): boolean {
  return error instanceof CrmError && error.category === 'precondition-failed';
}

/** SHA-256 of what the customer read: the version's content as stored, in a fixed order. */
export function contentHashOf(quote: Quote): string {
  const content = {
    number: quote.number,
    revision: quote.revision,
    currency: quote.currency,
    language: quote.language,
    validUntil: quote.validUntil,
    lines: quote.lines,
    discountPercent: quote.discountPercent,
    totals: quote.totals,
    paymentTerms: quote.paymentTerms ?? null,
    notes: quote.notes ?? null,
  };
  return `sha256:${createHash('sha256').update(JSON.stringify(content)).digest('hex')}`;
}
