import { useState } from 'react';
import { Body1, Button, Card, CardHeader, Link, Skeleton, SkeletonItem, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { commissionPeriod, dayBefore, minorMoney } from '../../components/commissions/commission-format';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApprovedStatements, useStatement } from '../../data/commissions';
import { localDate } from '../../data/today';
import { useI18n } from '../../i18n/I18nContext';
import { StatementView } from './StatementView';

export const useStatementStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  nav: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  history: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  historyItem: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** A statement's layout while it loads: its heading, a few lines and the total. */
export function StatementSkeleton({ label }: { label: string }) {
  const styles = useStatementStyles();
  return (
    <Skeleton className={styles.skeleton} aria-label={label}>
      <SkeletonItem size={20} style={{ width: '40%' }} />
      <SkeletonItem size={16} />
      <SkeletonItem size={16} />
      <SkeletonItem size={16} />
      <SkeletonItem size={20} style={{ width: '30%', marginInlineStart: 'auto' }} />
    </Skeleton>
  );
}

/**
 * My statement: the signed-in rep's commission for the plan period holding today (Previous and Next move between
 * periods), and the statements approved before it, each opening.
 */
export function MyStatement({ productName }: { productName: (id: string) => string }) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStatementStyles();
  const today = localDate(new Date());
  const [day, setDay] = useState(today);
  const statement = useStatement(undefined, day);
  const approved = useApprovedStatements();
  const heading = t('commission.mine');
  const data = statement.data;

  let body;
  if (statement.isError && !data) body = <ErrorMessage title={t('commission.failed')} error={statement.error} onRetry={() => void statement.refetch()} />;
  else if (!data) body = <StatementSkeleton label={t('app.loading')} />;
  else if (data.planId === null) body = <Body1>{t('commission.noPlan')}</Body1>;
  else
    body = (
      <StatementView
        statement={data}
        productName={productName}
        heading={<Subtitle2 as="h3">{commissionPeriod(translator, data.period, data.start)}</Subtitle2>}
      />
    );

  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h2">{heading}</Subtitle2>} />
      <section className={styles.body} aria-label={heading} aria-busy={statement.isFetching}>
        <div className={styles.nav}>
          <Button size="small" icon={<ChevronLeftRegular />} disabled={!data} onClick={() => data && setDay(dayBefore(data.start))}>
            {t('commission.previous')}
          </Button>
          <Button size="small" icon={<ChevronRightRegular />} iconPosition="after" disabled={!data || data.ends > today} onClick={() => data && setDay(data.ends)}>
            {t('commission.next')}
          </Button>
        </div>
        {body}
        <Subtitle2 as="h3">{t('commission.history')}</Subtitle2>
        {approved.isError ? <ErrorMessage error={approved.error} onRetry={() => void approved.refetch()} /> : null}
        {approved.data && approved.data.items.length === 0 ? <Body1 className={styles.muted}>{t('commission.noHistory')}</Body1> : null}
        {approved.data && approved.data.items.length > 0 ? (
          <ul className={styles.history} aria-label={t('commission.history')}>
            {approved.data.items.map((item) => {
              const period = commissionPeriod(translator, item.period, item.start);
              return (
                <li key={item.id ?? `${item.period}-${item.start}`} className={styles.historyItem}>
                  <Link as="button" aria-label={t('commission.open', { period })} onClick={() => setDay(`${item.start}-01`)}>
                    {period}
                  </Link>
                  <Body1>{minorMoney(translator, item.totalMinor, item.currency)}</Body1>
                  {item.approvedAt ? <Body1 className={styles.muted}>{translator.date(item.approvedAt)}</Body1> : null}
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>
    </Card>
  );
}
