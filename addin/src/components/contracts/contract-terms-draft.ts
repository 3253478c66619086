import type { Contract, ContractPeriod } from '@rapport/shared';
import { CONTRACT_NOTICE_DAYS_MAX, CONTRACT_TERM_MONTHS_MAX, DEFAULT_CONTRACT_NOTICE_DAYS, DEFAULT_CONTRACT_TERM_MONTHS } from '@rapport/shared/contracts/contract.rules';
import type { MessageKey } from '../../i18n/i18n';
import { parseAmount } from '../../i18n/parse-amount';

// A contract's coverage and terms as a form holds them (texts as typed), and as the API takes them. The terms form of a
// contract's record view and the new-contract form share them (ContractTermsFields.tsx draws them).

export type CoveredItemDraft = { productId: string; name: string };

export type TermsDraft = {
  covered: CoveredItemDraft[];
  levelName: string;
  responseHours: string;
  resolutionHours: string;
  autoRenew: boolean;
  noticeDays: string;
  termMonths: string;
  amount: string;
  /** '': the tenant's reporting currency, as the form offers it first. */
  currency: string;
  period: ContractPeriod;
};

/** The fields of the terms that can be wrong, each said at its own control. */
export type TermsField = 'covered' | 'levelName' | 'responseHours' | 'resolutionHours' | 'noticeDays' | 'termMonths' | 'amount' | 'currency';
export type TermsProblems = Partial<Record<TermsField, MessageKey>>;

/** The terms as the API takes them; null: none (no service level promised, no value set). */
export type ContractTerms = {
  covered: { productId?: string; name: string }[];
  serviceLevel: { name: string; responseHours: number; resolutionHours?: number } | null;
  renewal: { autoRenew: boolean; noticeDays: number; termMonths: number };
  value: { amount: number; currency: string; period: ContractPeriod } | null;
};

/** A new contract's terms: nothing covered or promised yet, no value, and the renewal terms the API defaults to. */
export const newTermsDraft: TermsDraft = {
  covered: [],
  levelName: '',
  responseHours: '',
  resolutionHours: '',
  autoRenew: false,
  noticeDays: String(DEFAULT_CONTRACT_NOTICE_DAYS),
  termMonths: String(DEFAULT_CONTRACT_TERM_MONTHS),
  amount: '',
  currency: '',
  period: 'month',
};

/** A contract's terms as the form shows them, numbers in the user's own way of writing them. */
export function termsDraftOf(contract: Contract, locale: string): TermsDraft {
  const number = (value: number | undefined) => (value === undefined ? '' : new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 4 }).format(value));
  return {
    covered: contract.covered.map((item) => ({ productId: item.productId ?? '', name: item.name })),
    levelName: contract.serviceLevel?.name ?? '',
    responseHours: number(contract.serviceLevel?.responseHours),
    resolutionHours: number(contract.serviceLevel?.resolutionHours),
    autoRenew: contract.renewal.autoRenew,
    noticeDays: String(contract.renewal.noticeDays),
    termMonths: String(contract.renewal.termMonths),
    amount: number(contract.value?.amount),
    currency: contract.value?.currency ?? '',
    period: contract.value?.period ?? 'month',
  };
}

/**
 * The terms a draft says, or what keeps them from being sent (checked as the API checks them). `currency` stands for
 * the draft's when it has none: the one the form shows first.
 */
export function termsOf(draft: TermsDraft, { locale, currency: usual }: { locale: string; currency: string }): { terms: ContractTerms } | { problems: TermsProblems } {
  const problems: TermsProblems = {};
  const hours = (text: string) => {
    const value = parseAmount(text, locale);
    return value === null ? null : Number.isFinite(value) && value > 0 && Number.isInteger(value * 4) ? value : Number.NaN;
  };
  const whole = (text: string, min: number, max: number) => {
    const value = parseAmount(text, locale);
    return value !== null && Number.isInteger(value) && value >= min && value <= max ? value : null;
  };
  const covered = draft.covered.map((item) => ({ ...(item.productId ? { productId: item.productId } : {}), name: item.name.trim() }));
  if (covered.some((item) => item.name === '')) problems.covered = 'contract.problem.itemName';
  const response = hours(draft.responseHours);
  const resolution = hours(draft.resolutionHours);
  if (Number.isNaN(response)) problems.responseHours = 'contract.problem.hours';
  if (Number.isNaN(resolution)) problems.resolutionHours = 'contract.problem.hours';
  const levelName = draft.levelName.trim();
  if (levelName === '' && (response !== null || resolution !== null)) problems.levelName = 'contract.problem.levelName';
  if (levelName !== '' && response === null) problems.responseHours = 'contract.problem.hours';
  const noticeDays = whole(draft.noticeDays, 0, CONTRACT_NOTICE_DAYS_MAX);
  const termMonths = whole(draft.termMonths, 1, CONTRACT_TERM_MONTHS_MAX);
  if (noticeDays === null) problems.noticeDays = 'contract.problem.days';
  if (termMonths === null) problems.termMonths = 'contract.problem.months';
  const amount = parseAmount(draft.amount, locale);
  const currency = (draft.currency || usual).trim().toUpperCase();
  if (amount !== null && (!Number.isFinite(amount) || amount < 0)) problems.amount = 'contract.problem.amount';
  if (amount !== null && !/^[A-Z]{3}$/.test(currency)) problems.currency = 'contract.problem.amount';
  // (The days and months are among the problems when unset; said again for the types.)
  if (Object.keys(problems).length > 0 || noticeDays === null || termMonths === null) return { problems };
  return {
    terms: {
      covered,
      serviceLevel: levelName === '' || response === null ? null : { name: levelName, responseHours: response, ...(resolution !== null ? { resolutionHours: resolution } : {}) },
      renewal: { autoRenew: draft.autoRenew, noticeDays, termMonths },
      value: amount === null ? null : { amount, currency, period: draft.period },
    },
  };
}

/** The field of the terms an API error's path names (`serviceLevel.responseHours`, `covered.2.name`), if it is one. */
export function termsFieldOf(path: string): TermsField | undefined {
  const [top, next] = path.split('.');
  if (top === 'covered') return 'covered';
  if (top === 'serviceLevel') return next === 'responseHours' || next === 'resolutionHours' ? next : 'levelName';
  if (top === 'renewal') return next === 'termMonths' ? 'termMonths' : 'noticeDays';
  if (top === 'value') return next === 'currency' ? 'currency' : 'amount';
  return undefined;
}
