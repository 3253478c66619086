import { Button, Caption1, Checkbox, Field, Input, Radio, RadioGroup, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import type { CommissionPlan } from '@rapport/shared/commissions/commission-plan.schema';
import type { CommissionMode } from '@rapport/shared/commissions/commission.rules';
import type { GoalPeriod } from '@rapport/shared/goals/goal.rules';
import type { Member, Product } from '@rapport/shared';
import { ChangeError } from '../../components/ChangeError';
import { useI18n } from '../../i18n/I18nContext';
import { usePlanEditor } from './usePlanEditor';

const useStyles = makeStyles({
  // A form's width for reading: its rows stay together on a wide screen.
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '720px' },
  // Two fields a row where there is room, one under the other at 320 px.
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))', alignItems: 'start', gap: tokens.spacingHorizontalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  reps: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 12rem), 1fr))', maxHeight: '14rem', overflowY: 'auto' },
  // A tier or product rate: its fields share the row and wrap; its remove button keeps its place at the end.
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) auto', alignItems: 'end', gap: tokens.spacingHorizontalS },
  fill: { width: '100%', minWidth: 0 },
  select: { width: '100%', minWidth: 0, '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  radioLabel: { overflowWrap: 'anywhere' },
});

const PERIODS: GoalPeriod[] = ['month', 'quarter', 'year'];
const MODES: CommissionMode[] = ['marginal', 'retroactive'];

export type PlanEditorProps = {
  /** The plan to change; null for a new one. */
  plan: CommissionPlan | null;
  members: readonly Member[];
  products: readonly Product[];
  /** The reporting currency: the cap is in it. */
  currency: string;
  onSaved: (plan: CommissionPlan) => void;
  onCancel: () => void;
  /** The plan as stored now (after someone else changed it). */
  reloadPlan: () => Promise<CommissionPlan | null>;
};

/**
 * A commission plan's form, for admins: its name, the reps it pays, its period and months, its tiers by attainment
 * (rows added and removed), marginal or retroactive, products paying their own rate, a cap and whether approved
 * expenses come off the base.
 */
export function PlanEditor(props: PlanEditorProps) {
  const { plan, members, products, currency } = props;
  const { t } = useI18n();
  const styles = useStyles();
  const editor = usePlanEditor(plan, props.onSaved);
  const { draft, fields } = editor;
  const at = (path: string) => fields[path];
  const legend = (text: string) => <legend className={styles.legend}>{text}</legend>;

  return (
    <form
      className={styles.form}
      aria-label={plan ? t('commission.edit', { name: plan.name }) : t('commission.newPlan')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        editor.save();
      }}
    >
      <Subtitle2 as="h3">{plan ? t('commission.edit', { name: plan.name }) : t('commission.newPlan')}</Subtitle2>
      <Field label={t('commission.plan.name')} required validationMessage={at('name')}>
        <Input value={draft.name} maxLength={100} onChange={(_, data) => editor.update({ name: data.value })} />
      </Field>
      <fieldset className={styles.group}>
        {legend(t('commission.plan.reps'))}
        {at('memberIds') ? <Caption1 role="alert">{at('memberIds')}</Caption1> : null}
        <div className={styles.reps}>
          {members.map((member) => (
            <Checkbox key={member.id} label={member.displayName} checked={draft.memberIds.includes(member.id)} onChange={(_, data) => editor.toggleMember(member.id, data.checked === true)} />
          ))}
        </div>
        {draft.memberIds.length === 0 ? <Caption1 className={styles.muted}>{t('commission.plan.noReps')}</Caption1> : null}
      </fieldset>
      <div className={styles.pair}>
        <Field label={t('commission.plan.period')} validationMessage={at('period')}>
          <Select className={styles.select} value={draft.period} onChange={(_, data) => editor.update({ period: data.value as GoalPeriod })}>
            {PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`goals.period.${period}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('commission.plan.from')} hint={t('commission.plan.monthHint')} validationMessage={at('from')}>
          <Input className={styles.fill} value={draft.from} placeholder="2026-11" maxLength={7} onChange={(_, data) => editor.update({ from: data.value })} />
        </Field>
        <Field label={t('commission.plan.until')} validationMessage={at('until')}>
          <Input className={styles.fill} value={draft.until} placeholder="2027-12" maxLength={7} onChange={(_, data) => editor.update({ until: data.value })} />
        </Field>
      </div>
      <fieldset className={styles.group}>
        {legend(t('commission.plan.tiers'))}
        {draft.tiers.map((tier, index) => (
          <div key={index} className={styles.row}>
            <Field label={t('commission.plan.tierFrom', { n: index + 1 })} validationMessage={at(`tiers.${index}.fromPercent`)}>
              <Input className={styles.fill} inputMode="decimal" value={tier.fromPercent} onChange={(_, data) => editor.setTier(index, { fromPercent: data.value })} />
            </Field>
            <Field label={t('commission.plan.tierRate', { n: index + 1 })} validationMessage={at(`tiers.${index}.rate`)}>
              <Input className={styles.fill} inputMode="decimal" value={tier.rate} onChange={(_, data) => editor.setTier(index, { rate: data.value })} />
            </Field>
            <Button
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={t('commission.plan.removeTier', { n: index + 1 })}
              title={t('commission.plan.removeTier', { n: index + 1 })}
              disabled={draft.tiers.length === 1}
              onClick={() => editor.removeTier(index)}
            />
          </div>
        ))}
        {at('tiers') ? <Caption1 role="alert">{at('tiers')}</Caption1> : null}
        <div>
          <Button size="small" icon={<AddRegular />} disabled={draft.tiers.length >= 10} onClick={editor.addTier}>
            {t('commission.plan.addTier')}
          </Button>
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        {legend(t('commission.plan.mode'))}
        <RadioGroup value={draft.mode} onChange={(_, data) => editor.update({ mode: data.value as CommissionMode })} aria-label={t('commission.plan.mode')}>
          {MODES.map((mode) => (
            <Radio key={mode} value={mode} label={<span className={styles.radioLabel}>{t(`commission.plan.${mode}`)}</span>} />
          ))}
        </RadioGroup>
      </fieldset>
      <fieldset className={styles.group}>
        {legend(t('commission.plan.products'))}
        <Caption1 className={styles.muted}>{t('commission.plan.productsHelp')}</Caption1>
        {at('productRates') ? <Caption1 role="alert">{at('productRates')}</Caption1> : null}
        {draft.productRates.map((rate, index) => (
          <div key={index} className={styles.row}>
            <Field label={t('commission.plan.product', { n: index + 1 })} validationMessage={at(`productRates.${index}.productId`)}>
              <Select className={styles.select} value={rate.productId} onChange={(_, data) => editor.setProductRate(index, { productId: data.value })}>
                <option value="">{t('commission.plan.chooseProduct')}</option>
                {products.map((product) => (
                  <option key={product.id} value={product.id}>
                    {product.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('commission.plan.productRate', { n: index + 1 })} validationMessage={at(`productRates.${index}.rate`)}>
              <Input className={styles.fill} inputMode="decimal" value={rate.rate} onChange={(_, data) => editor.setProductRate(index, { rate: data.value })} />
            </Field>
            <Button
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={t('commission.plan.removeProduct', { n: index + 1 })}
              title={t('commission.plan.removeProduct', { n: index + 1 })}
              onClick={() => editor.removeProductRate(index)}
            />
          </div>
        ))}
        <div>
          <Button size="small" icon={<AddRegular />} onClick={editor.addProductRate}>
            {t('commission.plan.addProduct')}
          </Button>
        </div>
      </fieldset>
      <div className={styles.pair}>
        <Field label={t('commission.plan.cap', { currency })} validationMessage={at('cap')}>
          <Input className={styles.fill} inputMode="decimal" value={draft.cap} onChange={(_, data) => editor.update({ cap: data.value })} />
        </Field>
      </div>
      <Checkbox
        label={t('commission.plan.expenses')}
        checked={draft.expensesReduceBase}
        onChange={(_, data) => editor.update({ expensesReduceBase: data.checked === true })}
      />
      {editor.fieldless ? (
        <ChangeError
          error={editor.fieldless}
          onRetry={() => editor.save()}
          onReload={() => void props.reloadPlan().then((saved) => editor.reload(saved))}
          onApplyAgain={plan ? (version) => editor.save(version) : undefined}
        />
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={editor.busy}>
          {plan ? t('commission.plan.save') : t('commission.plan.create')}
        </Button>
        <Button disabled={editor.busy} onClick={props.onCancel}>
          {t('commission.plan.cancel')}
        </Button>
      </div>
    </form>
  );
}
