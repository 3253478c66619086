import { Button, Caption1, Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import type { Deal } from '@rapport/shared';
import { isApiError } from '../../api/api-error';
import { useDealCommission } from '../../data/commissions';
import { useMe, useMemberNames } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { minorMoney, rateText } from './commission-format';

const useStyles = makeStyles({
  // One quiet line under the deal's facts; it wraps at 320 px rather than push the pane sideways.
  line: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', minWidth: 0 },
  failed: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  skeleton: { width: '14em', maxWidth: '100%' },
});

/**
 * What a deal pays its owner under their commission plan: "If won now: pays you €360.00 (6 %)" on an open deal, "Paid
 * you …" on a won one. Asked only of deals the user may see the pay of (their own; anyone's as a manager or admin), and
 * silent when no plan pays the owner or the deal is lost.
 */
export function DealCommissionLine({ deal }: { deal: Pick<Deal, 'id' | 'ownerId' | 'status'> }) {
  const me = useMe();
  const mine = me !== null && deal.ownerId === me.userId;
  const asks = me !== null && deal.status !== 'lost' && (mine || me.capabilities.viewTeam || me.capabilities.manageSettings);
  const pay = useDealCommission(deal.id, { enabled: asks });
  const translator = useI18n();
  const { t, locale } = translator;
  const nameOf = useMemberNames();
  const styles = useStyles();
  if (!asks) return null;
  if (pay.isPending && !pay.isError)
    return (
      <Skeleton className={styles.skeleton} aria-label={t('commission.loadingLine')}>
        <SkeletonItem size={12} />
      </Skeleton>
    );
  if (pay.isError) {
    // Not theirs to see (a manager outside the owner's team) or gone: nothing to say.
    if (isApiError(pay.error) && (pay.error.status === 403 || pay.error.status === 404)) return null;
    return (
      <div className={styles.failed}>
        <Caption1>{t('commission.lineFailed')}</Caption1>
        <Button size="small" appearance="transparent" onClick={() => void pay.refetch()}>
          {t('app.retry')}
        </Button>
      </div>
    );
  }
  const answer = pay.data;
  if (answer.planId === null || deal.status === 'lost') return null;
  if (answer.missingRate !== null) return <Caption1 className={styles.line}>{t('commission.missingRate', { currency: answer.missingRate })}</Caption1>;
  const won = deal.status === 'won';
  const params = { amount: minorMoney(translator, answer.payMinor, answer.currency), rate: rateText(locale, answer.effectiveRate ?? 0), name: nameOf(answer.memberId) ?? t('commission.unknownRep') };
  const key = won ? (mine ? 'commission.paid' : 'commission.paidFor') : mine ? 'commission.ifWon' : 'commission.ifWonFor';
  const notes = [answer.noGoal ? t('commission.noGoal') : null, answer.capped ? t('commission.capped') : null].filter(Boolean);
  return (
    <Caption1 className={styles.line} data-commission-line>
      {[t(key, params), ...notes].join(' · ')}
    </Caption1>
  );
}
