import { TIPS_READ_CAP, type Tip } from '@rapport/shared';
import { RecordWriter } from '../../functions/src/services/record-writer';
import { createTestApp, create, TENANT_A, type TestApp, testStores } from './test-app';

// The tips board's API: a small kind, defined once (shared/src/tips), with its own rules in functions/src/kinds/tip.hooks.ts.
describe.each(testStores)('the tips board on %s', (store) => {
  let t: TestApp;
  let ana: string;
  let rui: string;
  let manager: string;
  // Each tip a second after the one before, so "newest" is never a tie.
  let clock = Date.parse('2026-03-02T09:00:00Z');
  beforeEach(async () => {
    t = await createTestApp({ store, now: () => new Date((clock += 1_000)) });
    ana = await t.token(TENANT_A, 'ana', ['rep']);
    rui = await t.token(TENANT_A, 'rui', ['rep']);
    manager = await t.token(TENANT_A, 'the-manager', ['manager']);
  });
  afterEach(async () => {
    await t.close();
  });

  it('keeps a tip tagged by stage, product, industry and objection, each tag once', async () => {
    const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    const product = await create(t, 'product', { name: 'GTX Pro', unitPrice: 4821 }, admin);
    const tip = await create(
      t,
      'tip',
      { text: '  Ask which supplier they use today.  ', stages: ['proposal', 'proposal'], productIds: [product.id], industries: ['Retail', 'retail'], objections: ['Too expensive'] },
      ana,
    );
    expect(tip).toMatchObject({
      text: 'Ask which supplier they use today.',
      stages: ['proposal'],
      productIds: [product.id],
      industries: ['retail'],
      objections: ['Too expensive'],
      upvotedBy: [],
      ownerId: 'ana',
      version: 1,
    });
    expect(tip.pinnedAt).toBeUndefined();
    const read = await t.call('get-tip', { token: rui, params: { id: tip.id } });
    expect(read.body).toEqual(tip);
    const listed = await t.call('list-tips', { token: rui });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([tip.id]);
  });

  it('refuses a stage outside the pipeline and a product that does not exist, naming the field', async () => {
    const stage = await t.call('create-tip', { token: ana, body: { text: 'Call on Fridays', stages: ['negotiation-x'] } });
    expect(stage.status).toBe(400);
    expect(stage.body.error).toMatchObject({ code: 'TIP.UNKNOWN_STAGE', details: { fields: [{ path: 'stages' }] } });
    expect(stage.body.error.message).toContain('negotiation-x');
    const product = await t.call('create-tip', { token: ana, body: { text: 'Bundle the service plan', productIds: ['no-such-product'] } });
    expect(product.status).toBe(422);
    expect(product.body.error).toMatchObject({ code: 'RECORD.REFERENCE_NOT_FOUND', details: { field: 'productIds', id: 'no-such-product' } });
    const upvotes = await t.call('create-tip', { token: ana, body: { text: 'Vote for me', upvotedBy: ['ana', 'rui'] } });
    expect(upvotes.status).toBe(400);
  });

  it('counts each member\'s upvote once, lets them take it back, and keeps every vote when they come at once', async () => {
    const tip = await create(t, 'tip', { text: 'Send the case study before the demo' }, ana);
    const upvote = (token: string, up: boolean) => t.call('upvote-tip', { token, params: { id: tip.id }, body: { up } });
    const first = await upvote(rui, true);
    expect(first.status).toBe(200);
    expect(first.body.upvotedBy).toEqual(['rui']);
    expect((await upvote(rui, true)).body.upvotedBy).toEqual(['rui']);
    expect((await upvote(rui, false)).body.upvotedBy).toEqual([]);

    const voters = await Promise.all(['v1', 'v2', 'v3', 'v4'].map((id) => t.token(TENANT_A, id, ['rep'])));
    const answers = await Promise.all(voters.map((token) => upvote(token, true)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const after = await t.call('get-tip', { token: ana, params: { id: tip.id } });
    expect([...after.body.upvotedBy].sort()).toEqual(['v1', 'v2', 'v3', 'v4']);
    // Votes do not make the tip the voter's: the owner's text stays theirs to change.
    const edit = await t.call('update-tip', { token: rui, params: { id: tip.id }, headers: { 'if-match': `"${after.body.version}"` }, body: { text: 'Mine now' } });
    expect(edit.status).toBe(403);
  });

  it('makes a vote again on the tip as it is now when another vote lands between its read and its write', async () => {
    const tip = await create(t, 'tip', { text: 'Name the next step in every e-mail' }, ana);
    const replace = t.app.store.replace.bind(t.app.store);
    let raced = false;
    // Rui's vote is stored just before Eva's, which was made on the tip as it was before Rui's.
    t.app.store.replace = (async (kind, record, expectedVersion, options) => {
      if (kind === 'tip' && !raced) {
        raced = true;
        const current = await t.app.store.get('tip', TENANT_A, tip.id);
        if (current) await replace('tip', { ...current, upvotedBy: ['rui'], version: current.version + 1 }, current.version);
      }
      return replace(kind, record, expectedVersion, options);
    }) as typeof t.app.store.replace;
    const eva = await t.token(TENANT_A, 'eva', ['rep']);
    const voted = await t.call('upvote-tip', { token: eva, params: { id: tip.id }, body: { up: true } });
    expect(voted.status).toBe(200);
    expect(voted.body).toMatchObject({ upvotedBy: ['rui', 'eva'], version: 3 });
    // A vote that changes nothing (Eva's again) writes nothing.
    const again = await t.call('upvote-tip', { token: eva, params: { id: tip.id }, body: { up: true } });
    expect(again.body.version).toBe(3);
  });

  it('lets managers pin and unpin a tip, and no rep', async () => {
    const tip = await create(t, 'tip', { text: 'Quote in the customer\'s currency' }, ana);
    const refused = await t.call('pin-tip', { token: ana, params: { id: tip.id }, body: { pinned: true } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('pin tips');
    const pinned = await t.call('pin-tip', { token: manager, params: { id: tip.id }, body: { pinned: true } });
    expect(pinned.status).toBe(200);
    expect(pinned.body).toMatchObject({ pinnedBy: 'the-manager', ownerId: 'ana' });
    expect(Date.parse(pinned.body.pinnedAt)).not.toBeNaN();
    const unpinned = await t.call('pin-tip', { token: manager, params: { id: tip.id }, body: { pinned: false } });
    expect(unpinned.body.pinnedAt).toBeUndefined();
    expect(unpinned.body.pinnedBy).toBeUndefined();
    // Every change is in the tip's history, with who made it.
    const history = await t.call('tip-history', { token: ana, params: { id: tip.id } });
    expect(history.body.items.map((entry: { by: string; version: number }) => [entry.by, entry.version])).toEqual([
      ['the-manager', 3],
      ['the-manager', 2],
      ['ana', 1],
    ]);
  });

  const texts = (items: { text: string }[]) => items.map((tip) => tip.text);
  const upvote = (id: string, tokens: string[]) => Promise.all(tokens.map((token) => t.call('upvote-tip', { token, params: { id }, body: { up: true } })));

  it("puts a deal's top tips in order: pinned first, then those for its stage, products or industry, the most upvoted and newest first", async () => {
    const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    const seats = await create(t, 'product', { name: 'Sales seat', unitPrice: 30, currency: 'EUR' }, admin);
    const printer = await create(t, 'product', { name: 'Printer', unitPrice: 300, currency: 'EUR' }, admin);
    const company = await create(t, 'company', { name: 'Contoso', industry: 'Retail' }, ana);
    const deal = await create(t, 'deal', { name: 'Seats for Contoso', stage: 'proposal', currency: 'EUR', companyId: company.id, lineItems: [{ productId: seats.id, quantity: 10 }] }, ana);
    const voters = await Promise.all(['v1', 'v2', 'v3'].map((id) => t.token(TENANT_A, id, ['rep'])));

    const general = await create(t, 'tip', { text: 'Pinned for everyone: name the next step', objections: ['Not now'] }, rui);
    const forStage = await create(t, 'tip', { text: 'Stage, one vote', stages: ['proposal'] }, rui);
    const forProduct = await create(t, 'tip', { text: 'Product, three votes', productIds: [seats.id] }, rui);
    await create(t, 'tip', { text: 'Industry, no votes, older', industries: ['retail'] }, ana);
    const newer = await create(t, 'tip', { text: 'Industry, no votes, newer', industries: ['RETAIL'] }, ana);
    await create(t, 'tip', { text: 'Another stage', stages: ['negotiation'] }, ana);
    await create(t, 'tip', { text: 'Another product', productIds: [printer.id] }, ana);
    const otherPinned = await create(t, 'tip', { text: 'Pinned for another stage', stages: ['qualification'] }, ana);
    const pinnedForStage = await create(t, 'tip', { text: 'Pinned for the stage', stages: ['proposal'] }, ana);
    await upvote(forStage.id, voters.slice(0, 1));
    await upvote(forProduct.id, voters);
    for (const tip of [general, otherPinned, pinnedForStage]) expect((await t.call('pin-tip', { token: manager, params: { id: tip.id }, body: { pinned: true } })).status).toBe(200);

    const top = await t.call('deal-tips', { token: rui, params: { id: deal.id } });
    expect(top.status).toBe(200);
    // The latest pin first; a pinned tip for another stage is not for this deal.
    expect(texts(top.body.items.map((item: { tip: Tip }) => item.tip))).toEqual([
      'Pinned for the stage',
      'Pinned for everyone: name the next step',
      'Product, three votes',
      'Stage, one vote',
      'Industry, no votes, newer',
    ]);
    expect(top.body.items.map((item: { matches: string[] }) => item.matches)).toEqual([['stage'], [], ['product'], ['stage'], ['industry']]);
    expect(top.body.context).toEqual({ stage: 'proposal', productIds: [seats.id], industry: 'Retail' });
    expect(top.body.capped).toBe(false);
    expect(top.body.items[4].tip.id).toBe(newer.id);

    const more = await t.call('deal-tips', { token: rui, params: { id: deal.id }, query: { limit: '10' } });
    expect(texts(more.body.items.map((item: { tip: Tip }) => item.tip)).slice(5)).toEqual(['Industry, no votes, older']);

    // The deal moves on: its tips follow its stage.
    const moved = await t.call('update-deal', { token: ana, params: { id: deal.id }, headers: { 'if-match': `"${deal.version}"` }, body: { stage: 'negotiation' } });
    expect(moved.status).toBe(200);
    const after = await t.call('deal-tips', { token: ana, params: { id: deal.id } });
    expect(texts(after.body.items.map((item: { tip: Tip }) => item.tip))).toEqual([
      'Pinned for everyone: name the next step',
      'Product, three votes',
      'Another stage',
      'Industry, no votes, newer',
      'Industry, no votes, older',
    ]);
  });

  it('takes a product in another currency for the same product: a tip about it shows on the deal, and the board filter finds it', async () => {
    const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    const dollars = await create(t, 'product', { name: 'Sales seat', unitPrice: 30, currency: 'USD' }, admin);
    const euros = await create(t, 'product', { name: 'Sales seat', unitPrice: 28, currency: 'EUR' }, admin);
    const other = await create(t, 'product', { name: 'Training day', unitPrice: 900, currency: 'EUR' }, admin);
    await create(t, 'tip', { text: 'Seats sell by the team, not by the head', productIds: [dollars.id] }, rui);
    await create(t, 'tip', { text: 'Book the training before the go-live', productIds: [other.id] }, rui);
    const deal = await create(t, 'deal', { name: 'Seats in euros', stage: 'qualification', currency: 'EUR', lineItems: [{ productId: euros.id, quantity: 5 }] }, ana);
    const top = await t.call('deal-tips', { token: ana, params: { id: deal.id } });
    expect(top.body.items.map((item: { tip: Tip; matches: string[] }) => [item.tip.text, item.matches])).toEqual([['Seats sell by the team, not by the head', ['product']]]);
    expect(top.body.context.productIds).toEqual([euros.id]);
    const board = await t.call('tips-board', { token: ana, query: { productId: euros.id } });
    expect(texts(board.body.items)).toEqual(['Seats sell by the team, not by the head']);
  });

  it('answers 404 for a deal that does not exist or is another tenant\'s, and never shows another tenant\'s tips', async () => {
    const deal = await create(t, 'deal', { name: 'Seats', stage: 'proposal', currency: 'EUR' }, ana);
    await create(t, 'tip', { text: 'Ours', stages: ['proposal'] }, ana);
    const stranger = await t.token('tenant-b', 'bo', ['rep']);
    await create(t, 'tip', { text: 'Theirs', stages: ['proposal'] }, stranger);
    expect((await t.call('deal-tips', { token: ana, params: { id: 'no-such-deal' } })).status).toBe(404);
    expect((await t.call('deal-tips', { token: stranger, params: { id: deal.id } })).status).toBe(404);
    const ours = await t.call('deal-tips', { token: rui, params: { id: deal.id } });
    expect(texts(ours.body.items.map((item: { tip: Tip }) => item.tip))).toEqual(['Ours']);
    const board = await t.call('tips-board', { token: stranger });
    expect(texts(board.body.items)).toEqual(['Theirs']);
  });

  it('lets only the author change a tip\'s words: a manager is refused with TIP.AUTHOR_ONLY and the tip stays as written', async () => {
    const tip = await create(t, 'tip', { text: 'Call before ten', stages: ['proposal'] }, ana);
    const edit = (token: string, version: number, body: object) => t.call('update-tip', { token, params: { id: tip.id }, headers: { 'if-match': `"${version}"` }, body });
    const byManager = await edit(manager, tip.version, { text: 'Call after lunch' });
    expect(byManager.status).toBe(403);
    expect(byManager.body.error.code).toBe('TIP.AUTHOR_ONLY');
    expect(byManager.body.error.message).toBe('Only the author of this tip can change it. A manager or an admin can remove it.');
    const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    expect((await edit(admin, tip.version, { industries: ['Retail'] })).body.error.code).toBe('TIP.AUTHOR_ONLY');
    expect((await edit(rui, tip.version, { text: 'Mine' })).body.error.code).toBe('AUTH.NOT_RECORD_OWNER');
    expect((await t.call('get-tip', { token: rui, params: { id: tip.id } })).body).toEqual(tip);

    const byAuthor = await edit(ana, tip.version, { text: 'Call before ten, never on Mondays', stages: ['proposal', 'negotiation'], objections: ['No time'] });
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body).toMatchObject({ text: 'Call before ten, never on Mondays', stages: ['proposal', 'negotiation'], objections: ['No time'], version: 2 });
  });

  it("lets a manager remove anyone's tip and a rep only their own, and the author restore theirs", async () => {
    const anas = await create(t, 'tip', { text: 'Mine to remove' }, ana);
    const ruis = await create(t, 'tip', { text: 'Off topic' }, rui);
    const remove = (token: string, tip: Tip) => t.call('delete-tip', { token, params: { id: tip.id }, headers: { 'if-match': `"${tip.version}"` } });
    const byColleague = await remove(ana, ruis);
    expect(byColleague.status).toBe(403);
    expect(byColleague.body.error.code).toBe('AUTH.NOT_RECORD_OWNER');
    expect((await remove(manager, ruis)).status).toBe(204);
    expect((await remove(ana, anas)).status).toBe(204);
    expect(texts((await t.call('tips-board', { token: rui })).body.items)).toEqual([]);
    const restored = await t.call('restore-tip', { token: ana, params: { id: anas.id }, headers: { 'if-match': `"${anas.version + 1}"` } });
    expect(restored.status).toBe(200);
    expect(texts((await t.call('tips-board', { token: rui })).body.items)).toEqual(['Mine to remove']);
  });

  it('keeps the board filtered by stage, product, industry or objection, pinned first, then the newest or the most upvoted, with its tags', async () => {
    const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    const seats = await create(t, 'product', { name: 'Sales seat', unitPrice: 30, currency: 'EUR' }, admin);
    const voters = await Promise.all(['v1', 'v2'].map((id) => t.token(TENANT_A, id, ['rep'])));
    const old = await create(t, 'tip', { text: 'Old, two votes', stages: ['proposal'], objections: ['Too expensive'], industries: ['Retail'] }, ana);
    const pinned = await create(t, 'tip', { text: 'Pinned, old', stages: ['negotiation'], objections: ['too expensive'] }, rui);
    const middle = await create(t, 'tip', { text: 'Middle, one vote', stages: ['proposal'], productIds: [seats.id], industries: ['Manufacturing'] }, rui);
    await create(t, 'tip', { text: 'Newest, no votes', objections: ['We already have a supplier'] }, ana);
    await upvote(old.id, voters);
    await upvote(middle.id, voters.slice(0, 1));
    await t.call('pin-tip', { token: manager, params: { id: pinned.id }, body: { pinned: true } });
    const board = async (query: Record<string, string>) => {
      const answer = await t.call('tips-board', { token: rui, query });
      expect(answer.status).toBe(200);
      return answer.body;
    };

    const newest = await board({});
    expect(texts(newest.items)).toEqual(['Pinned, old', 'Newest, no votes', 'Middle, one vote', 'Old, two votes']);
    expect(newest).toMatchObject({ total: 4, capped: false, tags: { industries: ['Manufacturing', 'Retail'], objections: ['too expensive', 'We already have a supplier'] } });
    expect(texts((await board({ order: 'upvotes' })).items)).toEqual(['Pinned, old', 'Old, two votes', 'Middle, one vote', 'Newest, no votes']);
    expect(texts((await board({ stage: 'proposal', order: 'upvotes' })).items)).toEqual(['Old, two votes', 'Middle, one vote']);
    expect(texts((await board({ productId: seats.id })).items)).toEqual(['Middle, one vote']);
    expect(texts((await board({ industry: 'retail' })).items)).toEqual(['Old, two votes']);
    // The objection whatever its case, as it was typed by different reps.
    expect(texts((await board({ objection: 'TOO EXPENSIVE' })).items)).toEqual(['Pinned, old', 'Old, two votes']);
    expect(texts((await board({ stage: 'proposal', industry: 'Manufacturing' })).items)).toEqual(['Middle, one vote']);
    const limited = await board({ limit: '2' });
    expect(limited).toMatchObject({ total: 4 });
    expect(texts(limited.items)).toEqual(['Pinned, old', 'Newest, no votes']);
    expect((await t.call('tips-board', { token: rui, query: { order: 'loudest' } })).status).toBe(400);
  });

  it(`ranks the tenant's newest ${TIPS_READ_CAP} tips and says so when there are more`, async () => {
    const writer = new RecordWriter({ store: t.app.store, now: () => new Date('2026-01-01T00:00:00Z') });
    const at = (n: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + n * 60_000).toISOString();
    const tips = Array.from({ length: TIPS_READ_CAP + 1 }, (_, n): Tip => ({
      tenantId: TENANT_A,
      id: `bulk-${String(n).padStart(4, '0')}`,
      createdAt: at(n),
      createdBy: 'ana',
      updatedAt: at(n),
      updatedBy: 'ana',
      ownerId: 'ana',
      version: 1,
      text: `Tip number ${n}`,
      stages: ['proposal'],
      productIds: [],
      industries: [],
      objections: [],
      // The oldest has every vote: beyond the cap, it is not ranked.
      upvotedBy: n === 0 ? ['v1', 'v2', 'v3'] : [],
    }));
    await writer.addMany('tip', tips);
    const board = await t.call('tips-board', { token: rui, query: { order: 'upvotes', limit: '3' } });
    expect(board.body).toMatchObject({ total: TIPS_READ_CAP, capped: true });
    expect(texts(board.body.items)).toEqual([`Tip number ${TIPS_READ_CAP}`, `Tip number ${TIPS_READ_CAP - 1}`, `Tip number ${TIPS_READ_CAP - 2}`]);
    const deal = await create(t, 'deal', { name: 'Seats', stage: 'proposal', currency: 'EUR' }, ana);
    const top = await t.call('deal-tips', { token: rui, params: { id: deal.id }, query: { limit: '1' } });
    expect(top.body.capped).toBe(true);
    expect(top.body.items[0].tip.text).toBe(`Tip number ${TIPS_READ_CAP}`);
  });
});
