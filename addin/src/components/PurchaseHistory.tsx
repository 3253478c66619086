import { Body1, Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Deal, Order } from '@rapport/shared';
import { fromMinor } from '@rapport/shared/money/money.rules';
import { orderReference } from '@rapport/shared/orders/order.rules';
import { useOperation } from '../data/queries';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import { RecordLink } from './RecordLink';
import { StatusBadge } from './StatusBadge';
import { orderStatusTone } from './orders/order-tones';
import { Token } from './Token';

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  name: { overflowWrap: 'break-word' },
  // The order's reference and total on one line, its status badge after them (on a line of its own when narrow).
  order: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2, display: 'block', overflowWrap: 'break-word' },
  line: { overflowWrap: 'break-word' },
});

/**
 * What the company has bought: its orders, newest first, with where each is (and how it travels once shipped); then its
 * won deals that became no order, latest first, with products, prices and who won them.
 */
export function PurchaseHistory({ companyId }: { companyId: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const purchases = useOperation('purchases', { params: { id: companyId } });

  if (purchases.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  if (purchases.isError) return <ErrorMessage error={purchases.error} onRetry={() => void purchases.refetch()} />;
  const { deals, products, owners } = purchases.data;
  // Servers of the previous release send no orders.
  const orders = purchases.data.orders ?? [];
  // A deal whose quote became an order is shown once, by its order.
  const ordered = new Set(orders.map((order) => order.dealId));
  const otherDeals = deals.filter((deal) => !ordered.has(deal.id));
  if (orders.length === 0 && otherDeals.length === 0) return <Body1>{t('purchases.none')}</Body1>;
  const ownerName = (id: string) => owners[id]?.displayName ?? t('changes.someone');
  const both = orders.length > 0 && otherDeals.length > 0;
  return (
    <div className={styles.groups}>
      {orders.length > 0 ? (
        <section className={styles.groups} aria-label={t('purchases.orders')}>
          {both ? (
            <Subtitle2 as="h3" className={styles.heading}>
              {t('purchases.orders')}
            </Subtitle2>
          ) : null}
          <ul className={styles.list} aria-label={t('purchases.orders')}>
            {orders.map((order) => (
              <OrderEntry key={order.id} order={order} ownerName={ownerName(order.ownerId)} />
            ))}
          </ul>
        </section>
      ) : null}
      {otherDeals.length > 0 ? (
        <section className={styles.groups} aria-label={t('purchases.wonDeals')}>
          {both ? (
            <Subtitle2 as="h3" className={styles.heading}>
              {t('purchases.wonDeals')}
            </Subtitle2>
          ) : null}
          <ul className={styles.list} aria-label={t('tabs.purchases')}>
            {otherDeals.map((deal) => (
              <DealEntry key={deal.id} deal={deal} products={products} ownerName={ownerName(deal.ownerId)} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** An order: its reference (opening it), total and status; when and by whom; its carrier and tracking once shipped. */
function OrderEntry({ order, ownerName }: { order: Order; ownerName: string }) {
  const { t, date, money } = useI18n();
  const styles = useStyles();
  const tracked = (order.status === 'shipped' || order.status === 'delivered') && order.trackingNumber;
  return (
    <li>
      <div className={styles.order}>
        <Body1 className={styles.name}>
          <RecordLink to={{ kind: 'order', id: order.id }}>{orderReference(order)}</RecordLink> · {money(fromMinor(order.totals.total, order.currency), order.currency)}
        </Body1>
        <StatusBadge tone={orderStatusTone[order.status]}>{t(`orderStatus.${order.status}`)}</StatusBadge>
      </div>
      <Caption1 className={styles.meta}>{t('purchases.orderMeta', { date: date(order.orderedAt), owner: ownerName })}</Caption1>
      {tracked ? (
        <Caption1 className={styles.meta}>
          {order.carrier} · <Token>{order.trackingNumber ?? ''}</Token>
        </Caption1>
      ) : null}
      {order.lines.length > 0 ? (
        <ul className={styles.lines}>
          {order.lines.map((line, index) => (
            <li key={`${line.productId ?? line.name}-${index}`} className={styles.line}>
              <Caption1>
                {t('purchases.line', { quantity: line.quantity, product: line.name, price: money(line.unitPrice, order.currency) })}
                {line.discountPercent > 0 ? ` ${t('purchases.discount', { percent: line.discountPercent })}` : ''}
              </Caption1>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** A won deal without an order: name and amount, when won and by whom, its catalog lines. */
function DealEntry({ deal, products, ownerName }: { deal: Deal; products: Record<string, { name: string }>; ownerName: string }) {
  const { t, date, money } = useI18n();
  const styles = useStyles();
  return (
    <li>
      <Body1 className={styles.name}>
        {deal.name} · {deal.amount !== undefined ? money(deal.amount, deal.currency) : '—'}
      </Body1>
      <Caption1 className={styles.meta}>{t('purchases.meta', { date: deal.closedAt ? date(deal.closedAt) : '—', owner: ownerName })}</Caption1>
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
  );
}
