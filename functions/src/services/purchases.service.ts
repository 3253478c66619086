import { notFound, type Deal, type PurchasesResponse } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';

// A company's deals are read in pages up to this many; beyond it the answer says it is capped.
const MAX_DEALS_READ = 1_000;
// Its orders likewise, newest first.
const MAX_ORDERS_READ = 500;

/**
 * What a customer has bought: the company's orders (what they accepted, where it is), and its won deals, with what was
 * on them and who won them.
 */
export class PurchasesService {
  constructor(private readonly store: Store) {}

  async ofCompany(principal: Principal, companyId: string): Promise<PurchasesResponse> {
    const { tenantId } = principal;
    if (!(await this.store.get('company', tenantId, companyId))) throw notFound('company', companyId);
    const company = { kind: 'company' as const, id: companyId };
    const [deals, orders] = await Promise.all([listUpTo(this.store, 'deal', tenantId, { linkedTo: company }, MAX_DEALS_READ), listUpTo(this.store, 'order', tenantId, { linkedTo: company }, MAX_ORDERS_READ)]);
    const won: Deal[] = deals.items.filter((deal) => deal.status === 'won');
    won.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));

    const productIds = [...new Set(won.flatMap((deal) => deal.lineItems.map((item) => item.productId)))];
    const ownerIds = [...new Set([...won, ...orders.items].map((record) => record.ownerId))];
    const [products, owners] = await Promise.all([this.store.getMany('product', tenantId, productIds), this.store.getMany('member', tenantId, ownerIds)]);
    return {
      orders: orders.items,
      deals: won,
      products: Object.fromEntries(products.map((product) => [product.id, { name: product.name }])),
      owners: Object.fromEntries(owners.map((member) => [member.id, { displayName: member.displayName }])),
      capped: deals.capped || orders.capped,
    };
  }
}
