import type { Tip } from './tip.schema';

// Which tips a rep sees where: the top tips for the deal they have open (its stage, products and customer's industry),
// and the team's board filtered by a tag. Pure: the API ranks with these, the tests count with them.

/** A tenant's board is read whole up to this many tips, the newest first: a team posts a few a week, not thousands. */
export const TIPS_READ_CAP = 500;
/** How many tips the pane shows for a deal unless told. */
export const TOP_TIPS_DEFAULT = 5;
export const TOP_TIPS_MAX = 20;

/** What a deal's tips are chosen by: its stage, the products on its lines, and its company's industry. */
export type TipContext = { stage?: string | undefined; productIds: readonly string[]; industry?: string | undefined };
/** What about the deal a tip is tagged with. */
export type TipMatch = 'stage' | 'product' | 'industry';
export const tipMatchKinds = ['stage', 'product', 'industry'] as const satisfies readonly TipMatch[];

/** A tip for a deal, with what about the deal it is for (none: a pinned tip for every deal). */
export type RankedTip = { tip: Tip; matches: TipMatch[] };

/**
 * The catalog's ids of the same products as these: a catalog lists a product once per currency (its price differs), under
 * the same name, and a tip about "Sales seat" is for a deal that sells it in euros as in dollars. The ids given come first.
 */
export function sameProducts(ids: readonly string[], catalog: readonly { id: string; name: string }[]): string[] {
  const names = new Set(catalog.filter((product) => ids.includes(product.id)).map((product) => product.name.trim().toLocaleLowerCase()));
  return [...new Set([...ids, ...catalog.filter((product) => names.has(product.name.trim().toLocaleLowerCase())).map((product) => product.id)])];
}

/** Tags compare whatever their case and surrounding spaces ("Retail" is "retail"). */
export function sameTag(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** What about the deal the tip is tagged with: its stage, one of its products, its customer's industry. */
export function tipMatches(tip: Pick<Tip, 'stages' | 'productIds' | 'industries'>, context: TipContext): TipMatch[] {
  const matches: TipMatch[] = [];
  if (context.stage !== undefined && tip.stages.includes(context.stage)) matches.push('stage');
  if (tip.productIds.some((id) => context.productIds.includes(id))) matches.push('product');
  const { industry } = context;
  if (industry !== undefined && industry.trim() !== '' && tip.industries.some((tag) => sameTag(tag, industry))) matches.push('industry');
  return matches;
}

/** A tip tagged with no stage, product or industry: advice for any deal (an objection's answer, a habit). */
export function isGeneralTip(tip: Pick<Tip, 'stages' | 'productIds' | 'industries'>): boolean {
  return tip.stages.length === 0 && tip.productIds.length === 0 && tip.industries.length === 0;
}

const isPinned = (tip: Pick<Tip, 'pinnedAt'>) => tip.pinnedAt !== undefined;

/** Pinned first (the latest pin first), then the most upvoted, then the newest; the id settles the rest, so an order never flickers. */
export function compareTips(a: Tip, b: Tip, order: TipOrder = 'upvotes'): number {
  if (isPinned(a) !== isPinned(b)) return isPinned(a) ? -1 : 1;
  if (isPinned(a) && isPinned(b) && a.pinnedAt !== b.pinnedAt) return (b.pinnedAt ?? '').localeCompare(a.pinnedAt ?? '');
  if (order === 'upvotes' && a.upvotedBy.length !== b.upvotedBy.length) return b.upvotedBy.length - a.upvotedBy.length;
  if (a.createdAt !== b.createdAt) return b.createdAt.localeCompare(a.createdAt);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The top tips for a deal, at most `limit`: the pinned ones that are for it (tagged with its stage, a product or its
 * industry) or for every deal (no such tag), then the others tagged for it, the most upvoted and newest first.
 */
export function topTipsFor(tips: readonly Tip[], context: TipContext, limit: number): RankedTip[] {
  return tips
    .map((tip) => ({ tip, matches: tipMatches(tip, context) }))
    .filter(({ tip, matches }) => matches.length > 0 || (isPinned(tip) && isGeneralTip(tip)))
    .sort((a, b) => compareTips(a.tip, b.tip, 'upvotes'))
    .slice(0, limit);
}

/** How the board lists tips after the pinned ones. */
export type TipOrder = 'newest' | 'upvotes';
export const tipOrders = ['newest', 'upvotes'] as const satisfies readonly TipOrder[];

/**
 * The tags the board is filtered by; the tips kept have every tag given. `productIds`: one product, as the ids it has
 * in the catalog (see `sameProducts`): a tip tagged with any of them has it.
 */
export type TipFilter = { stage?: string | undefined; productIds?: readonly string[] | undefined; industry?: string | undefined; objection?: string | undefined };

export function tipHasTags(tip: Tip, filter: TipFilter): boolean {
  if (filter.stage !== undefined && !tip.stages.includes(filter.stage)) return false;
  const { productIds } = filter;
  if (productIds !== undefined && !tip.productIds.some((id) => productIds.includes(id))) return false;
  const { industry, objection } = filter;
  if (industry !== undefined && !tip.industries.some((tag) => sameTag(tag, industry))) return false;
  if (objection !== undefined && !tip.objections.some((tag) => sameTag(tag, objection))) return false;
  return true;
}

/** The board: the tips with the filter's tags, pinned first, then by the order chosen. */
export function boardTips(tips: readonly Tip[], filter: TipFilter, order: TipOrder): Tip[] {
  return tips.filter((tip) => tipHasTags(tip, filter)).sort((a, b) => compareTips(a, b, order));
}

/** The industries and objections the tips are tagged with, each once (spelt as in the first tip given: the newest), alphabetically: the board's filter choices. */
export function tipTags(tips: readonly Tip[]): { industries: string[]; objections: string[] } {
  const distinct = (values: readonly string[]) => {
    const byKey = new Map<string, string>();
    for (const value of values) if (!byKey.has(value.trim().toLocaleLowerCase())) byKey.set(value.trim().toLocaleLowerCase(), value.trim());
    return [...byKey.values()].sort((a, b) => a.localeCompare(b));
  };
  return { industries: distinct(tips.flatMap((tip) => tip.industries)), objections: distinct(tips.flatMap((tip) => tip.objections)) };
}
