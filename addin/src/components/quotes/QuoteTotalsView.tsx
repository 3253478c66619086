import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { QuoteTotals } from '@rapport/shared/quotes/quote-totals.rules';
import { useI18n } from '../../i18n/I18nContext';
import { minorMoney, percentText } from './quote-state';

const useStyles = makeStyles({
  totals: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  row: { display: 'contents' },
  label: { margin: 0, minWidth: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  amount: { margin: 0, textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  total: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** A quote's totals as the customer will read them: subtotal, the overall discount, net, tax per rate, total. */
export function QuoteTotalsView({ totals, discountPercent, currency }: { totals: QuoteTotals; discountPercent: number; currency: string }) {
  const styles = useStyles();
  const translator = useI18n();
  const { t, locale } = translator;
  const money = (minor: number) => minorMoney(translator, minor, currency);
  const rows: { label: string; amount: string; strong?: boolean }[] = [
    { label: t('quotes.subtotal'), amount: money(totals.subtotal) },
    ...(totals.discount !== 0 || discountPercent > 0
      ? [
          { label: t('quotes.discount', { rate: percentText(locale, discountPercent) }), amount: money(-totals.discount) },
          { label: t('quotes.net'), amount: money(totals.net) },
        ]
      : []),
    ...totals.taxes.map((tax) => ({ label: t('quotes.tax', { rate: percentText(locale, tax.percent), base: money(tax.base) }), amount: money(tax.tax) })),
    { label: t('quotes.total'), amount: money(totals.total), strong: true },
  ];
  return (
    <dl className={styles.totals} aria-label={t('quotes.totals')}>
      {rows.map((row) => (
        <div key={row.label} className={styles.row}>
          <dt className={mergeClasses(styles.label, row.strong && styles.total)}>{row.label}</dt>
          <dd className={mergeClasses(styles.amount, row.strong && styles.total)}>{row.amount}</dd>
        </div>
      ))}
    </dl>
  );
}
