import type { ContractInput } from '@rapport/shared';
import { termEndDate } from '@rapport/shared/contracts/contract.rules';
import { isCalendarDate } from '@rapport/shared/deals/deal-input.rules';
import type { MessageKey } from '../../i18n/i18n';
import { newTermsDraft, termsFieldOf, termsOf, type TermsDraft, type TermsField } from './contract-terms-draft';

// A new service contract as its form holds it, checked as the API checks it, and as the API takes it.

/** A new contract runs a year unless the user says otherwise. */
export const FIRST_TERM_MONTHS = 12;

export type NewContractDraft = { name: string; startDate: string; endDate: string; notes: string; terms: TermsDraft };
export type NewContractField = 'name' | 'startDate' | 'endDate' | 'notes' | TermsField;
export type NewContractProblems = Partial<Record<NewContractField, MessageKey>>;

/** The days a new contract runs unless the user changes them: from `today` for a year, the day before a year on its last. */
export function defaultContractDates(today: string): { startDate: string; endDate: string } {
  return { startDate: today, endDate: termEndDate(today, FIRST_TERM_MONTHS) };
}

/** An empty contract starting `today`: no name yet, the dates for a year, and the terms the API defaults to. */
export function newContractDraft(today: string): NewContractDraft {
  return { name: '', ...defaultContractDates(today), notes: '', terms: newTermsDraft };
}

/**
 * The contract a draft makes with the company, or what keeps it from being sent. `currency` is the one the form shows
 * until the user picks another (the tenant's reporting currency).
 */
export function newContractInput(draft: NewContractDraft, companyId: string, options: { locale: string; currency: string }): { input: ContractInput } | { problems: NewContractProblems } {
  const checked = termsOf(draft.terms, options);
  const problems: NewContractProblems = 'problems' in checked ? { ...checked.problems } : {};
  const name = draft.name.trim();
  if (name === '') problems.name = 'newContract.problem.name';
  if (!isCalendarDate(draft.startDate)) problems.startDate = 'newContract.problem.date';
  if (!isCalendarDate(draft.endDate)) problems.endDate = 'newContract.problem.date';
  else if (isCalendarDate(draft.startDate) && draft.endDate < draft.startDate) problems.endDate = 'newContract.problem.endBeforeStart';
  if ('problems' in checked || Object.keys(problems).length > 0) return { problems };
  const { covered, serviceLevel, renewal, value } = checked.terms;
  const notes = draft.notes.trim();
  return {
    input: {
      companyId,
      name,
      startDate: draft.startDate,
      endDate: draft.endDate,
      covered,
      renewal,
      // None promised and no value: left out, as the API has them unset.
      ...(serviceLevel ? { serviceLevel } : {}),
      ...(value ? { value } : {}),
      ...(notes ? { notes } : {}),
    },
  };
}

/** The field of the form an API error's path names (`endDate`, `value.amount`, `covered.0.name`), if it is one. */
export function newContractFieldOf(path: string): NewContractField | undefined {
  const [top] = path.split('.');
  if (top === 'name' || top === 'startDate' || top === 'endDate' || top === 'notes') return top;
  return termsFieldOf(path);
}
