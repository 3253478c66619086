import { parseAmount } from '../i18n/parse-amount';
import { useState } from 'react';
import type { Deal } from '@rapport/shared';
import { DEAL_NAME_MAX, NEXT_STEP_MAX, amountProblem, isCalendarDate, suggestedDealName, textProblem, type DealFieldProblem } from '@rapport/shared/deals/deal-input.rules';
import { isApiError } from '../api/api-error';
import { useOperation } from '../data/queries';
import { localDate } from '../data/today';
import { useCreateRecord } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { dealProblemText } from './deal-problem-text';

/** Whom a new deal is with, and the e-mail it starts from. */
export type NewDealTarget = {
  /** The contact on the card; none on a company-only card (someone new at a known company). */
  contactId?: string | undefined;
  companyId?: string | undefined;
  companyName?: string | null | undefined;
  /** The e-mail's subject: with the company, the name the deal is offered. */
  subject: string;
};

export type NewDealField = 'name' | 'amount' | 'currency' | 'expectedCloseDate' | 'stage' | 'nextStep';

/** How far ahead a new deal is expected to close unless the rep says otherwise. */
const CLOSE_IN_DAYS = 30;


/**
 * The state of the new-deal form: its fields (the name suggested from the company and the e-mail, the tenant's
 * currency, a close in 30 days, the pipeline's first open stage), what each field needs by the contract's rules before
 * anything is sent, the API's field errors on the same fields, and creating with one idempotency key through retries.
 */
export function useNewDealForm(target: NewDealTarget, onCreated: (deal: Deal) => void) {
  const translator = useI18n();
  const { locale } = translator;
  const errorText = useErrorText();
  // Read once for the pane and shared (the card's deals read the pipeline too).
  const pipeline = useOperation('pipeline', {});
  const settings = useOperation('settings', {});
  const create = useCreateRecord('deal');

  const [name, setName] = useState(() => suggestedDealName(target.companyName, target.subject));
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<string | null>(null);
  const [expectedCloseDate, setExpectedCloseDate] = useState(() => {
    // A calendar day in the user's own time zone, as their calendar shows it.
    const day = new Date();
    day.setDate(day.getDate() + CLOSE_IN_DAYS);
    return localDate(day);
  });
  const [stage, setStage] = useState<string | null>(null);
  const [nextStep, setNextStep] = useState('');
  // A field's problem shows once it was changed, or for every field once the rep tried to save.
  const [touched, setTouched] = useState<ReadonlySet<NewDealField>>(new Set());
  const [tried, setTried] = useState(false);

  const openStages = pipeline.data?.stages.filter((candidate) => candidate.kind === 'open') ?? [];
  const reporting = settings.data?.reportingCurrency;
  // The tenant's currencies: its reporting currency first, then those it has exchange rates for.
  const currencies = reporting ? [...new Set([reporting, ...(settings.data?.exchangeRates.map((rate) => rate.currency) ?? []).sort()])] : [];
  const chosenCurrency = currency ?? reporting ?? '';
  // A stage chosen before the pipeline changed (and no longer in it) gives way to the first open one.
  const chosenStage = (stage !== null && openStages.some((candidate) => candidate.id === stage) ? stage : openStages[0]?.id) ?? '';
  const typedAmount = parseAmount(amount, locale);

  const problemText = (problem: DealFieldProblem | null) => dealProblemText(translator, problem, chosenCurrency);
  const problems: Record<NewDealField, string | undefined> = {
    name: problemText(textProblem(name, DEAL_NAME_MAX, true)),
    amount: problemText(typedAmount === null ? null : amountProblem(typedAmount, chosenCurrency)),
    currency: undefined,
    expectedCloseDate: problemText(expectedCloseDate === '' || isCalendarDate(expectedCloseDate) ? null : 'date'),
    stage: undefined,
    nextStep: problemText(textProblem(nextStep, NEXT_STEP_MAX, false)),
  };
  const valid = Object.values(problems).every((problem) => problem === undefined) && chosenStage !== '' && chosenCurrency !== '';
  // The API's field errors (a 422's paths) land on the fields that sent them.
  const sent = create.error ? errorText(create.error).fields : {};
  const fieldMessage = (field: NewDealField) => ((tried || touched.has(field)) && problems[field]) || sent[field];

  const change = (field: NewDealField, set: (value: string) => void) => (value: string) => {
    set(value);
    setTouched((fields) => (fields.has(field) ? fields : new Set([...fields, field])));
  };

  const save = () => {
    setTried(true);
    if (!valid || create.isPending) return;
    create.mutate(
      {
        input: {
          name: name.trim(),
          stage: chosenStage,
          currency: chosenCurrency,
          ...(typedAmount !== null ? { amount: typedAmount } : {}),
          ...(expectedCloseDate ? { expectedCloseDate } : {}),
          ...(nextStep.trim() ? { nextStep: nextStep.trim() } : {}),
          contactIds: target.contactId ? [target.contactId] : [],
          ...(target.companyId ? { companyId: target.companyId } : {}),
        },
      },
      {
        onSuccess: onCreated,
        // An admin changed the pipeline since it was read: read it again, so the stages offered are the ones there are.
        onError: (error) => {
          if (isApiError(error) && error.code === 'DEAL.UNKNOWN_STAGE') void pipeline.refetch();
        },
      },
    );
  };

  return {
    fields: { name, amount, currency: chosenCurrency, expectedCloseDate, stage: chosenStage, nextStep },
    set: {
      name: change('name', setName),
      amount: change('amount', setAmount),
      currency: change('currency', setCurrency),
      expectedCloseDate: change('expectedCloseDate', setExpectedCloseDate),
      stage: change('stage', setStage),
      nextStep: change('nextStep', setNextStep),
    },
    fieldMessage,
    openStages,
    currencies,
    // The stages and currencies the form offers: until both are read, there is nothing to choose from.
    choices: {
      pending: pipeline.isPending || settings.isPending,
      error: pipeline.error ?? settings.error,
      retry: () => {
        if (pipeline.error) void pipeline.refetch();
        if (settings.error) void settings.refetch();
      },
      noStages: pipeline.data !== undefined && openStages.length === 0,
    },
    create: { pending: create.isPending, error: create.error },
    save,
  };
}
