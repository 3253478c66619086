import type { DealFieldProblem } from '@rapport/shared/deals/deal-input.rules';
import { minorDigits } from '@rapport/shared/money/currency-digits';
import type { MessageKey, Translator } from '../i18n/i18n';

/** What a deal's field needs, in the user's words, for a problem the contract's rules found (undefined when none). */
export function dealProblemText({ t, locale }: Pick<Translator, 't' | 'locale'>, problem: DealFieldProblem | null, currency: string): string | undefined {
  if (!problem) return undefined;
  const texts: Record<DealFieldProblem, [MessageKey, Record<string, string | number>?]> = {
    required: ['error.field.required'],
    tooLong: ['error.field.tooLong'],
    notANumber: ['newDeal.problem.notANumber', { example: new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(25000) }],
    negative: ['newDeal.problem.negative'],
    tooLarge: ['newDeal.problem.tooLarge'],
    decimals: ['newDeal.problem.decimals', { currency, digits: minorDigits(currency) }],
    date: ['newDeal.problem.date'],
  };
  const [key, params] = texts[problem];
  return t(key, params);
}
