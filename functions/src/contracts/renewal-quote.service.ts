import {
  CrmError,
  DEAL_NAME_MAX,
  contractReference,
  fromMinor,
  periodsPerTerm,
  renewedEndDate,
  toMinor,
  type Contract,
  type Deal,
  type Quote,
  type QuoteLine,
  type RecordKind,
  type RecordOf,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Actor } from '../kinds/kind-hooks';
import { quoteSettingsOf } from '../kinds/quote.hooks';
import { derivedId } from '../services/derived-ids';
import type { RecordService } from '../services/records.service';
import type { Store } from '../store/store';
import { renewalTaskWords } from './renewal-words';

export type RenewalQuote = { quote: Quote; created: boolean };

/**
 * A contract's renewal in one step: a deal for its company and a draft quote on it, both through the kinds' own create
 * path (the writer: numbers, rules, audit). Their ids follow from the contract and its end date, so asking again (a
 * double click, a retry, a colleague) returns the same quote, and the next term's renewal makes new ones.
 */
export class RenewalQuoteService {
  constructor(private readonly deps: { store: Store; records: RecordService }) {}

  async make(principal: Principal, contractId: string): Promise<RenewalQuote> {
    const { store, records } = this.deps;
    const contract = await records.get('contract', principal, contractId);
    const quoteId = derivedId(contract.id, 'renewal-quote', contract.endDate);
    const made = await store.get('quote', principal.tenantId, quoteId);
    if (made) return { quote: made, created: false };
    if (contract.cancelled) {
      throw new CrmError('conflict', 'CONTRACT.CANCELLED', `${contractReference(contract)} was cancelled: there is nothing to renew. Reinstate it first, or make a new deal.`, { id: contract.id });
    }
    const deal = await this.renewalDeal(principal, contract);
    const lines = deal.lineItems.length > 0 ? undefined : await this.valueLines(principal.tenantId, contract);
    const quote = await this.addOnce('quote', principal, quoteId, { dealId: deal.id, currency: deal.currency, ...(lines ? { lines } : {}) });
    return { quote, created: true };
  }

  /** The renewal's deal: the covered products at their catalog prices, else the contract's value for the next term. */
  private async renewalDeal(principal: Principal, contract: Contract): Promise<Deal> {
    const { store, records } = this.deps;
    const id = derivedId(contract.id, 'renewal', contract.endDate);
    const existing = await store.get('deal', principal.tenantId, id);
    if (existing) return existing;
    const [pipeline, member, priced] = await Promise.all([
      records.writer.lookupsFor(principal.tenantId).pipeline(),
      store.get('member', principal.tenantId, principal.userId),
      this.pricedProducts(principal.tenantId, contract),
    ]);
    const stage = pipeline.stages.find((candidate) => candidate.kind === 'open');
    const currency = contract.value?.currency ?? priced[0]?.currency;
    const lineItems = priced.filter((product) => product.currency === currency).map((product) => ({ productId: product.id, quantity: 1, discountPercent: 0 }));
    const value = contract.value;
    const amount = lineItems.length === 0 && value ? value.amount * periodsPerTerm(contract.renewal.termMonths, value.period) : undefined;
    const name = renewalTaskWords(member?.language ?? 'en').dealName(contract.name).slice(0, DEAL_NAME_MAX);
    return this.addOnce('deal', principal, id, {
      name,
      companyId: contract.companyId,
      contactIds: [],
      stage: stage?.id ?? pipeline.stages[0]?.id ?? 'prospecting',
      ...(currency ? { currency } : {}),
      lineItems,
      ...(amount !== undefined && currency ? { amount: fromMinor(toMinor(amount, currency), currency), amountSetByHand: true } : {}),
      expectedCloseDate: contract.endDate,
      source: contractReference(contract).slice(0, 100),
    });
  }

  /** The covered products the catalog prices (in the contract's currency when it has a value). */
  private async pricedProducts(tenantId: string, contract: Contract) {
    const ids = [...new Set(contract.covered.flatMap((item) => (item.productId ? [item.productId] : [])))];
    const products = await this.deps.store.getMany('product', tenantId, ids);
    return products.filter((product) => product.unitPrice > 0 && (!contract.value || product.currency === contract.value.currency));
  }

  /** Without priced products: one line of the contract's value per billing period of the next term, at the default tax. */
  private async valueLines(tenantId: string, contract: Contract): Promise<QuoteLine[] | undefined> {
    const value = contract.value;
    if (!value) return undefined;
    const settings = await quoteSettingsOf(this.deps.store, tenantId);
    const from = new Date(Date.parse(`${contract.endDate}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
    return [
      {
        name: contract.name,
        description: `${contractReference(contract)}: ${from} – ${renewedEndDate(contract)}`,
        quantity: periodsPerTerm(contract.renewal.termMonths, value.period),
        unitPrice: value.amount,
        discountPercent: 0,
        taxPercent: settings.defaultTaxPercent ?? 0,
      },
    ];
  }

  /** A record of the renewal by its derived id: made once; a deleted one is not made again (the user removed it). */
  private async addOnce<K extends 'deal' | 'quote'>(kind: K, actor: Actor, id: string, fields: Record<string, unknown>): Promise<RecordOf[K]> {
    const { store, records } = this.deps;
    const added = await records.writer.addOnce(kind, actor, fields as never, { id });
    if (added) return added;
    const made = await store.get(kind, actor.tenantId, id);
    if (made) return made;
    throw new CrmError('conflict', 'CONTRACT.RENEWAL_DELETED', `This contract's renewal ${kind} for its end on this date was deleted: restore it from the recycle bin.`, {
      kind: kind as RecordKind,
      id,
    });
  }
}
