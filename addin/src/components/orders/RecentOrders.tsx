import type { ReactNode } from 'react';
import type { Order } from '@rapport/shared';
import { orderReference } from '@rapport/shared/orders/order.rules';
import { useRecordList } from '../../data/queries';
import { useI18n } from '../../i18n/I18nContext';
import { RecordLink } from '../RecordLink';

/** How many of a company's latest orders its people's cards show; Purchases lists them all. */
export const CARD_ORDERS = 3;

/**
 * A company's latest orders as a card's field shows them, each opening its order: "O-12 Shipped · 18 Nov 2026". Read
 * when the card shows (one bounded page); nothing until it comes, and nothing when it fails (Purchases says why).
 */
export function useRecentOrders(companyId: string | undefined): ReactNode[] {
  const { t, date } = useI18n();
  const orders = useRecordList('order', { companyId, limit: CARD_ORDERS }, { enabled: companyId !== undefined });
  return (orders.data?.items ?? []).map((order: Order) => (
    <span key={order.id}>
      <RecordLink to={{ kind: 'order', id: order.id }}>{orderReference(order)}</RecordLink> {t('card.order', { status: t(`orderStatus.${order.status}`), date: date(order.orderedAt) })}
    </span>
  ));
}
