import { notFound, type Deal, type PurchasesResponse } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Store } from '../store/store';

// A company's deals are read in pages up to this many; beyond it the answer says it is capped.
const MAX_DEALS_READ = 1_000;
const PAGE = 100;

/** What a customer has bought: the company's won deals, with what was on them and who won them. */
export class PurchasesService {
  constructor(private readonly store: Store) {}

  async ofCompany(principal: Principal, companyId: string): Promise<PurchasesResponse> {
    const { tenantId } = principal;
    if (!(await this.store.get('company', tenantId, companyId))) throw notFound('company', companyId);
    const won: Deal[] = [];
    let read = 0;
    let cursor: string | undefined;
    do {
      const page = await this.store.list('deal', tenantId, { linkedTo: { kind: 'company', id: companyId }, limit: PAGE, ...(cursor ? { cursor } : {}) });
      won.push(...page.items.filter((deal) => deal.status === 'won'));
      read += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && read < MAX_DEALS_READ);
    won.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));

    const productIds = [...new Set(won.flatMap((deal) => deal.lineItems.map((item) => item.productId)))];
    const ownerIds = [...new Set(won.map((deal) => deal.ownerId))];
    const [products, owners] = await Promise.all([this.store.getMany('product', tenantId, productIds), this.store.getMany('member', tenantId, ownerIds)]);
    return {
      deals: won,
      products: Object.fromEntries(products.map((product) => [product.id, { name: product.name }])),
      owners: Object.fromEntries(owners.map((member) => [member.id, { displayName: member.displayName }])),
      capped: cursor !== undefined,
    };
  }
}
