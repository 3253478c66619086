import type { Tip } from '@rapport/shared';
import { linkedTextParts } from '@rapport/shared/tips/tip-text.rules';
import { boardTips, sameProducts, tipTags, topTipsFor } from '@rapport/shared/tips/tip.rules';

let made = 0;
const tip = (fields: Partial<Tip>): Tip => ({
  tenantId: 't',
  id: `tip-${++made}`,
  createdAt: `2026-03-0${made}T09:00:00.000Z`,
  createdBy: 'ana',
  updatedAt: `2026-03-0${made}T09:00:00.000Z`,
  updatedBy: 'ana',
  ownerId: 'ana',
  version: 1,
  text: `Tip ${made}`,
  stages: [],
  productIds: [],
  industries: [],
  objections: [],
  upvotedBy: [],
  ...fields,
});

describe("a deal's top tips", () => {
  it('puts the pinned tips for the deal or for every deal first, then the others for it by votes and age, at most the limit', () => {
    made = 0;
    const tips = [
      tip({ text: 'general pinned', pinnedAt: '2026-03-09T00:00:00.000Z', pinnedBy: 'm' }),
      tip({ text: 'general, not pinned', upvotedBy: ['a', 'b', 'c'] }),
      tip({ text: 'stage, one vote', stages: ['proposal'], upvotedBy: ['a'] }),
      tip({ text: 'industry, newest', industries: ['retail'] }),
      tip({ text: 'other stage pinned', stages: ['won'], pinnedAt: '2026-03-09T01:00:00.000Z', pinnedBy: 'm' }),
      tip({ text: 'product, two votes', productIds: ['p1'], upvotedBy: ['a', 'b'] }),
    ];
    const top = topTipsFor(tips, { stage: 'proposal', productIds: ['p1'], industry: ' Retail ' }, 3);
    expect(top.map(({ tip: { text }, matches }) => [text, matches])).toEqual([
      ['general pinned', []],
      ['product, two votes', ['product']],
      ['stage, one vote', ['stage']],
    ]);
  });
});

describe('the board', () => {
  it('keeps the tips with every tag asked for, pinned first, and lists each industry and objection once', () => {
    made = 0;
    const tips = [
      tip({ text: 'a', stages: ['proposal'], objections: ['Too expensive'], upvotedBy: ['x', 'y'] }),
      tip({ text: 'b', stages: ['proposal'], objections: ['too expensive'], industries: ['Retail'] }),
      tip({ text: 'c', pinnedAt: '2026-03-09T00:00:00.000Z', objections: ['No time'] }),
    ];
    expect(boardTips(tips, {}, 'newest').map((item) => item.text)).toEqual(['c', 'b', 'a']);
    expect(boardTips(tips, {}, 'upvotes').map((item) => item.text)).toEqual(['c', 'a', 'b']);
    expect(boardTips(tips, { stage: 'proposal', objection: 'TOO EXPENSIVE' }, 'upvotes').map((item) => item.text)).toEqual(['a', 'b']);
    expect(tipTags([...tips].reverse())).toEqual({ industries: ['Retail'], objections: ['No time', 'too expensive'] });
  });

  it('takes a product sold in several currencies for one product', () => {
    const catalog = [
      { id: 'seat-usd', name: 'Sales seat' },
      { id: 'seat-eur', name: ' sales seat' },
      { id: 'day-eur', name: 'Training day' },
    ];
    expect(sameProducts(['seat-eur'], catalog)).toEqual(['seat-eur', 'seat-usd']);
    expect(sameProducts([], catalog)).toEqual([]);
  });
});

describe("a tip's text", () => {
  it('links web addresses, without the punctuation that ends the sentence, and nothing that is not http(s) with a host', () => {
    expect(linkedTextParts('Read https://example.com/a_(b). Then www.example.org, not javascript:alert(1) or https://localhost.')).toEqual([
      { text: 'Read ' },
      { text: 'https://example.com/a_(b)', href: 'https://example.com/a_(b)' },
      { text: '. Then ' },
      { text: 'www.example.org', href: 'https://www.example.org' },
      { text: ', not javascript:alert(1) or https://localhost.' },
    ]);
    expect(linkedTextParts('(see https://example.com/guide)')).toEqual([{ text: '(see ' }, { text: 'https://example.com/guide', href: 'https://example.com/guide' }, { text: ')' }]);
    expect(linkedTextParts('no links at all')).toEqual([{ text: 'no links at all' }]);
  });
});
