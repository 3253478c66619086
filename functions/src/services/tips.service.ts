import { TIPS_READ_CAP, boardTips, sameProducts, tipTags, topTipsFor, type DealTips, type Tip, type TipFilter, type TipOrder, type TipsBoard } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';
import type { RecordService } from './records.service';

// The product catalog, read whole to find a product's other currencies: a tenant sells dozens of products, not thousands.
const MAX_PRODUCTS = 1_000;

export type TipsServiceDependencies = { store: Store; records: RecordService };

/**
 * The tips board as reps read it: the top tips for the deal they have open, and the board filtered by a tag. Both rank
 * the tenant's newest tips, read whole up to TIPS_READ_CAP (a few pages of the kind's own list, one partition in
 * Cosmos): a team's board holds hundreds of tips at most, and an answer says when more were left unread.
 */
export class TipsService {
  constructor(private readonly deps: TipsServiceDependencies) {}

  /** The top tips for a deal the caller may read: by its stage, the products on its lines and its company's industry. */
  async forDeal(principal: Principal, dealId: string, limit: number): Promise<DealTips> {
    const deal = await this.deps.records.get('deal', principal, dealId);
    const lineProducts = [...new Set(deal.lineItems.map((line) => line.productId))];
    const [company, tips, productIds] = await Promise.all([
      deal.companyId ? this.deps.store.get('company', principal.tenantId, deal.companyId) : null,
      this.newest(principal.tenantId),
      // Tips about the deal's products in another currency are about them too.
      this.sameProducts(principal.tenantId, lineProducts),
    ]);
    const context = { stage: deal.stage, productIds: lineProducts, ...(company?.industry ? { industry: company.industry } : {}) };
    return { items: topTipsFor(tips.items, { ...context, productIds }, limit), context, capped: tips.capped };
  }

  /** The board: the tips with every tag asked for, pinned first, then the newest or the most upvoted. */
  async board(principal: Principal, query: Omit<TipFilter, 'productIds'> & { productId?: string | undefined; order: TipOrder; limit: number }): Promise<TipsBoard> {
    const { order, limit, productId, ...tags } = query;
    const [tips, productIds] = await Promise.all([this.newest(principal.tenantId), productId === undefined ? undefined : this.sameProducts(principal.tenantId, [productId])]);
    const shown = boardTips(tips.items, { ...tags, productIds }, order);
    return { items: shown.slice(0, limit), total: shown.length, tags: tipTags(tips.items), capped: tips.capped };
  }

  /** The products' ids in every currency the catalog sells them in (none read when there are none). */
  private async sameProducts(tenantId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    return sameProducts(ids, (await listUpTo(this.deps.store, 'product', tenantId, {}, MAX_PRODUCTS)).items);
  }

  private async newest(tenantId: string): Promise<{ items: Tip[]; capped: boolean }> {
    const read = await listUpTo(this.deps.store, 'tip', tenantId, {}, TIPS_READ_CAP);
    return { items: read.items.slice(0, TIPS_READ_CAP), capped: read.capped || read.items.length > TIPS_READ_CAP };
  }
}
