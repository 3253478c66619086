import { useState } from 'react';
import { Body1, Button, Caption1, Card, CardHeader, Field, Input, Select, Spinner, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import type { ActivityPlan, ActivityPlanInput, PlanStep } from '@rapport/shared/activity-plans/activity-plan.schema';
import { MAX_DAY_OFFSET, MAX_PLAN_STEPS, plannedActivityKinds, type PlannedActivityKind } from '@rapport/shared/activity-plans/activity-plan.rules';
import type { Member } from '@rapport/shared/members/member.schema';
import type { Territory } from '@rapport/shared/territories/territory.schema';
import { ApplyPlanForm } from '../components/activity-plans/ApplyPlanForm';
import { ErrorMessage } from '../components/ErrorMessage';
import { useActivityPlans, useDeletePlan, useSavePlan } from '../data/activity-plans';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  plan: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  planHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: 'space-between' },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  step: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end', minWidth: 0, border: 'none', margin: 0, padding: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  day: { width: '5.5rem' },
  kind: { width: '8.5rem' },
  subject: { flexGrow: 1, flexBasis: '12rem', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type StepDraft = { dayOffset: string; kind: PlannedActivityKind; subject: string; durationMinutes: string };
const blankStep = (): StepDraft => ({ dayOffset: '0', kind: 'call', subject: '', durationMinutes: '' });
const draftOf = (step: PlanStep): StepDraft => ({ dayOffset: String(step.dayOffset), kind: step.kind, subject: step.subject, durationMinutes: step.durationMinutes === undefined ? '' : String(step.durationMinutes) });

/** A step as the API takes it, or null when its day or subject is not one. */
function stepOf(draft: StepDraft, notes: string | undefined): PlanStep | null {
  const day = Number(draft.dayOffset);
  const minutes = draft.durationMinutes.trim() === '' ? undefined : Number(draft.durationMinutes);
  if (!/^\d+$/.test(draft.dayOffset.trim()) || day > MAX_DAY_OFFSET || draft.subject.trim() === '') return null;
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 0)) return null;
  return { dayOffset: day, kind: draft.kind, subject: draft.subject.trim(), ...(notes ? { notes } : {}), ...(minutes !== undefined ? { durationMinutes: minutes } : {}) };
}

/**
 * The managers' activity plans: each with its steps, to edit or delete, a form for a new one, and applying a plan to a
 * team's or a territory's records. Applying one to a single record is done from the record in the pane.
 */
export function ActivityPlans({ members, territories }: { members: readonly Member[]; territories: readonly Territory[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  const plans = useActivityPlans();
  const remove = useDeletePlan();
  // null: no form; 'new': a new plan; a plan: editing it.
  const [editing, setEditing] = useState<ActivityPlan | 'new' | null>(null);
  const heading = t('plans.heading');

  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h3">{heading}</Subtitle2>} description={<Caption1>{t('plans.help')}</Caption1>} />
      <div className={styles.body}>
        {plans.isError ? <ErrorMessage title={t('plans.failed')} error={plans.error} onRetry={() => void plans.refetch()} /> : null}
        {!plans.data && !plans.isError ? <Spinner size="tiny" label={t('app.loading')} /> : null}
        {plans.data && plans.data.items.length === 0 && editing === null ? <Body1>{t('plans.empty')}</Body1> : null}
        {plans.data && plans.data.items.length > 0 ? (
          <ul className={styles.list} aria-label={heading}>
            {plans.data.items.map((plan) => (
              <li key={plan.id} className={styles.plan}>
                <div className={styles.planHead}>
                  <Body1 className={styles.name}>{plan.name}</Body1>
                  <div className={styles.actions}>
                    <Button size="small" icon={<EditRegular />} aria-label={t('plans.edit', { name: plan.name })} onClick={() => setEditing(plan)} />
                    <Button size="small" icon={<DeleteRegular />} aria-label={t('plans.delete', { name: plan.name })} disabled={remove.isPending} onClick={() => remove.mutate(plan)} />
                  </div>
                </div>
                {plan.description ? <Caption1 className={styles.muted}>{plan.description}</Caption1> : null}
                <ol className={styles.steps}>
                  {plan.steps.map((step, index) => (
                    <li key={index}>
                      <Caption1>{t('plans.stepLine', { day: step.dayOffset, kind: t(`plans.kind.${step.kind}`), subject: step.subject })}</Caption1>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        ) : null}
        {remove.error ? <ErrorMessage error={remove.error} /> : null}
        {editing === null ? (
          <div>
            <Button icon={<AddRegular />} onClick={() => setEditing('new')}>
              {t('plans.new')}
            </Button>
          </div>
        ) : (
          <PlanEditor key={editing === 'new' ? 'new' : editing.id} plan={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
        {plans.data && plans.data.items.length > 0 ? (
          <section className={styles.section} aria-label={t('plans.apply')}>
            <Subtitle2 as="h4">{t('plans.apply')}</Subtitle2>
            <ApplyPlanForm groups={{ members, territories }} />
          </section>
        ) : null}
      </div>
    </Card>
  );
}

function PlanEditor({ plan, onDone }: { plan: ActivityPlan | null; onDone: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const save = useSavePlan();
  const [name, setName] = useState(plan?.name ?? '');
  const [description, setDescription] = useState(plan?.description ?? '');
  const [steps, setSteps] = useState<StepDraft[]>(plan ? plan.steps.map(draftOf) : [blankStep()]);
  const [problem, setProblem] = useState<string | null>(null);
  const change = (index: number, changes: Partial<StepDraft>) => setSteps((all) => all.map((step, n) => (n === index ? { ...step, ...changes } : step)));

  const submit = () => {
    const parsed = steps.map((step, index) => stepOf(step, plan?.steps[index]?.notes));
    if (name.trim() === '' || parsed.some((step) => step === null) || parsed.length === 0) {
      setProblem(t('plans.invalid'));
      return;
    }
    setProblem(null);
    const input: ActivityPlanInput = { name: name.trim(), steps: parsed as PlanStep[], ...(description.trim() ? { description: description.trim() } : {}) };
    save.mutate({ plan, input }, { onSuccess: onDone });
  };

  return (
    <form
      className={styles.form}
      aria-label={plan ? t('plans.edit', { name: plan.name }) : t('plans.new')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Subtitle2 as="h4">{plan ? t('plans.edit', { name: plan.name }) : t('plans.new')}</Subtitle2>
      <Field label={t('plans.name')} required>
        <Input value={name} maxLength={200} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label={t('plans.description')}>
        <Textarea value={description} maxLength={2000} resize="vertical" onChange={(_, data) => setDescription(data.value)} />
      </Field>
      <Caption1 className={styles.muted}>{t('plans.step.dayHelp')}</Caption1>
      {steps.map((step, index) => {
        const n = index + 1;
        return (
          <fieldset key={index} className={styles.step} aria-label={t('plans.step', { n })}>
            <Field className={styles.day} label={t('plans.step.day')}>
              <Input type="number" min={0} max={MAX_DAY_OFFSET} value={step.dayOffset} aria-label={`${t('plans.step', { n })}: ${t('plans.step.day')}`} onChange={(_, data) => change(index, { dayOffset: data.value })} />
            </Field>
            <Field className={styles.kind} label={t('plans.step.kind')}>
              <Select value={step.kind} aria-label={`${t('plans.step', { n })}: ${t('plans.step.kind')}`} onChange={(_, data) => change(index, { kind: data.value as PlannedActivityKind })}>
                {plannedActivityKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`plans.kind.${kind}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field className={styles.subject} label={t('plans.step.subject')}>
              <Input value={step.subject} maxLength={300} aria-label={`${t('plans.step', { n })}: ${t('plans.step.subject')}`} onChange={(_, data) => change(index, { subject: data.value })} />
            </Field>
            <Field className={styles.day} label={t('plans.step.duration')}>
              <Input type="number" min={0} value={step.durationMinutes} aria-label={`${t('plans.step', { n })}: ${t('plans.step.duration')}`} onChange={(_, data) => change(index, { durationMinutes: data.value })} />
            </Field>
            <Button
              icon={<DeleteRegular />}
              aria-label={t('plans.step.remove', { n })}
              disabled={steps.length === 1}
              onClick={() => setSteps((all) => all.filter((_, other) => other !== index))}
            />
          </fieldset>
        );
      })}
      <div className={styles.actions}>
        <Button icon={<AddRegular />} disabled={steps.length >= MAX_PLAN_STEPS} onClick={() => setSteps((all) => [...all, blankStep()])}>
          {t('plans.step.add')}
        </Button>
      </div>
      {problem ? (
        <Caption1 role="alert" className={styles.problem}>
          {problem}
        </Caption1>
      ) : null}
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {save.isPending ? t('plans.saving') : t('plans.save')}
        </Button>
        <Button onClick={onDone}>{t('plans.cancel')}</Button>
      </div>
    </form>
  );
}
