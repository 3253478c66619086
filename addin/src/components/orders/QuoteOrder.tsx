import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Quote } from '@rapport/shared';
import { orderReference, orderableQuoteStatuses } from '@rapport/shared/orders/order.rules';
import { isApiError } from '../../api/api-error';
import { useRecord, useRecordList } from '../../data/queries';
import { useCreateRecord } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { RecordLink } from '../RecordLink';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
});

// A deal's orders, read to find its quote's: a deal has one order per accepted quote, a few at most.
const DEAL_ORDERS_READ = 50;

/** Whether an order can be made from a quote in this status: a sent one (accepted another way), or an accepted one. */
const isOrderable = (status: Quote['status']) => (orderableQuoteStatuses as readonly string[]).includes(status);

/**
 * The order of a quote, opening it; or, when a sent or accepted quote has none, the button that records the
 * customer's order (a signed copy, an e-mail saying yes). A quote has one order: made meanwhile (the customer accepted
 * online), it is shown instead; a quote that can no longer be ordered (replaced, declined) is read again and says so.
 */
export function QuoteOrder({ quote }: { quote: Quote }) {
  const styles = useStyles();
  const { t } = useI18n();
  const orders = useRecordList('order', { dealId: quote.dealId, limit: DEAL_ORDERS_READ });
  const read = useRecord('quote', quote.id);
  const make = useCreateRecord('order');
  const order = orders.data?.items.find((candidate) => candidate.quoteId === quote.id) ?? make.data ?? null;

  const record = () =>
    make.mutate(
      { input: { quoteId: quote.id } },
      {
        onError: (error) => {
          if (!isApiError(error)) return;
          // Made meanwhile (the customer accepted on the quote's page): the order is read, and shown.
          if (error.code === 'RECORD.ALREADY_EXISTS') void orders.refetch();
          // Replaced, declined or withdrawn meanwhile: the quote as it is now.
          if (error.code === 'ORDER.QUOTE_NOT_ORDERABLE') void read.refetch();
        },
      },
    );

  if (orders.isPending) return <Caption1 className={styles.meta}>{t('app.loading')}</Caption1>;
  if (orders.isError) return <ErrorMessage error={orders.error} onRetry={() => void orders.refetch()} />;
  if (order) {
    return (
      <div className={styles.body}>
        <span>
          <RecordLink to={{ kind: 'order', id: order.id }}>{orderReference(order)}</RecordLink> · {t(`orderStatus.${order.status}`)}
        </span>
        {make.data ? (
          <Notice intent="success" role="status">
            {t('quoteOrder.made', { reference: orderReference(make.data) })}
          </Notice>
        ) : null}
      </div>
    );
  }
  return (
    <div className={styles.body}>
      <span className={styles.meta}>{isOrderable(quote.status) ? t(quote.status === 'accepted' ? 'quoteOrder.acceptedWithout' : 'quoteOrder.sentHint') : t('quoteOrder.none')}</span>
      {isOrderable(quote.status) ? (
        <Button size="small" disabled={make.isPending} onClick={record}>
          {make.isPending ? t('quoteOrder.making') : t('quoteOrder.make')}
        </Button>
      ) : null}
      {make.error && !(isApiError(make.error) && make.error.code === 'RECORD.ALREADY_EXISTS') ? <ErrorMessage error={make.error} onRetry={record} /> : null}
    </div>
  );
}
