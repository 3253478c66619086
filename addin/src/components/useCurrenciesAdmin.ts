import { useState } from 'react';
import { mergeExchangeRates, parseExchangeRatesCsv, type RateLineProblem } from '@rapport/shared/money/exchange-rates-csv';
import { isRate, type ExchangeRate } from '@rapport/shared/money/money.rules';
import { useOperation } from '../data/queries';
import { isStale } from '../data/versions';
import { useOperationWrite } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';

const CURRENCY = /^[A-Z]{3}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The reporting currency and rates as the admin is changing them, and the version of the settings they started from. */
type Edit = { reporting: string; rates: ExchangeRate[]; version: number };

export type PasteProblem = RateLineProblem | { line: number; problem: 'reporting' };

/**
 * The state of the currencies admin: the settings as saved, what the admin changed (kept until saved, and through a
 * refused save), the rate being typed, pasted CSV and its problems, and saving on the version read.
 */
export function useCurrenciesAdmin() {
  const { t, locale } = useI18n();
  const settings = useOperation('settings', {});
  const save = useOperationWrite('updateSettings');
  const errorText = useErrorText();
  const [edit, setEdit] = useState<Edit | null>(null);
  const [draft, setDraft] = useState<ExchangeRate>({ currency: '', month: new Date().toISOString().slice(0, 7), rate: '' });
  const [pasted, setPasted] = useState('');
  const [problems, setProblems] = useState<PasteProblem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  // Rates are kept with a point; they are shown as the user writes decimals (0,9215 in Spanish).
  const decimalSeparator = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  const saved = settings.data ?? null;
  const reporting = edit?.reporting ?? saved?.reportingCurrency ?? '';
  const rates = edit?.rates ?? saved?.exchangeRates ?? [];
  const change = (next: Partial<Omit<Edit, 'version'>>) => {
    if (!saved) return;
    save.reset();
    setEdit({ reporting, rates, version: edit?.version ?? saved.version, ...next });
  };

  // Rates are worth so much of the reporting currency: under another one they would mean something else, so changing
  // it starts the list afresh (and changing it back brings the saved rates back).
  const chooseReporting = (value: string) => {
    setConfirming(false);
    // Only a whole code is a choice: typing "EU" on the way to "EUR" changes nothing yet.
    if (!saved || !CURRENCY.test(value)) return change({ reporting: value });
    if (value === saved.reportingCurrency) {
      change({ reporting: value, rates: saved.exchangeRates });
      setNotice(null);
    } else if (saved.exchangeRates.length > 0) {
      change({ reporting: value, rates: [] });
      setNotice(t('currencies.ratesCleared', { previous: saved.reportingCurrency }));
    } else {
      change({ reporting: value });
    }
  };
  // A new reporting currency drops the rates given in the old one: that is said, and confirmed, before it is saved.
  const dropsRates = saved !== null && reporting !== saved.reportingCurrency && saved.exchangeRates.length > 0 && rates.length === 0;
  const changed = saved !== null && (reporting !== saved.reportingCurrency || JSON.stringify(rates) !== JSON.stringify(saved.exchangeRates));

  // A rate typed with a decimal comma (0,9215) is read as people mean it.
  const typedRate = draft.rate.replace(',', '.');
  const draftValid = CURRENCY.test(draft.currency) && draft.currency !== reporting && MONTH.test(draft.month) && isRate(typedRate);
  const addDraft = () => {
    if (!draftValid) return;
    change({ rates: mergeExchangeRates(rates, [{ ...draft, rate: typedRate }]) });
    setDraft({ ...draft, rate: '' });
  };

  const takePasted = () => {
    const read = parseExchangeRatesCsv(pasted);
    const usable = read.rates.filter((rate) => rate.currency !== reporting);
    // A rate for the reporting currency itself is always 1: say so rather than drop it unseen.
    const ownCurrency = read.rates.filter((rate) => rate.currency === reporting).map((rate) => ({ line: rate.line, problem: 'reporting' as const }));
    change({ rates: mergeExchangeRates(rates, usable) });
    const notTaken = [...read.problems, ...ownCurrency].sort((a, b) => a.line - b.line);
    setProblems(notTaken);
    setNotice(t('currencies.pasted', { count: usable.length }));
    // What was taken leaves the box; the lines to fix stay in it.
    const badLines = new Set(notTaken.map((problem) => problem.line));
    setPasted(pasted.split(/\r?\n/).filter((_, index) => badLines.has(index + 1)).join('\n'));
  };

  const removeRate = (rate: ExchangeRate) => change({ rates: rates.filter((other) => other !== rate) });

  const submit = () => {
    if (!saved || !edit) return;
    save.mutate(
      { body: { reportingCurrency: edit.reporting, exchangeRates: edit.rates }, version: edit.version },
      {
        onSuccess: () => {
          setEdit(null);
          setNotice(t('currencies.saved'));
        },
        onSettled: () => setConfirming(false),
      },
    );
  };
  const askOrSave = () => (dropsRates ? setConfirming(true) : submit());

  // Another admin saved first: their settings are loaded, and what was typed here is dropped (the button says so).
  const loadSaved = () =>
    void settings.refetch().then(() => {
      setEdit(null);
      setNotice(null);
      save.reset();
    });

  // What the API found wrong, by field: the reporting currency, or a rate of the list (`exchangeRates.2.rate`).
  const fieldErrors = save.error ? errorText(save.error).fields : {};
  const rateProblem = (index: number) =>
    Object.entries(fieldErrors).find(([path]) => path === `exchangeRates.${index}` || path.startsWith(`exchangeRates.${index}.`))?.[1];

  return {
    settings,
    fieldErrors,
    rateProblem,
    save,
    saved,
    reporting,
    rates,
    decimalSeparator,
    chooseReporting,
    draft,
    setDraft,
    draftValid,
    addDraft,
    pasted,
    setPasted,
    takePasted,
    problems,
    notice,
    removeRate,
    changed,
    validReporting: CURRENCY.test(reporting),
    confirming,
    askOrSave,
    submit,
    stale: isStale(save.error),
    loadSaved,
  };
}
