import { useState } from 'react';
import type { Contract } from '@rapport/shared';
import { termEndDate } from '@rapport/shared/contracts/contract.rules';
import { isCalendarDate } from '@rapport/shared/deals/deal-input.rules';
import { localDate } from '../../data/today';
import { useCreateRecord } from '../../data/writes';
import { useTenantCurrencies } from '../../hooks/useTenantCurrencies';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import type { TermsDraft } from './contract-terms-draft';
import { FIRST_TERM_MONTHS, newContractDraft, newContractFieldOf, newContractInput, type NewContractDraft, type NewContractField, type NewContractProblems } from './new-contract-draft';

/**
 * The state of the new-contract form: the draft (from today for a year, the end following the start until the user
 * picks an end), what each field needs, checked when saving, the API's field errors on the same fields, and creating
 * with one idempotency key through retries.
 */
export function useNewContractForm(companyId: string, onCreated: (contract: Contract) => void) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { fallback } = useTenantCurrencies();
  const create = useCreateRecord('contract');
  // The user's own calendar day, as their date inputs show it.
  const [draft, setDraft] = useState<NewContractDraft>(() => newContractDraft(localDate(new Date())));
  const [endChosen, setEndChosen] = useState(false);
  const [problems, setProblems] = useState<NewContractProblems>({});

  // A change drops what was said about the fields it changes (checked again on the next save) and the API's refusal.
  const change = (patch: Partial<NewContractDraft>, fields: NewContractField[]) => {
    create.reset();
    setDraft((current) => ({ ...current, ...patch }));
    setProblems((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fields.includes(field as NewContractField))));
  };
  const set = {
    name: (name: string) => change({ name }, ['name']),
    notes: (notes: string) => change({ notes }, ['notes']),
    // A year from the new start, unless the user chose the end.
    startDate: (startDate: string) => change({ startDate, ...(!endChosen && isCalendarDate(startDate) ? { endDate: termEndDate(startDate, FIRST_TERM_MONTHS) } : {}) }, ['startDate', 'endDate']),
    endDate: (endDate: string) => {
      setEndChosen(true);
      change({ endDate }, ['startDate', 'endDate']);
    },
    terms: (patch: Partial<TermsDraft>) => change({ terms: { ...draft.terms, ...patch } }, Object.keys(patch) as NewContractField[]),
  };

  // What the API refused, at the field it names; what it names no field of is said above the buttons.
  const refused = create.error ? errorText(create.error).fields : {};
  const message = (field: NewContractField): string | undefined => {
    const problem = problems[field];
    if (problem) return t(problem);
    return Object.entries(refused).find(([path]) => newContractFieldOf(path) === field)?.[1];
  };

  const save = () => {
    if (create.isPending) return;
    const checked = newContractInput(draft, companyId, { locale, currency: fallback });
    if ('problems' in checked) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    create.mutate({ input: checked.input }, { onSuccess: onCreated });
  };

  return {
    draft,
    set,
    message,
    termsMessages: {
      covered: message('covered'),
      levelName: message('levelName'),
      responseHours: message('responseHours'),
      resolutionHours: message('resolutionHours'),
      noticeDays: message('noticeDays'),
      termMonths: message('termMonths'),
      amount: message('amount'),
      currency: message('currency'),
    },
    create: { pending: create.isPending, error: create.error },
    save,
  };
}
