import { clickCell, type ReportCell } from '@rapport/shared';
import { ClickCounter } from '../../functions/src/campaigns/click-counter';
import { RecentClicks, notAClick } from '../../functions/src/campaigns/click-rules';
import type { Store } from '../../functions/src/store/store';

const link = { campaignId: 'spring', id: 'link-1', channel: 'email' as const };
const other = { campaignId: 'spring', id: 'link-2', channel: 'ad' as const };
const at = '2026-11-03T10:00:00.000Z';

/** A store that keeps what it is asked to count, and fails while told to. */
function countingStore() {
  const writes: { tenantId: string; cells: readonly ReportCell[] }[] = [];
  const state = { failing: false };
  const store = {
    countEvents: async (tenantId: string, cells: readonly ReportCell[]) => {
      if (state.failing) throw new Error('store unavailable');
      writes.push({ tenantId, cells });
    },
  } as unknown as Store;
  const clicksOf = (tenantId: string, linkId: string) =>
    writes.filter((write) => write.tenantId === tenantId).flatMap((write) => write.cells).filter((cell) => cell.dims.link === linkId).reduce((sum, cell) => sum + (cell.measures.clicks ?? 0), 0);
  return { store, writes, state, clicksOf };
}

describe('the click counter', () => {
  it('writes each click before answering when it does not batch', async () => {
    const { store, writes } = countingStore();
    const counter = new ClickCounter({ store, flushMs: 0 });
    await counter.count('t1', clickCell(link, at));
    expect(writes).toEqual([{ tenantId: 't1', cells: [clickCell(link, at)] }]);
  });

  it('sums the clicks of a window per cell and tenant, and writes each cell once when the window ends', async () => {
    const { store, writes, clicksOf } = countingStore();
    const counter = new ClickCounter({ store, flushMs: 50 });
    for (let i = 0; i < 40; i++) await counter.count('t1', clickCell(link, at));
    await counter.count('t1', clickCell(other, at));
    await counter.count('t2', clickCell(link, at));
    expect(writes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(writes).toHaveLength(3);
    expect([clicksOf('t1', 'link-1'), clicksOf('t1', 'link-2'), clicksOf('t2', 'link-1')]).toEqual([40, 1, 1]);
  });

  it('writes what is left when the host stops', async () => {
    const { store, clicksOf } = countingStore();
    const counter = new ClickCounter({ store, flushMs: 60_000 });
    for (let i = 0; i < 5; i++) await counter.count('t1', clickCell(link, at));
    await counter.close();
    expect(clicksOf('t1', 'link-1')).toBe(5);
  });

  it('keeps the clicks of a write that failed for the next one, and never fails a visitor', async () => {
    const { store, state, clicksOf } = countingStore();
    const logged: string[] = [];
    const counter = new ClickCounter({ store, flushMs: 0, log: (message) => logged.push(message) });
    state.failing = true;
    await expect(counter.count('t1', clickCell(link, at))).resolves.toBeUndefined();
    await counter.count('t1', clickCell(link, at));
    expect(logged).toHaveLength(2);
    state.failing = false;
    await counter.flush();
    expect(clicksOf('t1', 'link-1')).toBe(2);
    await counter.flush();
    expect(clicksOf('t1', 'link-1')).toBe(2);
  });
});

describe('what counts as a click', () => {
  const visit = (headers: Record<string, string>, method = 'GET') => ({ method, headers: new Headers(headers) });
  const browser = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

  it("is a browser's GET, on any device", () => {
    expect(notAClick(visit({ 'user-agent': browser }))).toBeNull();
    expect(notAClick(visit({ 'user-agent': 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36' }))).toBeNull();
    expect(notAClick(visit({ 'user-agent': 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' }))).toBeNull();
  });

  it('is not a HEAD request, a prefetch or prerender, an open without a user agent, or an agent that names a bot, a preview or a script', () => {
    expect(notAClick(visit({ 'user-agent': browser }, 'HEAD'))).toBe('head');
    expect(notAClick(visit({ 'user-agent': browser, 'sec-purpose': 'prefetch;prerender' }))).toBe('prefetch');
    expect(notAClick(visit({ 'user-agent': browser, purpose: 'prefetch' }))).toBe('prefetch');
    expect(notAClick(visit({ 'user-agent': browser, 'x-moz': 'prefetch' }))).toBe('prefetch');
    expect(notAClick(visit({}))).toBe('no-user-agent');
    for (const agent of ['Twitterbot/1.0', 'TelegramBot (like TwitterBot)', 'Discordbot/2.0', 'Mozilla/5.0 (compatible; AhrefsBot/7.0)', 'Mozilla/5.0 AppleWebKit/537.36 (compatible; Google-InspectionTool/1.0)', 'Go-http-client/2.0', 'node', 'axios/1.7.2']) {
      expect([agent, notAClick(visit({ 'user-agent': agent }))]).toEqual([agent, 'bot']);
    }
  });

  it('is counted once per visitor, browser and link within the window, and the window is kept in memory only, salted', () => {
    let now = 0;
    const recent = new RecentClicks({ windowMs: 60_000, now: () => now });
    expect(recent.repeated('198.51.100.7', browser, 'code-1')).toBe(false);
    expect(recent.repeated('198.51.100.7', browser, 'code-1')).toBe(true);
    expect(recent.repeated('198.51.100.7', browser, 'code-2')).toBe(false);
    expect(recent.repeated('198.51.100.8', browser, 'code-1')).toBe(false);
    now = 60_001;
    expect(recent.repeated('198.51.100.7', browser, 'code-1')).toBe(false);
    // Nothing it keeps holds the address: only salted hashes.
    expect(JSON.stringify([...(recent as unknown as { seen: Map<string, number> }).seen.keys()])).not.toContain('198.51.100');
  });

  it('forgets the oldest visits beyond its bound, so a flood cannot grow it', () => {
    const recent = new RecentClicks({ windowMs: 60_000, maxKeys: 3, now: () => 0 });
    for (const visitor of ['a', 'b', 'c', 'd', 'e']) recent.repeated(visitor, browser, 'code');
    expect((recent as unknown as { seen: Map<string, number> }).seen.size).toBeLessThanOrEqual(3);
    expect(recent.repeated('e', browser, 'code')).toBe(true);
  });
});
