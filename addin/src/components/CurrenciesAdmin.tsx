import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { ExchangeRate } from '@rapport/shared/money/money.rules';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import { useCurrenciesAdmin } from './useCurrenciesAdmin';
import { Notice } from './Notice';
import { QueryState } from './QueryState';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  rate: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontVariantNumeric: 'tabular-nums' },
  rateText: { flexGrow: 1, minWidth: 0 },
  nowrap: { whiteSpace: 'nowrap' },
  narrow: { width: '6em' },
  // A month picker shows "November 2026": it takes the room it needs, and wraps to its own line when there is none.
  month: { flex: '1 1 12em', minWidth: '12em' },
  monthInput: { width: '100%' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/**
 * Admins: the currency reports are in, and the exchange rates that convert the others to it, month by month (typed
 * one at a time or pasted as CSV). Nothing is saved until Save; a save made on an older version is refused, and what
 * was typed stays until the admin loads the saved settings.
 */
export function CurrenciesAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const state = useCurrenciesAdmin();
  const { settings, save, saved, reporting, rates, draft, setDraft } = state;
  const fields = state.fieldErrors;

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('currencies.help')}</Caption1>
      <QueryState query={settings} />
      {saved ? (
        <>
          <Field label={t('currencies.reporting')} hint={t('currencies.reportingHint')} validationMessage={fields.reportingCurrency}>
            <Input className={styles.narrow} value={reporting} maxLength={3} onChange={(_, data) => state.chooseReporting(data.value.toUpperCase())} />
          </Field>
          <form
            className={styles.row}
            aria-label={t('currencies.addRate')}
            onSubmit={(event) => {
              event.preventDefault();
              state.addDraft();
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
            <Button type="submit" disabled={!state.draftValid}>
              {t('currencies.add')}
            </Button>
          </form>
          <Field label={t('currencies.paste')} hint={t('currencies.pasteHint')}>
            <Textarea value={state.pasted} resize="vertical" onChange={(_, data) => state.setPasted(data.value)} />
          </Field>
          <div className={styles.row}>
            <Button disabled={state.pasted.trim() === ''} onClick={state.takePasted}>
              {t('currencies.takePasted')}
            </Button>
          </div>
          {state.problems.length > 0 ? (
            <Notice intent="warning" role="alert">
                <ul className={styles.list} aria-label={t('currencies.problems')}>
                  {state.problems.map((problem) => (
                    <li key={`${problem.line}:${problem.problem}`}>
                      {t('currencies.problem', { line: problem.line, reason: t(`currencies.problem.${problem.problem}`, { currency: reporting }) })}
                    </li>
                  ))}
                </ul>
            </Notice>
          ) : null}
          {state.notice ? (
            <Caption1 role="status" aria-live="polite">
              {state.notice}
            </Caption1>
          ) : null}
          {save.isError ? <ErrorMessage error={save.error} onRetry={state.submit} /> : null}
          {state.stale ? (
            <div>
              <Button onClick={state.loadSaved}>{t('currencies.reload')}</Button>
            </div>
          ) : null}
          {state.confirming ? (
            <Notice intent="warning">{t('currencies.confirmClear', { currency: reporting, count: saved.exchangeRates.length, previous: saved.reportingCurrency })}</Notice>
          ) : null}
          <div className={styles.row}>
            {state.confirming ? (
              <Button appearance="primary" disabled={save.isPending} onClick={state.submit}>
                {t('currencies.confirmSave')}
              </Button>
            ) : (
              <Button appearance="primary" disabled={save.isPending || !state.changed || !state.validReporting} onClick={state.askOrSave}>
                {t('currencies.save')}
              </Button>
            )}
          </div>
          {rates.length === 0 ? <Body1>{t('currencies.none')}</Body1> : <RateList state={state} />}
        </>
      ) : null}
    </div>
  );
}

/**
 * The rates, the latest of each currency first shown (the one reports use from now on), all of them on request. A
 * rate the API found wrong shows whichever way the list is shown.
 */
function RateList({ state }: { state: ReturnType<typeof useCurrenciesAdmin> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const { rates, reporting } = state;
  const latest = latestOfEach(rates);
  const shown = rates.map((rate, index) => ({ rate, index })).filter(({ rate, index }) => all || latest.has(rate) || state.rateProblem(index));
  return (
    <>
      <ul className={styles.list} aria-label={t('currencies.list')}>
        {shown.map(({ rate, index }) => (
          <li key={`${rate.currency}|${rate.month}`} className={styles.rate}>
            <Body1 className={styles.rateText}>
              <RateLine text={t('currencies.rateLine', { currency: rate.currency, month: rate.month, rate: rate.rate.replace('.', state.decimalSeparator), reporting })} />
            </Body1>
            {state.rateProblem(index) ? <Caption1 role="alert">{state.rateProblem(index)}</Caption1> : null}
            <Button
              size="small"
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={t('currencies.remove', { currency: rate.currency, month: rate.month })}
              onClick={() => state.removeRate(rate)}
            />
          </li>
        ))}
      </ul>
      {rates.length > latest.size ? (
        <div>
          <Button size="small" appearance="subtle" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? t('currencies.showLatest') : t('currencies.showAll', { count: rates.length })}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** "USD from 2026-11: 1 = 0.92 EUR": where the line must wrap, it wraps before the rate, which stays whole. */
function RateLine({ text }: { text: string }) {
  const styles = useStyles();
  const at = text.lastIndexOf(': ');
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at + 2)}
      <span className={styles.nowrap}>{text.slice(at + 2)}</span>
    </>
  );
}

/** Each currency's rate of the latest month. */
function latestOfEach(rates: ExchangeRate[]): Set<ExchangeRate> {
  const byCurrency = new Map<string, ExchangeRate>();
  for (const rate of rates) {
    const found = byCurrency.get(rate.currency);
    if (!found || rate.month > found.month) byCurrency.set(rate.currency, rate);
  }
  return new Set(byCurrency.values());
}
