import { useState } from 'react';
import { Body1, Button, Caption1, Card, CardHeader, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import type { CommissionPlan } from '@rapport/shared/commissions/commission-plan.schema';
import type { Member, Product } from '@rapport/shared';
import { rateText } from '../../components/commissions/commission-format';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Notice } from '../../components/Notice';
import { useCommissionPlans, useStatementsChanged } from '../../data/commissions';
import { useRemoveRecord } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { StatementSkeleton } from './MyStatement';
import { PlanEditor } from './PlanEditor';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  plan: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  what: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  confirm: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  editor: { flexBasis: '100%', minWidth: 0 },
});

/** Admins: the tenant's commission plans, each changed or deleted here, and a new one. */
export function CommissionPlans({ members, products, currency }: { members: readonly Member[]; products: readonly Product[]; currency: string }) {
  const translator = useI18n();
  const { t, locale } = translator;
  const styles = useStyles();
  const plans = useCommissionPlans({ enabled: true });
  const remove = useRemoveRecord('commissionPlan');
  const statementsChanged = useStatementsChanged();
  // Which plan is open in the editor ('new' for a new one), which waits for its delete to be confirmed, and what was done.
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CommissionPlan | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = t('commission.plans');
  const items = (plans.data?.items ?? []) as CommissionPlan[];
  const editedPlan = editing && editing !== 'new' ? (items.find((plan) => plan.id === editing) ?? null) : null;

  const editor =
    editing !== null ? (
      <PlanEditor
        key={editing}
        plan={editedPlan}
        members={members}
        products={products}
        currency={currency}
        onSaved={(saved) => {
          setEditing(null);
          setDone(t('commission.saved', { name: saved.name }));
        }}
        onCancel={() => setEditing(null)}
        reloadPlan={async () => {
          const read = await plans.refetch();
          return ((read.data?.items ?? []) as CommissionPlan[]).find((plan) => plan.id === editing) ?? null;
        }}
      />
    ) : null;

  let body;
  if (plans.isError && !plans.data) body = <ErrorMessage title={t('commission.plansFailed')} error={plans.error} onRetry={() => void plans.refetch()} />;
  else if (!plans.data) body = <StatementSkeleton label={t('app.loading')} />;
  else if (items.length === 0 && editing === null) body = <Body1>{t('commission.noPlans')}</Body1>;
  else
    body = (
      <ul className={styles.list} aria-label={heading}>
        {items.map((plan) => (
          <li key={plan.id} className={styles.plan}>
            <div className={styles.what}>
              <Body1 className={styles.name}>{plan.name}</Body1>
              <Caption1 className={styles.muted}>
                {t('commission.planSummary', {
                  period: t(`goals.period.${plan.period}`),
                  from: plan.from,
                  reps: plan.memberIds.length,
                  mode: t(`commission.mode.${plan.mode}`),
                })}
              </Caption1>
              <Caption1 className={styles.muted}>{plan.tiers.map((tier) => `≥ ${rateText(locale, tier.fromPercent)}: ${rateText(locale, tier.rate)}`).join(' · ')}</Caption1>
            </div>
            <div className={styles.actions}>
              <Button size="small" icon={<EditRegular />} aria-label={t('commission.edit', { name: plan.name })} onClick={() => {
                  setDone(null);
                  setEditing(plan.id);
                }}>
                {t('commission.change')}
              </Button>
              <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('commission.delete', { name: plan.name })} title={t('commission.delete', { name: plan.name })} onClick={() => setDeleting(plan)} />
            </div>
            {deleting?.id === plan.id ? (
              <div className={styles.confirm} role="group" aria-label={t('commission.delete', { name: plan.name })}>
                <Body1>{t('commission.confirmDelete', { name: plan.name })}</Body1>
                <Button
                  size="small"
                  appearance="primary"
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(
                      { record: plan as never },
                      {
                        onSuccess: () => {
                          setDeleting(null);
                          setDone(t('commission.deleted', { name: plan.name }));
                          statementsChanged();
                        },
                      },
                    )
                  }
                >
                  {t('commission.delete', { name: plan.name })}
                </Button>
                <Button size="small" onClick={() => {
                    remove.reset();
                    setDeleting(null);
                  }}>
                  {t('commission.plan.cancel')}
                </Button>
                {remove.error ? <ErrorMessage error={remove.error} onRetry={() => void plans.refetch()} /> : null}
              </div>
            ) : null}
            {editing === plan.id ? <div className={styles.editor}>{editor}</div> : null}
          </li>
        ))}
      </ul>
    );

  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h2">{heading}</Subtitle2>} />
      <section className={styles.body} aria-label={heading}>
        <Caption1 className={styles.muted}>{t('commission.plansHelp')}</Caption1>
        {done ? (
          <Notice intent="success">
            <span role="status">{done}</span>
          </Notice>
        ) : null}
        {body}
        {editing === 'new' ? editor : (
          <div>
            <Button icon={<AddRegular />} onClick={() => {
                setDone(null);
                setEditing('new');
              }}>
              {t('commission.newPlan')}
            </Button>
          </div>
        )}
      </section>
    </Card>
  );
}
