import { Body1, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useOperation } from '../data/queries';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  name: { overflowWrap: 'break-word' },
  meta: { color: tokens.colorNeutralForeground2, display: 'block', overflowWrap: 'break-word' },
  line: { overflowWrap: 'break-word' },
});

/** What the company has bought: its won deals, latest first, with products, prices and who won them. */
export function PurchaseHistory({ companyId }: { companyId: string }) {
  const { t, date, money } = useI18n();
  const styles = useStyles();
  const purchases = useOperation('purchases', { params: { id: companyId } });

  if (purchases.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  if (purchases.isError) return <ErrorMessage error={purchases.error} onRetry={() => void purchases.refetch()} />;
  const { deals, products, owners } = purchases.data;
  if (deals.length === 0) return <Body1>{t('purchases.none')}</Body1>;
  return (
    <ul className={styles.list} aria-label={t('tabs.purchases')}>
      {deals.map((deal) => (
        <li key={deal.id}>
          <Body1 className={styles.name}>
            {deal.name} · {deal.amount !== undefined ? money(deal.amount, deal.currency) : '—'}
          </Body1>
          <Caption1 className={styles.meta}>
            {t('purchases.meta', { date: deal.closedAt ? date(deal.closedAt) : '—', owner: owners[deal.ownerId]?.displayName ?? t('changes.someone') })}
          </Caption1>
          {deal.lineItems.length > 0 ? (
            <ul className={styles.lines}>
              {deal.lineItems.map((item, index) => (
                <li key={`${item.productId}-${index}`} className={styles.line}>
                  <Caption1>
                    {t('purchases.line', { quantity: item.quantity, product: products[item.productId]?.name ?? item.productId, price: money(item.unitPrice, deal.currency) })}
                    {item.discountPercent > 0 ? ` ${t('purchases.discount', { percent: item.discountPercent })}` : ''}
                  </Caption1>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
