import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { TenantSettings } from '@rapport/shared';
import { mergeExchangeRates, parseExchangeRatesCsv, type RateLineProblem } from '@rapport/shared/money/exchange-rates-csv';
import { isRate, type ExchangeRate } from '@rapport/shared/money/money.rules';
import { ApiError, type ApiClient } from '../api/api-client';
import { useAction } from '../hooks/useAction';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  rate: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, fontVariantNumeric: 'tabular-nums' },
  narrow: { width: '6em' },
  // A month picker shows "November 2026": it takes the room it needs, and wraps to its own line when there is none.
  month: { flex: '1 1 12em', minWidth: '12em' },
  monthInput: { width: '100%' },
  meta: { color: tokens.colorNeutralForeground2 },
});

const CURRENCY = /^[A-Z]{3}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Admins: the currency reports are in, and the exchange rates that convert the others to it, month by month (typed
 * one at a time or pasted as CSV). Nothing is saved until Save; a save made on an older version is refused.
 */
export function CurrenciesAdmin({ api }: { api: ApiClient }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { busy, error, setError, act } = useAction();
  // Rates are kept with a point; they are shown as the user writes decimals (0,9215 in Spanish).
  const decimalSeparator = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  const [saved, setSaved] = useState<TenantSettings | null>(null);
  const [reporting, setReporting] = useState('');
  const [rates, setRates] = useState<ExchangeRate[]>([]);
  const [draft, setDraft] = useState<ExchangeRate>({ currency: '', month: new Date().toISOString().slice(0, 7), rate: '' });
  const [pasted, setPasted] = useState('');
  const [problems, setProblems] = useState<(RateLineProblem | { line: number; problem: 'reporting' })[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const [loads, setLoads] = useState(0);
  const [stale, setStale] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    let live = true;
    api.settings().then(
      (settings) => {
        if (!live) return;
        setSaved(settings);
        setReporting(settings.reportingCurrency);
        setRates(settings.exchangeRates);
        setStale(false);
        setError(null);
      },
      (caught: unknown) => live && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      live = false;
    };
  }, [api, setError, loads]);

  // Rates are worth so much of the reporting currency: under another one they would mean something else, so changing
  // it starts the list afresh (and changing it back brings the saved rates back).
  const chooseReporting = (value: string) => {
    setReporting(value);
    setConfirming(false);
    // Only a whole code is a choice: typing "EU" on the way to "EUR" changes nothing yet.
    if (!saved || !CURRENCY.test(value)) return;
    if (value === saved.reportingCurrency) {
      setRates(saved.exchangeRates);
      setNotice(null);
    } else if (saved.exchangeRates.length > 0) {
      setRates([]);
      setNotice(t('currencies.ratesCleared', { previous: saved.reportingCurrency }));
    }
  };
  // A new reporting currency drops the rates given in the old one: that is said, and confirmed, before it is saved.
  const dropsRates = saved !== null && reporting !== saved.reportingCurrency && saved.exchangeRates.length > 0 && rates.length === 0;

  const changed = saved !== null && (reporting !== saved.reportingCurrency || JSON.stringify(rates) !== JSON.stringify(saved.exchangeRates));
  // A rate typed with a decimal comma (0,9215) is read as people mean it.
  const typedRate = draft.rate.replace(',', '.');
  const draftValid = CURRENCY.test(draft.currency) && draft.currency !== reporting && MONTH.test(draft.month) && isRate(typedRate);
  const save = () =>
    act(async () => {
      if (!saved) return;
      try {
        const next = await api.updateSettings({ reportingCurrency: reporting, exchangeRates: rates }, saved.version);
        setSaved(next);
        setRates(next.exchangeRates);
        setNotice(t('currencies.saved'));
      } catch (caught) {
        // Another admin saved first: offer to load theirs (what was typed here is then gone, and the admin knows it).
        if (caught instanceof ApiError && caught.status === 412) setStale(true);
        throw caught;
      }
    });

  return (
    <section className={styles.view} aria-label={t('currencies.heading')}>
      <Subtitle2 as="h2">{t('currencies.heading')}</Subtitle2>
      <Caption1 className={styles.meta}>{t('currencies.help')}</Caption1>
      {error ? <ErrorMessage message={error} /> : null}
      {stale ? (
        <div>
          <Button onClick={() => setLoads(loads + 1)}>{t('currencies.reload')}</Button>
        </div>
      ) : null}
      {!saved && !error ? <Body1>{t('app.loading')}</Body1> : null}
      {saved ? (
        <>
          <Field label={t('currencies.reporting')} hint={t('currencies.reportingHint')}>
            <Input className={styles.narrow} value={reporting} maxLength={3} onChange={(_, data) => chooseReporting(data.value.toUpperCase())} />
          </Field>
          <form
            className={styles.row}
            aria-label={t('currencies.addRate')}
            onSubmit={(event) => {
              event.preventDefault();
              if (!draftValid) return;
              setRates(mergeExchangeRates(rates, [{ ...draft, rate: typedRate }]));
              setDraft({ ...draft, rate: '' });
            }}
          >
            <Field label={t('currencies.currency')}>
              <Input className={styles.narrow} value={draft.currency} maxLength={3} onChange={(_, data) => setDraft({ ...draft, currency: data.value.toUpperCase() })} />
            </Field>
            <Field className={styles.month} label={t('currencies.month')}>
              <Input className={styles.monthInput} type="month" value={draft.month} onChange={(_, data) => setDraft({ ...draft, month: data.value })} />
            </Field>
            <Field label={t('currencies.rate', { currency: reporting || '…' })}>
              <Input className={styles.narrow} inputMode="decimal" value={draft.rate} maxLength={25} onChange={(_, data) => setDraft({ ...draft, rate: data.value.trim() })} />
            </Field>
            <Button type="submit" disabled={!draftValid}>
              {t('currencies.add')}
            </Button>
          </form>
          <Field label={t('currencies.paste')} hint={t('currencies.pasteHint')}>
            <Textarea value={pasted} resize="vertical" onChange={(_, data) => setPasted(data.value)} />
          </Field>
          <div className={styles.row}>
            <Button
              disabled={pasted.trim() === ''}
              onClick={() => {
                const read = parseExchangeRatesCsv(pasted);
                const usable = read.rates.filter((rate) => rate.currency !== reporting);
                // A rate for the reporting currency itself is always 1: say so rather than drop it unseen.
                const ownCurrency = read.rates.filter((rate) => rate.currency === reporting).map((rate) => ({ line: rate.line, problem: 'reporting' as const }));
                setRates(mergeExchangeRates(rates, usable));
                const notTaken = [...read.problems, ...ownCurrency].sort((a, b) => a.line - b.line);
                setProblems(notTaken);
                setNotice(t('currencies.pasted', { count: usable.length }));
                // What was taken leaves the box; the lines to fix stay in it.
                const badLines = new Set(notTaken.map((problem) => problem.line));
                setPasted(pasted.split(/\r?\n/).filter((_, index) => badLines.has(index + 1)).join('\n'));
              }}
            >
              {t('currencies.takePasted')}
            </Button>
          </div>
          {problems.length > 0 ? (
            <MessageBar intent="warning" role="alert">
              <MessageBarBody>
                <ul className={styles.list} aria-label={t('currencies.problems')}>
                  {problems.map((problem) => (
                    <li key={`${problem.line}:${problem.problem}`}>
                      {t('currencies.problem', { line: problem.line, reason: t(`currencies.problem.${problem.problem}`, { currency: reporting }) })}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {notice ? (
            <Caption1 role="status" aria-live="polite">
              {notice}
            </Caption1>
          ) : null}
          {confirming ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t('currencies.confirmClear', { currency: reporting, count: saved.exchangeRates.length, previous: saved.reportingCurrency })}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.row}>
            {confirming ? (
              <Button appearance="primary" disabled={busy} onClick={() => void save().then(() => setConfirming(false))}>
                {t('currencies.confirmSave')}
              </Button>
            ) : (
              <Button appearance="primary" disabled={busy || !changed || !CURRENCY.test(reporting)} onClick={() => (dropsRates ? setConfirming(true) : void save())}>
                {t('currencies.save')}
              </Button>
            )}
          </div>
          {rates.length === 0 ? <Body1>{t('currencies.none')}</Body1> : null}
          <ul className={styles.list} aria-label={t('currencies.list')}>
            {rates.map((rate) => (
              <li key={`${rate.currency}|${rate.month}`} className={styles.rate}>
                <Body1>{t('currencies.rateLine', { currency: rate.currency, month: rate.month, rate: rate.rate.replace('.', decimalSeparator), reporting })}</Body1>
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t('currencies.remove', { currency: rate.currency, month: rate.month })}
                  onClick={() => setRates(rates.filter((other) => other !== rate))}
                >
                  {t('currencies.removeShort')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
