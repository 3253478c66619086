import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Order } from '@rapport/shared';
import { fromMinor } from '@rapport/shared/money/money.rules';
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  line: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  description: { color: tokens.colorNeutralForeground2 },
  // Label and amount side by side, the amounts aligned at the end.
  totals: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) max-content',
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    marginBlockStart: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  label: { color: tokens.colorNeutralForeground2 },
  amount: { margin: 0, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * What the customer ordered, as they accepted it on the quote: each line and the totals by tax rate. Read only: an
 * order's content is its quote's, and changes by a new quote.
 */
export function OrderContent({ order }: { order: Order }) {
  const styles = useStyles();
  const { t, money, locale } = useI18n();
  const amount = (minor: number) => money(fromMinor(minor, order.currency), order.currency);
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const rate = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 });
  const { totals } = order;
  return (
    <>
      <ul className={styles.lines} aria-label={t('order.lines')}>
        {order.lines.map((line, index) => (
          <li key={index} className={styles.line}>
            <Caption1>
              {t('order.line', { quantity: line.quantity, name: line.name, price: money(line.unitPrice, order.currency) })}
              {line.discountPercent > 0 ? ` ${t('order.discount', { percent: percent.format(line.discountPercent) })}` : ''}
            </Caption1>
            {line.description ? <Caption1 className={styles.description}>{line.description}</Caption1> : null}
          </li>
        ))}
      </ul>
      <dl className={styles.totals}>
        <dt className={styles.label}>{t('order.net')}</dt>
        <dd className={styles.amount}>{amount(totals.net)}</dd>
        {totals.taxes.map((tax) => (
          <div key={tax.percent} style={{ display: 'contents' }}>
            <dt className={styles.label}>{`${t('order.tax')} ${rate.format(tax.percent / 100)}`}</dt>
            <dd className={styles.amount}>{amount(tax.tax)}</dd>
          </div>
        ))}
        <dt className={mergeClasses(styles.label, styles.total)}>{t('order.total')}</dt>
        <dd className={mergeClasses(styles.amount, styles.total)}>{amount(totals.total)}</dd>
      </dl>
    </>
  );
}
