import { TIPS_READ_CAP, boardTips, tipTags, topTipsFor, type DealTips, type Tip, type TipFilter, type TipOrder, type TipsBoard } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';
import type { RecordService } from './records.service';

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
    const [company, tips] = await Promise.all([deal.companyId ? this.deps.store.get('company', principal.tenantId, deal.companyId) : null, this.newest(principal.tenantId)]);
    const context = { stage: deal.stage, productIds: [...new Set(deal.lineItems.map((line) => line.productId))], ...(company?.industry ? { industry: company.industry } : {}) };
    return { items: topTipsFor(tips.items, context, limit), context, capped: tips.capped };
  }

  /** The board: the tips with every tag asked for, pinned first, then the newest or the most upvoted. */
  async board(principal: Principal, query: TipFilter & { order: TipOrder; limit: number }): Promise<TipsBoard> {
    const tips = await this.newest(principal.tenantId);
    const { order, limit, ...filter } = query;
    const shown = boardTips(tips.items, filter, order);
    return { items: shown.slice(0, limit), total: shown.length, tags: tipTags(tips.items), capped: tips.capped };
  }

  private async newest(tenantId: string): Promise<{ items: Tip[]; capped: boolean }> {
    const read = await listUpTo(this.deps.store, 'tip', tenantId, {}, TIPS_READ_CAP);
    return { items: read.items.slice(0, TIPS_READ_CAP), capped: read.capped || read.items.length > TIPS_READ_CAP };
  }
}
