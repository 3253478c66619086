/**
 * A person's open deals, the most relevant to the conversation first: the deal the open e-mail is logged to; else the
 * ones most recently worked on with them (their timeline, newest first); else the nearest expected close (deals without
 * one last). The pane shows the first above the fold.
 */
export function byRelevance<D extends { id: string; expectedCloseDate?: string | undefined }>(
  deals: readonly D[],
  context: { loggedDealId?: string | null | undefined; timeline: readonly { dealId?: string | undefined }[] },
): D[] {
  const recency = new Map<string, number>();
  context.timeline.forEach((activity, index) => {
    if (activity.dealId && !recency.has(activity.dealId)) recency.set(activity.dealId, index);
  });
  const rank = (deal: D): [number, number, string] => {
    if (deal.id === context.loggedDealId) return [0, 0, ''];
    const recent = recency.get(deal.id);
    if (recent !== undefined) return [1, recent, ''];
    return deal.expectedCloseDate ? [2, 0, deal.expectedCloseDate] : [3, 0, ''];
  };
  return [...deals]
    .map((deal, index) => ({ deal, index, rank: rank(deal) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2].localeCompare(b.rank[2]) || a.index - b.index)
    .map(({ deal }) => deal);
}
