import { createHash } from 'node:crypto';
import { CrmError, quoteExpired, quoteReference, fromMinor, type Deal, type LineItem, type Quote, type QuoteAnswer } from '@rapport/shared';
import type { Actor } from '../kinds/kind-hooks';
import { quoteSettingsOf } from '../kinds/quote.hooks';
import { publicLinkNotFound, type PublicLinks } from '../services/public-links';
import type { RecordWriter } from '../services/record-writer';
import { retryOnStale } from '../services/retry-on-stale';
import type { Store } from '../store/store';
import type { QuoteDocument } from './quote-document';
import { answerWords, netText } from './quote-answer-mail';
import { queueQuoteAnswerMail } from './quote-answer-mail.job';
import type { QuoteRenderer, QuotePageView } from './quote-renderer';
import { quoteDocument } from './quotes.service';
import { orderOfAcceptedQuote } from '../orders/order-from-quote';

// Opening the page again within this time changes nothing: a customer reading for an hour is one opening.
const REOPEN_MS = 60 * 60 * 1000;

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

  /** The PDF while the quote stands: an expired or replaced version's link serves it no more. */
  async pdf(key: string): Promise<{ quote: Quote; bytes: Buffer }> {
    const { quote, document, state } = await this.read(key);
    if (state === 'expired' || state === 'superseded') throw new CrmError('gone', 'PUBLIC_LINK.EXPIRED', 'This link has expired. Ask the sender for a new one.');
    return { quote, bytes: await this.deps.renderer.pdf(document) };
  }

  /** The page's script says a person sees it: the first and latest time, nothing about who. */
  async opened(key: string): Promise<void> {
    await retryOnStale(async () => {
      const quote = await this.quoteOf(key);
      const now = this.deps.now();
      const recent = quote.lastOpenedAt !== undefined && now.getTime() - Date.parse(quote.lastOpenedAt) < REOPEN_MS;
      if (quote.status !== 'sent' || recent) return;
      const at = now.toISOString();
      await this.deps.writer.change('quote', actorOf(quote), quote, { firstOpenedAt: quote.firstOpenedAt ?? at, lastOpenedAt: at }, { origin: 'system' });
    });
  }

  /**
   * The customer accepts: who (the name they typed), when, the version and a hash of what they read. The deal takes
   * the quote's lines and net total and moves to the tenant's accepted stage; the quote becomes an order; the deal's
   * timeline shows the acceptance and the rep gets a task for today. Accepting again with the same name is answered as
   * the first time.
   */
  async accept(key: string, name: string): Promise<Quote> {
    return this.answer(key, { decision: 'accepted', name });
  }

  async decline(key: string, reason: string | undefined): Promise<Quote> {
    return this.answer(key, { decision: 'declined', ...(reason ? { reason } : {}) });
  }

  /**
   * Records the answer, then what follows from it, once: the quote notes when that was done (`followedUpAt`), so an
   * answer whose follow-up was cut short (a crash) gets it on the next post, and a replayed one never moves the deal
   * again (the rep may have moved it since). The same answer again (a double click, a retried post) is the first
   * one's; any other is refused.
   */
  private async answer(key: string, posted: Pick<QuoteAnswer, 'decision' | 'name' | 'reason'>): Promise<Quote> {
    let answered = await retryOnStale(async () => {
      const quote = await this.quoteOf(key);
      if (quote.answer) return quote;
      this.requireAnswerable(quote);
      // An offer whose deal is gone stands for nothing: it takes no answer.
      if (!(await this.deps.store.get('deal', quote.tenantId, quote.dealId))) {
        throw new CrmError('gone', 'QUOTE.WITHDRAWN', `${quoteReference(quote)} is no longer open: ask the sender for a new one.`, {});
      }
      const answer: QuoteAnswer = { ...posted, at: this.deps.now().toISOString(), revision: quote.revision, contentHash: contentHashOf(await quoteDocument(this.deps.store, quote)) };
      return this.deps.writer.change('quote', actorOf(quote), quote, { status: answer.decision, answer }, { origin: 'system' });
    });
    const recorded = answered.answer;
    if (recorded && !answered.followedUpAt) answered = await this.followUp(answered, recorded.decision);
    const same = recorded?.decision === posted.decision && (posted.decision === 'declined' || recorded?.name === posted.name);
    if (!same) this.requireAnswerable(answered);
    return answered;
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

  /**
   * The quote a key opens. An expired key still opens its quote's page, which then says it expired, shows no prices and
   * takes no answer. A deleted quote, or one whose key was replaced, opens nothing, as an unknown key.
   */
  private async quoteOf(key: string): Promise<Quote> {
    const link = await this.deps.links.resolve(key, 'quote', { allowExpired: true });
    const quote = await this.deps.store.get('quote', link.tenantId, link.id);
    if (!quote || quote.publicKey !== key) throw publicLinkNotFound();
    return quote;
  }

  /**
   * What follows an answer, each step once: an accepted quote's deal takes its lines and net and moves to the accepted
   * stage, and the quote becomes an order; the answer goes on the timelines of the deal (and of the contact and company
   * that still exist) with a task for the rep, in their language; the rep is e-mailed if they asked. Then the quote
   * notes it was done.
   */
  private async followUp(quote: Quote, decision: 'accepted' | 'declined'): Promise<Quote> {
    const { store, writer } = this.deps;
    const actor = actorOf(quote);
    // The deal as the answer leaves it: an accepted quote's deal takes it; a declined one's stays as it is.
    const deal = await retryOnStale(async () => {
      const found = await store.get('deal', quote.tenantId, quote.dealId);
      return found && decision === 'accepted' ? writer.change('deal', actor, found, await this.dealChanges(quote, found, actor), { origin: 'system' }) : found;
    });
    // Its id is the quote's: a follow-up resumed after a crash, or raced by a rep's own order, makes none twice.
    if (decision === 'accepted') await orderOfAcceptedQuote(writer, quote);
    const [owner, contact, company] = await Promise.all([
      store.get('member', quote.tenantId, quote.ownerId),
      quote.contactId ? store.get('contact', quote.tenantId, quote.contactId) : null,
      quote.companyId ? store.get('company', quote.tenantId, quote.companyId) : null,
    ]);
    const language = owner?.language ?? 'en';
    const words = answerWords(language);
    const reference = quoteReference(quote);
    const answer = quote.answer;
    const at = answer?.at ?? this.deps.now().toISOString();
    const links = { contactIds: contact ? [contact.id] : [], ...(company ? { companyId: company.id } : {}), ...(deal ? { dealId: deal.id } : {}), participants: [] };
    const said = decision === 'accepted' ? words.acceptedSummary(answer?.name ?? '', reference, quote.revision, netText(quote, language)) : words.declinedSummary(reference, answer?.reason);
    await writer.addOnce('activity', actor, { kind: 'note', subject: words.note(reference, decision), summary: said, at, status: 'done', ...links }, { id: `${quote.id}-${decision}`, origin: 'system' });
    await writer.addOnce('activity', actor, { kind: 'task', subject: words.task(reference, decision), summary: said, at, status: 'planned', priority: 'high', ...links }, { id: `${quote.id}-${decision}-task`, origin: 'system' });
    // By e-mail too, for a rep who asked (My preferences): the job sends it from their mailbox to themselves.
    if (owner?.quoteAnswerMail === true && !owner.deactivated) await queueQuoteAnswerMail(store, { tenantId: quote.tenantId, quoteId: quote.id, memberId: owner.id, decision, at });
    return retryOnStale(async () => {
      const current = (await store.get('quote', quote.tenantId, quote.id)) ?? quote;
      if (current.followedUpAt) return current;
      return writer.change('quote', actor, current, { followedUpAt: this.deps.now().toISOString() }, { origin: 'system' });
    });
  }

  /** What the deal takes from an accepted quote: its product lines, its net as the amount, and the accepted stage. */
  private async dealChanges(quote: Quote, deal: Deal, actor: Actor): Promise<Partial<Deal>> {
    const settings = await quoteSettingsOf(this.deps.store, quote.tenantId);
    const pipeline = await this.deps.writer.lookupsFor(actor.tenantId).pipeline();
    const stage = pipeline.stages.find((candidate) => candidate.id === settings.acceptedStage) ?? pipeline.stages.find((candidate) => candidate.kind === 'won');
    const lineItems: LineItem[] = quote.lines.flatMap((line) =>
      line.productId ? [{ productId: line.productId, quantity: line.quantity, unitPrice: line.unitPrice, discountPercent: line.discountPercent }] : [],
    );
    return { lineItems, amount: fromMinor(quote.totals.net, quote.currency), amountSetByHand: true, currency: quote.currency, ...(stage ? { stage: stage.id } : {}) };
  }
}

/** Who a customer's answer is written as: the quote's rep, for whom the public page acts (as a web form does for its owner). */
function actorOf(quote: Quote): Actor {
  return { tenantId: quote.tenantId, userId: quote.ownerId };
}

/** `sha256:v1:` and the hash of the document as canonical JSON (keys sorted, the logo by its own hash). */
export function contentHashOf(document: QuoteDocument): string {
  const { logo, ...seller } = document.seller;
  const content = { ...document, seller: { ...seller, ...(logo ? { logo: createHash('sha256').update(logo.bytes).digest('hex') } : {}) } };
  return `sha256:v1:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
