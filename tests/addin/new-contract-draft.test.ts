import { newTermsDraft } from '../../addin/src/components/contracts/contract-terms-draft';
import { defaultContractDates, newContractDraft, newContractFieldOf, newContractInput } from '../../addin/src/components/contracts/new-contract-draft';

const options = { locale: 'en-US', currency: 'EUR' };

describe("a new contract's draft", () => {
  it('runs from today for a year, its last day the day before the same day a year on', () => {
    expect(defaultContractDates('2026-11-20')).toEqual({ startDate: '2026-11-20', endDate: '2027-11-19' });
    expect(defaultContractDates('2027-01-01')).toEqual({ startDate: '2027-01-01', endDate: '2027-12-31' });
    expect(defaultContractDates('2028-02-29')).toEqual({ startDate: '2028-02-29', endDate: '2029-02-28' });
  });

  it("starts with the schema's renewal terms, nothing covered, promised or valued", () => {
    expect(newContractDraft('2026-11-20')).toEqual({ name: '', startDate: '2026-11-20', endDate: '2027-11-19', notes: '', terms: newTermsDraft });
    expect(newTermsDraft).toMatchObject({ covered: [], levelName: '', amount: '', autoRenew: false, noticeDays: '30', termMonths: '12' });
  });

  it('sends only what was given: a name, the days and the renewal terms, in the reporting currency when a value is typed', () => {
    const draft = { ...newContractDraft('2026-11-20'), name: '  Premium support  ' };
    expect(newContractInput(draft, 'co1', options)).toEqual({
      input: { companyId: 'co1', name: 'Premium support', startDate: '2026-11-20', endDate: '2027-11-19', covered: [], renewal: { autoRenew: false, noticeDays: 30, termMonths: 12 } },
    });
    const full = {
      ...draft,
      notes: ' Call first ',
      terms: { ...draft.terms, covered: [{ productId: 'p1', name: 'Hotline' }, { productId: '', name: 'Visits' }], levelName: 'Gold', responseHours: '4', resolutionHours: '24,5', amount: '1.200,50', period: 'year' as const },
    };
    expect(newContractInput(full, 'co1', { locale: 'es-ES', currency: 'EUR' })).toEqual({
      input: {
        companyId: 'co1',
        name: 'Premium support',
        startDate: '2026-11-20',
        endDate: '2027-11-19',
        covered: [{ productId: 'p1', name: 'Hotline' }, { name: 'Visits' }],
        renewal: { autoRenew: false, noticeDays: 30, termMonths: 12 },
        serviceLevel: { name: 'Gold', responseHours: 4, resolutionHours: 24.5 },
        value: { amount: 1200.5, currency: 'EUR', period: 'year' },
        notes: 'Call first',
      },
    });
  });

  it('says what keeps it from being sent, at each field, as the API would refuse it', () => {
    const draft = { ...newContractDraft('2026-11-20'), startDate: '2026-11-20', endDate: '2026-11-19', terms: { ...newTermsDraft, responseHours: '0.3', noticeDays: '400' } };
    expect(newContractInput(draft, 'co1', options)).toEqual({
      problems: {
        name: 'newContract.problem.name',
        endDate: 'newContract.problem.endBeforeStart',
        levelName: 'contract.problem.levelName',
        responseHours: 'contract.problem.hours',
        noticeDays: 'contract.problem.days',
      },
    });
    expect(newContractInput({ ...draft, name: 'X', startDate: '', endDate: '2026-02-30', terms: newTermsDraft }, 'co1', options)).toEqual({
      problems: { startDate: 'newContract.problem.date', endDate: 'newContract.problem.date' },
    });
  });

  it("finds the form's field an API error names", () => {
    expect(['name', 'endDate', 'notes', 'covered.2.name', 'serviceLevel', 'serviceLevel.resolutionHours', 'renewal.termMonths', 'value.amount', 'value.currency', 'ownerId'].map(newContractFieldOf)).toEqual([
      'name',
      'endDate',
      'notes',
      'covered',
      'levelName',
      'resolutionHours',
      'termMonths',
      'amount',
      'currency',
      undefined,
    ]);
  });
});
