import { useState } from 'react';
import { Body1, Button, Card, CardHeader, Link, Subtitle2, mergeClasses } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular, DismissRegular } from '@fluentui/react-icons';
import type { CommissionStatementView } from '@rapport/shared/commissions/commission-statement.schema';
import { isApiError } from '../../api/api-error';
import { commissionPeriod, minorMoney, monthFrom } from '../../components/commissions/commission-format';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Notice } from '../../components/Notice';
import { StatusBadge } from '../../components/StatusBadge';
import { useApproveStatement, useStatement, useTeamStatements } from '../../data/commissions';
import { localDate } from '../../data/today';
import { useMemberNames } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { StatementSkeleton, useStatementStyles } from './MyStatement';
import { StatementView, useTableStyles } from './StatementView';

/**
 * Managers: each of their reps' statement for the periods holding a month (this one unless they move), with its total
 * and status; a rep's opens below the table, where a draft is approved as read.
 */
export function TeamStatements({ productName }: { productName: (id: string) => string }) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStatementStyles();
  const table = useTableStyles();
  const nameOf = useMemberNames();
  const thisMonth = monthFrom(localDate(new Date()), 0);
  const [month, setMonth] = useState(thisMonth);
  const [open, setOpen] = useState<{ memberId: string; day: string } | null>(null);
  const team = useTeamStatements(month, { enabled: true });
  const heading = t('commission.team');
  const monthName = new Intl.DateTimeFormat(translator.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}T00:00:00Z`));
  const name = (memberId: string) => nameOf(memberId) ?? t('commission.unknownRep');
  const rows = team.data?.items.filter((item) => item.planId !== null) ?? [];

  let body;
  if (team.isError && !team.data) body = <ErrorMessage title={t('commission.teamFailed')} error={team.error} onRetry={() => void team.refetch()} />;
  else if (!team.data) body = <StatementSkeleton label={t('app.loading')} />;
  else if (rows.length === 0) body = <Body1>{t('commission.teamEmpty')}</Body1>;
  else
    body = (
      <table className={table.table} aria-label={heading}>
        <thead>
          <tr>
            {(['rep', 'period', 'total', 'status'] as const).map((column) => (
              <th key={column} scope="col" className={mergeClasses(table.cell, column === 'total' ? table.number : undefined)}>
                {t(`commission.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => (
            <tr key={item.memberId} className={table.row}>
              <th scope="row" className={mergeClasses(table.cell, table.head)} data-label={t('commission.rep')}>
                <Link
                  as="button"
                  aria-label={t('commission.openOf', { name: name(item.memberId) })}
                  aria-expanded={open?.memberId === item.memberId}
                  onClick={() => setOpen(open?.memberId === item.memberId ? null : { memberId: item.memberId, day: `${item.start}-01` })}
                >
                  {name(item.memberId)}
                </Link>
              </th>
              <td className={table.cell} data-label={t('commission.period')}>
                {commissionPeriod(translator, item.period, item.start)}
              </td>
              <td className={mergeClasses(table.cell, table.number)} data-label={t('commission.total')}>
                {minorMoney(translator, item.totalMinor, item.currency)}
              </td>
              <td className={table.cell} data-label={t('commission.status')}>
                <StatusBadge tone={item.status === 'approved' ? 'success' : 'informative'}>{t(item.status === 'approved' ? 'commission.approved' : 'commission.draft')}</StatusBadge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h2">{heading}</Subtitle2>} />
      <section className={styles.body} aria-label={heading}>
        <div className={styles.nav}>
          <Button size="small" icon={<ChevronLeftRegular />} onClick={() => setMonth(monthFrom(month, -1))}>
            {t('commission.previous')}
          </Button>
          <Body1>{t('commission.monthOf', { month: monthName })}</Body1>
          <Button size="small" icon={<ChevronRightRegular />} iconPosition="after" disabled={month >= thisMonth} onClick={() => setMonth(monthFrom(month, 1))}>
            {t('commission.next')}
          </Button>
        </div>
        {body}
        {open ? <RepStatement key={`${open.memberId}:${open.day}`} memberId={open.memberId} day={open.day} productName={productName} onClose={() => setOpen(null)} /> : null}
      </section>
    </Card>
  );
}

/** One rep's statement as their manager reads it, with Approve on a draft: the total read goes with it. */
function RepStatement({ memberId, day, productName, onClose }: { memberId: string; day: string; productName: (id: string) => string; onClose: () => void }) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStatementStyles();
  const nameOf = useMemberNames();
  const statement = useStatement(memberId, day);
  const approve = useApproveStatement();
  const name = nameOf(memberId) ?? t('commission.unknownRep');
  const data = statement.data;
  const heading = t('commission.statementOf', { name });
  // The API refused the approval because the draft moved on: it was read again (useApproveStatement), and says so.
  const changed = isApiError(approve.error) && approve.error.code === 'COMMISSION.STATEMENT_CHANGED';
  const send = (shown: CommissionStatementView) => approve.mutate({ memberId, period: shown.period, start: shown.start, totalMinor: shown.totalMinor });

  let body;
  if (statement.isError && !data) body = <ErrorMessage title={t('commission.failed')} error={statement.error} onRetry={() => void statement.refetch()} />;
  else if (!data) body = <StatementSkeleton label={t('app.loading')} />;
  else if (data.planId === null) body = <Body1>{t('commission.noPlanFor', { name })}</Body1>;
  else
    body = (
      <StatementView
        statement={data}
        productName={productName}
        heading={<Subtitle2 as="h3">{commissionPeriod(translator, data.period, data.start)}</Subtitle2>}
        actions={
          <>
            {approve.isSuccess && data.status === 'approved' ? (
              <Notice intent="success">{t('commission.approvedNotice', { name, period: commissionPeriod(translator, data.period, data.start) })}</Notice>
            ) : null}
            {approve.error ? <ErrorMessage title={changed ? t('commission.reloaded') : undefined} error={approve.error} /> : null}
            {data.status === 'draft' ? (
              <div className={styles.nav}>
                <Button appearance="primary" disabled={approve.isPending || statement.isFetching} onClick={() => send(data)}>
                  {approve.isPending ? t('commission.approving') : t('commission.approve', { amount: minorMoney(translator, data.totalMinor, data.currency) })}
                </Button>
              </div>
            ) : null}
          </>
        }
      />
    );

  return (
    <section className={styles.body} aria-label={heading}>
      <div className={styles.nav}>
        <Subtitle2 as="h3">{heading}</Subtitle2>
        <Button size="small" appearance="subtle" icon={<DismissRegular />} onClick={onClose}>
          {t('commission.close')}
        </Button>
      </div>
      {body}
    </section>
  );
}
