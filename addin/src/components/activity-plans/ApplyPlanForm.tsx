import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Radio, RadioGroup, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ApplyPlan, ApplyPlanResult, PlanTarget } from '@rapport/shared/activity-plans/activity-plan.schema';
import type { Member } from '@rapport/shared/members/member.schema';
import type { Territory } from '@rapport/shared/territories/territory.schema';
import { ownerNames, useActivityPlans, useApplyPlan } from '../../data/activity-plans';
import { localDate } from '../../data/today';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // Side by side while they fit, one under the other at 320 px.
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, flexBasis: '9rem', minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** A plan applied to one record (from the pane), or to a team's or a territory's records (from the dashboard). */
export type ApplyPlanFormProps =
  | { record: { kind: 'contact' | 'company' | 'deal' | 'lead' | 'case'; id: string }; groups?: undefined }
  | { record?: undefined; groups: { members: readonly Member[]; territories: readonly Territory[] } };

/**
 * Applying an activity plan: which plan, from which day (today unless changed), and, from the dashboard, to which team's
 * or territory's records. Afterwards it says how many activities were planned for whom ("3 activities planned for Ana
 * and Bruno"), and how many were already there from an earlier apply.
 */
export function ApplyPlanForm(props: ApplyPlanFormProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const plans = useActivityPlans();
  const apply = useApplyPlan();
  const [planId, setPlanId] = useState('');
  const [start, setStart] = useState(() => localDate(new Date()));
  const teams = [...new Set((props.groups?.members ?? []).filter((member) => !member.deactivated && member.team).map((member) => member.team ?? ''))].sort(new Intl.Collator(locale).compare);
  const territories = props.groups?.territories ?? [];
  const [targetType, setTargetType] = useState<'team' | 'territory'>('team');
  const [team, setTeam] = useState('');
  const [records, setRecords] = useState<'openDeals' | 'companies'>('openDeals');
  const [territoryId, setTerritoryId] = useState('');
  const chosenPlan = planId || plans.data?.items[0]?.id || '';
  const chosenTeam = team || teams[0] || '';
  const chosenTerritory = territoryId || territories[0]?.id || '';

  const target: PlanTarget | null = props.record
    ? { type: 'record', ...props.record }
    : targetType === 'team'
      ? chosenTeam
        ? { type: 'team', team: chosenTeam, records }
        : null
      : chosenTerritory
        ? { type: 'territory', territoryId: chosenTerritory }
        : null;

  const submit = () => {
    if (!chosenPlan || !target || apply.isPending) return;
    const body: ApplyPlan = { target, ...(start ? { start } : {}), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    apply.mutate({ planId: chosenPlan, body });
  };

  if (plans.isError) return <ErrorMessage title={t('plans.failed')} error={plans.error} onRetry={() => void plans.refetch()} />;
  if (!plans.data) return <Spinner size="tiny" label={t('app.loading')} />;
  if (plans.data.items.length === 0) return <Body1>{t('plans.noPlans')}</Body1>;
  const planName = plans.data.items.find((plan) => plan.id === chosenPlan)?.name ?? '';

  return (
    <form
      className={styles.form}
      aria-label={planName ? t('plans.applyTo', { name: planName }) : t('plans.apply')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className={styles.row}>
        <Field className={styles.grow} label={t('plans.plan')}>
          <Select value={chosenPlan} onChange={(_, data) => setPlanId(data.value)}>
            {plans.data.items.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.grow} label={t('plans.start')}>
          <Input type="date" value={start} onChange={(_, data) => setStart(data.value)} />
        </Field>
      </div>
      {props.groups ? (
        <>
          <Field label={t('plans.target')}>
            <RadioGroup layout="horizontal" value={targetType} onChange={(_, data) => setTargetType(data.value as 'team' | 'territory')}>
              <Radio value="team" label={t('plans.target.team')} />
              <Radio value="territory" label={t('plans.target.territory')} />
            </RadioGroup>
          </Field>
          {targetType === 'team' ? (
            teams.length === 0 ? (
              <Caption1 className={styles.muted}>{t('plans.noTeams')}</Caption1>
            ) : (
              <div className={styles.row}>
                <Field className={styles.grow} label={t('plans.team')}>
                  <Select value={chosenTeam} onChange={(_, data) => setTeam(data.value)}>
                    {teams.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field className={styles.grow} label={t('plans.records')}>
                  <Select value={records} onChange={(_, data) => setRecords(data.value as 'openDeals' | 'companies')}>
                    <option value="openDeals">{t('plans.records.openDeals')}</option>
                    <option value="companies">{t('plans.records.companies')}</option>
                  </Select>
                </Field>
              </div>
            )
          ) : territories.length === 0 ? (
            <Caption1 className={styles.muted}>{t('plans.noTerritories')}</Caption1>
          ) : (
            <Field label={t('plans.territory')} hint={t('plans.territoryHelp')}>
              <Select value={chosenTerritory} onChange={(_, data) => setTerritoryId(data.value)}>
                {territories.map((territory) => (
                  <option key={territory.id} value={territory.id}>
                    {territory.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!target || apply.isPending}>
          {apply.isPending ? t('plans.applying') : t('plans.applyButton')}
        </Button>
      </div>
      {apply.error ? <ErrorMessage error={apply.error} onRetry={submit} /> : null}
      {apply.data ? <AppliedNotice result={apply.data} /> : null}
    </form>
  );
}

function AppliedNotice({ result }: { result: ApplyPlanResult }) {
  const { t, locale } = useI18n();
  const lines = [
    result.created > 0 ? t(result.created === 1 ? 'plans.result.one' : 'plans.result.other', { count: result.created, names: ownerNames(result.owners, locale) }) : t('plans.resultNone'),
    result.existing > 0 ? t(result.existing === 1 ? 'plans.resultExisting.one' : 'plans.resultExisting.other', { count: result.existing }) : null,
  ].filter(Boolean);
  return (
    <Notice intent={result.created > 0 ? 'success' : 'info'}>
      <span role="status">{lines.join(' ')}</span>
    </Notice>
  );
}
