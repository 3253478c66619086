import { useEffect, useState } from 'react';
import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { PurchasesResponse } from '@rapport/shared';
import type { ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
});

/** What the company has bought: its won deals, latest first, with products, prices and who won them. */
export function PurchaseHistory({ api, companyId }: { api: ApiClient; companyId: string }) {
  const { t, date, money } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState<{ status: 'loading' } | { status: 'ready'; data: PurchasesResponse } | { status: 'error'; message: string }>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    api.purchases(companyId).then(
      (data) => live && setState({ status: 'ready', data }),
      (caught: unknown) => live && setState({ status: 'error', message: caught instanceof Error ? caught.message : String(caught) }),
    );
    return () => {
      live = false;
    };
  }, [api, companyId]);

  if (state.status === 'loading') return <Caption1>{t('app.loading')}</Caption1>;
  if (state.status === 'error') return <Body1 role="alert">{t('app.error', { message: state.message })}</Body1>;
  const { deals, products, owners } = state.data;
  if (deals.length === 0) return <Body1>{t('purchases.none')}</Body1>;
  return (
    <ul className={styles.list} aria-label={t('tabs.purchases')}>
      {deals.map((deal) => (
        <li key={deal.id}>
          <Body1>
            {deal.name} · {deal.amount !== undefined ? money(deal.amount, deal.currency) : '—'}
          </Body1>
          <Caption1 className={styles.meta}>
            {t('purchases.meta', { date: deal.closedAt ? date(deal.closedAt) : '—', owner: owners[deal.ownerId]?.displayName ?? t('changes.someone') })}
          </Caption1>
          {deal.lineItems.length > 0 ? (
            <ul className={styles.lines}>
              {deal.lineItems.map((item, index) => (
                <li key={`${item.productId}-${index}`}>
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
