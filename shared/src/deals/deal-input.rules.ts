// Plain data and functions, no schema: the task pane checks a new deal with these before sending, without loading zod,
// and DealInputSchema is built from the same limits, so the pane and the API refuse the same values.
import { AMOUNT_MAX, fitsCurrency } from '../money/money.rules';

/** The longest deal name. */
export const DEAL_NAME_MAX = 200;
/** The longest next step ("Send the revised quote by Friday"). */
export const NEXT_STEP_MAX = 300;

/** What is wrong with a field of a new deal, as the pane names it (the API's zod codes say the same). */
export type DealFieldProblem = 'required' | 'tooLong' | 'notANumber' | 'negative' | 'tooLarge' | 'decimals' | 'date';

/** A deal's name or next step as typed: null when it is fine (trimmed, within `max`), else what is wrong. */
export function textProblem(value: string, max: number, required: boolean): DealFieldProblem | null {
  const trimmed = value.trim();
  if (trimmed === '') return required ? 'required' : null;
  return trimmed.length > max ? 'tooLong' : null;
}

/** An amount as sent: at least zero, at most AMOUNT_MAX, and no more decimals than its currency has (no half yen). */
export function amountProblem(amount: number, currency: string): DealFieldProblem | null {
  if (!Number.isFinite(amount)) return 'notANumber';
  if (amount < 0) return 'negative';
  if (amount > AMOUNT_MAX) return 'tooLarge';
  return fitsCurrency(amount, currency) ? null : 'decimals';
}

/** A calendar day as the API takes it (YYYY-MM-DD, a day that exists). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

// "Re:", "Fwd:" and their forms in the languages Outlook speaks (AW/WG German, RV/RES Spanish, ENC Portuguese, R/I
// Italian, TR French, SV/VS Nordic), with a count ("Re[2]:") and repeated ("Re: Fwd: …").
const REPLY_PREFIX = /^\s*(?:re|fw|fwd|aw|wg|rv|res|enc|tr|sv|vs|r|i)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/i;

/** An e-mail's subject without its reply and forward prefixes. */
export function subjectWithoutPrefixes(subject: string): string {
  let rest = subject;
  for (let next = rest.replace(REPLY_PREFIX, ''); next !== rest; next = rest.replace(REPLY_PREFIX, '')) rest = next;
  return rest.trim();
}

/**
 * The name a deal started from an e-mail is offered: the company and what the e-mail is about ("Contoso – Renewal
 * 2027"), whichever of them there is (a subject that names the company already is taken as it is), cut to a name's
 * length.
 */
export function suggestedDealName(companyName: string | null | undefined, subject: string): string {
  const company = companyName?.trim() ?? '';
  const about = subjectWithoutPrefixes(subject);
  const named = company !== '' && about.toLocaleLowerCase().includes(company.toLocaleLowerCase());
  const parts = [named ? '' : company, about].filter((part) => part !== '');
  return parts.join(' – ').slice(0, DEAL_NAME_MAX).trim();
}
