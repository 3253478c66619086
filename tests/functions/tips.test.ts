import { createTestApp, create, TENANT_A, type TestApp, testStores } from './test-app';

// The tips board's API: a small kind, defined once (shared/src/tips), with its own rules in functions/src/kinds/tip.hooks.ts.
describe.each(testStores)('the tips board on %s', (store) => {
  let t: TestApp;
  let ana: string;
  let rui: string;
  let manager: string;
  beforeEach(async () => {
    t = await createTestApp({ store });
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
});
