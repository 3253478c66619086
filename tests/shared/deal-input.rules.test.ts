import { DealInputSchema, DealPatchSchema } from '@rapport/shared';
import { amountProblem, isCalendarDate, subjectWithoutPrefixes, suggestedDealName, textProblem, NEXT_STEP_MAX } from '@rapport/shared/deals/deal-input.rules';
import { fitsCurrency } from '@rapport/shared/money/money.rules';

describe("a new deal's name, suggested from the e-mail", () => {
  it.each([
    ['Renewal 2027', 'Renewal 2027'],
    ['Re: Renewal 2027', 'Renewal 2027'],
    ['RE: Fwd: AW: RV: Renewal 2027', 'Renewal 2027'],
    ['Re[2]: FW: Renewal 2027', 'Renewal 2027'],
    ['R: I: Rinnovo 2027', 'Rinnovo 2027'],
    ['  WG:  Verlängerung ', 'Verlängerung'],
    // Words that merely start like a prefix stay.
    ['Review: pricing', 'Review: pricing'],
    ['Fwding costs', 'Fwding costs'],
  ])('reads %j as %j', (subject, expected) => {
    expect(subjectWithoutPrefixes(subject)).toBe(expected);
  });

  it('joins the company and the subject, or takes whichever there is, within a name’s length', () => {
    expect(suggestedDealName('Contoso', 'Re: Renewal 2027')).toBe('Contoso – Renewal 2027');
    expect(suggestedDealName(null, 'Fwd: Renewal 2027')).toBe('Renewal 2027');
    expect(suggestedDealName('Contoso', 'Re: ')).toBe('Contoso');
    expect(suggestedDealName('Contoso', 'x'.repeat(400))).toHaveLength(200);
    // A subject that names the company already (a reply about an earlier deal) is not prefixed twice.
    expect(suggestedDealName('Contoso', 'Re: Contoso – Expansion')).toBe('Contoso – Expansion');
    expect(suggestedDealName('Contoso', 'Pricing for contoso')).toBe('Pricing for contoso');
  });
});

describe('the checks the pane makes before sending a deal, which the API makes too', () => {
  const input = (fields: Record<string, unknown>) => DealInputSchema.safeParse({ name: 'Deal', stage: 'proposal', ...fields }).success;

  it.each([
    [25000, 'EUR'],
    [25000.5, 'EUR'],
    [25000.125, 'EUR'],
    [25000.5, 'JPY'],
    [1.234, 'KWD'],
    [-1, 'EUR'],
    [1e11, 'USD'],
    [1e11 + 1, 'USD'],
    [0, 'USD'],
  ])('agrees with the API on %p %s', (amount, currency) => {
    const pane = amountProblem(amount, currency) === null;
    // The schema checks range and four decimals; the API's deal rules then hold the amount to its currency.
    const api = input({ amount, currency }) && fitsCurrency(amount, currency);
    expect(pane).toBe(api);
  });

  it('names what is wrong with an amount', () => {
    expect(amountProblem(Number.NaN, 'EUR')).toBe('notANumber');
    expect(amountProblem(-0.01, 'EUR')).toBe('negative');
    expect(amountProblem(2e11, 'EUR')).toBe('tooLarge');
    expect(amountProblem(0.5, 'JPY')).toBe('decimals');
  });

  it('takes a next step of up to 300 characters, as the API does, and clears it with null in a patch', () => {
    const step = 'y'.repeat(NEXT_STEP_MAX);
    expect(textProblem(step, NEXT_STEP_MAX, false)).toBeNull();
    expect(input({ nextStep: step })).toBe(true);
    expect(textProblem(`${step}y`, NEXT_STEP_MAX, false)).toBe('tooLong');
    expect(input({ nextStep: `${step}y` })).toBe(false);
    expect(textProblem('   ', NEXT_STEP_MAX, false)).toBeNull();
    expect(DealPatchSchema.safeParse({ nextStep: null }).success).toBe(true);
    expect(DealPatchSchema.safeParse({ nextStep: 'Call back' }).success).toBe(true);
  });

  it('wants a name of up to 200 characters', () => {
    expect(textProblem(' ', 200, true)).toBe('required');
    expect(input({ name: ' ' })).toBe(false);
    expect(textProblem('z'.repeat(201), 200, true)).toBe('tooLong');
    expect(input({ name: 'z'.repeat(201) })).toBe(false);
  });

  it('takes calendar days that exist', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(input({ expectedCloseDate: '2027-02-28' })).toBe(true);
    expect(isCalendarDate('2027-02-30')).toBe(false);
    expect(input({ expectedCloseDate: '2027-02-30' })).toBe(false);
    expect(isCalendarDate('28/02/2027')).toBe(false);
  });
});
