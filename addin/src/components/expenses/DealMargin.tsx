import { Body1, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useDealMargin } from '../../data/expenses';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';

const useStyles = makeStyles({
  margin: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  figure: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  note: { color: tokens.colorNeutralForeground2 },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * A deal's margin: its amount less its approved expenses, in the deal's currency (or, when an expense is in another,
 * the reporting currency at each month's rate, said beneath), with what was left out: expenses waiting, missing rates.
 */
export function DealMargin({ dealId }: { dealId: string }) {
  const styles = useStyles();
  const { t, money } = useI18n();
  const margin = useDealMargin(dealId);
  if (margin.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  if (margin.isError) return <ErrorMessage error={margin.error} title={t('expenses.margin.failed')} onRetry={() => void margin.refetch()} />;
  const { currency, amount, expenses, converted, missingRates, submittedCount } = margin.data;
  return (
    <div className={styles.margin} aria-label={t('expenses.margin')}>
      {margin.data.margin === null || amount === null ? (
        <Body1>{t('expenses.margin.noAmount', { expenses: money(expenses, currency) })}</Body1>
      ) : (
        <div className={styles.figure}>
          <Body1 className={styles.strong}>
            {t('expenses.margin')}: {money(margin.data.margin, currency)}
          </Body1>
          <Caption1 className={styles.note}>{t('expenses.margin.line', { amount: money(amount, currency), expenses: money(expenses, currency) })}</Caption1>
        </div>
      )}
      {converted ? <Caption1 className={styles.note}>{t('expenses.margin.converted', { currency })}</Caption1> : null}
      {missingRates.length > 0 ? <Caption1 className={styles.note}>{t('expenses.margin.missing', { currencies: missingRates.join(', ') })}</Caption1> : null}
      {submittedCount > 0 ? <Caption1 className={styles.note}>{t('expenses.margin.waiting', { count: submittedCount })}</Caption1> : null}
    </div>
  );
}
