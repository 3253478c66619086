import {
  ContactInputSchema,
  ContactPatchSchema,
  DealInputSchema,
  applyStage,
  defaultPipeline,
  lineItemsTotal,
  weightedAmount,
} from '@rapport/shared';

describe('entity schemas', () => {
  it('rejects unknown fields', () => {
    const result = ContactInputSchema.safeParse({ lastName: 'Doe', tenantId: 'someone-else' });
    expect(result.success).toBe(false);
  });

  it('requires a last name and refuses a malformed e-mail, naming the field', () => {
    const result = ContactInputSchema.safeParse({ emails: ['not-an-email'] });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['lastName', 'emails.0']));
  });

  it('fills defaults on create', () => {
    expect(ContactInputSchema.parse({ lastName: 'Doe' })).toEqual({ lastName: 'Doe', emails: [], phones: [], status: 'prospect' });
  });

  it('keeps a patch to the fields it names: no defaults, null clears an optional field', () => {
    expect(ContactPatchSchema.parse({})).toEqual({});
    expect(ContactPatchSchema.parse({ title: null })).toEqual({ title: null });
    expect(ContactPatchSchema.safeParse({ lastName: null }).success).toBe(false);
  });

  it('refuses money with more than four decimals (the most a currency has) and negative amounts', () => {
    // Each deal also keeps to its own currency's decimals (tests/functions/products.test.ts).
    expect(DealInputSchema.safeParse({ name: 'x', stage: 'proposal', amount: 10.00005 }).success).toBe(false);
    expect(DealInputSchema.safeParse({ name: 'x', stage: 'proposal', amount: 1.234, currency: 'KWD' }).success).toBe(true);
    expect(DealInputSchema.safeParse({ name: 'x', stage: 'proposal', amount: -1 }).success).toBe(false);
    expect(DealInputSchema.safeParse({ name: 'x', stage: 'proposal', amount: 1999.99 }).success).toBe(true);
  });
});

describe('deal rules', () => {
  const now = '2026-11-23T10:00:00.000Z';

  it("takes a new deal's probability from its stage", () => {
    expect(applyStage(defaultPipeline, { stage: 'proposal' }, undefined, now)).toEqual({ status: 'open', probability: 50, closedAt: undefined });
  });

  it('keeps a hand-set probability, and resets it when the stage changes', () => {
    const previous = { stage: 'proposal', status: 'open' as const, probability: 60, closedAt: undefined };
    expect(applyStage(defaultPipeline, { stage: 'proposal' }, previous, now)?.probability).toBe(60);
    expect(applyStage(defaultPipeline, { stage: 'negotiation' }, previous, now)?.probability).toBe(75);
    expect(applyStage(defaultPipeline, { stage: 'negotiation', requestedProbability: 80 }, previous, now)?.probability).toBe(80);
  });

  it('closes won at 100% and keeps the first close time', () => {
    const won = applyStage(defaultPipeline, { stage: 'won' }, undefined, now);
    expect(won).toEqual({ status: 'won', probability: 100, closedAt: now });
    const later = applyStage(defaultPipeline, { stage: 'won' }, { stage: 'won', status: 'won', probability: 100, closedAt: now }, '2026-12-01T00:00:00.000Z');
    expect(later?.closedAt).toBe(now);
  });

  it('clears the close time when a lost deal is reopened', () => {
    const reopened = applyStage(defaultPipeline, { stage: 'qualification' }, { stage: 'lost', status: 'lost', probability: 0, closedAt: now }, now);
    expect(reopened).toEqual({ status: 'open', probability: 25, closedAt: undefined });
  });

  it('refuses a stage that is not in the pipeline', () => {
    expect(applyStage(defaultPipeline, { stage: 'maybe' }, undefined, now)).toBeNull();
  });

  it("totals line items after discounts to the currency's minor unit", () => {
    expect(
      lineItemsTotal(
        [
          { quantity: 3, unitPrice: 19.99, discountPercent: 0 },
          { quantity: 1, unitPrice: 1000, discountPercent: 12.5 },
        ],
        'EUR',
      ),
    ).toBe(934.97);
    // 3 × 1,001 yen less 10 % is 2,702.7: whole yen, 2,703. A line of 1.234 dinar keeps its fils.
    expect(lineItemsTotal([{ quantity: 3, unitPrice: 1001, discountPercent: 10 }], 'JPY')).toBe(2703);
    expect(lineItemsTotal([{ quantity: 1, unitPrice: 1.234, discountPercent: 0 }], 'KWD')).toBe(1.234);
  });

  it('weights an amount by probability to the cent', () => {
    expect(weightedAmount({ amount: 1234.56, probability: 25 })).toBe(308.64);
    expect(weightedAmount({ probability: 50 })).toBe(0);
  });
});
