import type { ComponentType } from 'react';
import type { Contract, Order } from '@rapport/shared';
import { orderReference } from '@rapport/shared/orders/order.rules';
import { useRecordList } from '../../data/queries';
import { useI18n } from '../../i18n/I18nContext';
import type { FieldRowProps } from '../ContactCard';
import { RecordLink } from '../RecordLink';

/** How many of a company's latest orders its people's cards show; Purchases lists them all. */
export const CARD_ORDERS = 3;

/**
 * A contact's company on their card, as its last fields: the service contract in force (the lookup's), what it promises
 * and until when, opening it ("Premium support · 4 h response, until 31 Dec 2026"); then its latest orders, each
 * opening ("O-12 Shipped · 18 Nov 2026"), read when the card shows (one bounded page): no row until they come, and
 * none when the read fails (Purchases says why). `Row` is the card's own field row.
 */
export function CompanyFields({ companyId, contract, Row }: { companyId: string; contract: Contract | null | undefined; Row: ComponentType<FieldRowProps> }) {
  const { t, date, locale } = useI18n();
  const orders = useRecordList('order', { companyId, limit: CARD_ORDERS });
  const level = contract?.serviceLevel;
  return (
    <>
      <Row
        label={t('card.covered')}
        values={
          contract
            ? [
                <RecordLink key="contract" to={{ kind: 'contract', id: contract.id }}>
                  {level
                    ? t('card.coverageResponse', { name: level.name, hours: new Intl.NumberFormat(locale).format(level.responseHours), date: date(contract.endDate) })
                    : t('card.coverage', { name: contract.name, date: date(contract.endDate) })}
                </RecordLink>,
              ]
            : []
        }
      />
      <Row
        label={t('card.orders')}
        values={(orders.data?.items ?? []).map((order: Order) => (
          <span key={order.id}>
            <RecordLink to={{ kind: 'order', id: order.id }}>{orderReference(order)}</RecordLink> {t('card.order', { status: t(`orderStatus.${order.status}`), date: date(order.orderedAt) })}
          </span>
        ))}
      />
    </>
  );
}
