import { useState } from 'react';
import type { CommissionPlan } from '@rapport/shared/commissions/commission-plan.schema';
import type { CommissionMode } from '@rapport/shared/commissions/commission.rules';
import type { GoalPeriod } from '@rapport/shared/goals/goal.rules';
import { isApiError } from '../../api/api-error';
import type { ChangeInput, CreateInput } from '../../api/api-types';
import { useStatementsChanged } from '../../data/commissions';
import { useCreateRecord, useChangeRecord } from '../../data/writes';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';

/** A plan as the form holds it: numbers as typed, so a half-typed "7," stays on screen. */
export type PlanDraft = {
  name: string;
  memberIds: string[];
  period: GoalPeriod;
  from: string;
  until: string;
  tiers: { fromPercent: string; rate: string }[];
  mode: CommissionMode;
  productRates: { productId: string; rate: string }[];
  cap: string;
  expensesReduceBase: boolean;
};

const thisMonth = () => new Date().toISOString().slice(0, 7);

export function draftOf(plan: CommissionPlan | null): PlanDraft {
  if (!plan)
    return { name: '', memberIds: [], period: 'month', from: thisMonth(), until: '', tiers: [{ fromPercent: '0', rate: '' }], mode: 'marginal', productRates: [], cap: '', expensesReduceBase: false };
  return {
    name: plan.name,
    memberIds: [...plan.memberIds],
    period: plan.period,
    from: plan.from,
    until: plan.until ?? '',
    tiers: plan.tiers.map((tier) => ({ fromPercent: String(tier.fromPercent), rate: String(tier.rate) })),
    mode: plan.mode,
    productRates: plan.productRates.map((rate) => ({ productId: rate.productId, rate: String(rate.rate) })),
    cap: plan.cap === undefined ? '' : String(plan.cap),
    expensesReduceBase: plan.expensesReduceBase,
  };
}

/** A typed number (a comma or a point before decimals); null when it is not one. */
function numberOf(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '' || !/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

// The plan's rules the API checks together, by the field it names, in the user's words (its own text is English).
function ruleMessage(path: string): MessageKey | null {
  if (path === 'tiers.0.fromPercent') return 'commission.plan.firstTier';
  if (/^tiers\.\d+\.fromPercent$/.test(path)) return 'commission.plan.tierOrder';
  if (path === 'until') return 'commission.plan.untilAfter';
  if (path === 'productRates') return 'commission.plan.productOnce';
  if (path === 'from') return 'commission.plan.periodStart';
  return null;
}

/**
 * The plan editor's state: the draft, its rows added and removed, and its save — a create, or a change at the version
 * read (If-Match). Numbers that are not numbers are said at their field before anything is sent; what the API refuses
 * (each tier above the one before, a quarter's first month…) is said at the field it names.
 */
export function usePlanEditor(plan: CommissionPlan | null, onSaved: (plan: CommissionPlan) => void) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<PlanDraft>(() => draftOf(plan));
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useCreateRecord('commissionPlan');
  const change = useChangeRecord('commissionPlan');
  const statementsChanged = useStatementsChanged();
  const write = plan ? change : create;
  const update = (changes: Partial<PlanDraft>) => setDraft((current) => ({ ...current, ...changes }));

  const parsed = () => {
    const problems: Record<string, string> = {};
    const need = (path: string, text: string, optional = false): number | undefined => {
      if (optional && text.trim() === '') return undefined;
      const value = numberOf(text);
      if (value === null) problems[path] = t('commission.plan.number');
      return value ?? undefined;
    };
    const tiers = draft.tiers.map((tier, index) => ({ fromPercent: need(`tiers.${index}.fromPercent`, tier.fromPercent) ?? 0, rate: need(`tiers.${index}.rate`, tier.rate) ?? 0 }));
    const productRates = draft.productRates.map((rate, index) => ({ productId: rate.productId, rate: need(`productRates.${index}.rate`, rate.rate) ?? 0 }));
    const cap = need('cap', draft.cap, true);
    return {
      problems,
      fields: { name: draft.name.trim(), memberIds: draft.memberIds, period: draft.period, from: draft.from, tiers, mode: draft.mode, productRates, expensesReduceBase: draft.expensesReduceBase },
      until: draft.until.trim() || undefined,
      cap,
    };
  };

  const save = (version?: number) => {
    const { problems, fields, until, cap } = parsed();
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const done = {
      onSuccess: (saved: unknown) => {
        statementsChanged();
        onSaved(saved as CommissionPlan);
      },
    };
    if (plan) {
      const changes = { ...fields, until: until ?? null, cap: cap ?? null } as ChangeInput<'commissionPlan'>;
      change.mutate({ id: plan.id, changes, version: version ?? plan.version, previous: plan }, done);
    } else {
      const input = { ...fields, ...(until ? { until } : {}), ...(cap !== undefined ? { cap } : {}) } as CreateInput<'commissionPlan'>;
      create.mutate({ input }, done);
    }
  };

  // The API's refusal by field: its rule in the user's words where we know it, else what describeError says.
  const apiFields: Record<string, string> = {};
  if (write.error) {
    const described = errorText(write.error).fields;
    const refused = isApiError(write.error) ? write.error : null;
    for (const issue of refused?.fields ?? []) {
      const rule = issue.code === 'custom' || issue.code === refused?.code ? ruleMessage(issue.path) : null;
      apiFields[issue.path] = rule ? t(rule, { period: t(`goals.period.${draft.period}`).toLowerCase() }) : (described[issue.path] ?? '');
    }
  }
  const fields = { ...apiFields, ...local };
  // Said at a field: the general box says only what no field does.
  const fieldless = write.error && Object.keys(apiFields).length === 0 ? write.error : null;

  return {
    draft,
    update,
    fields,
    fieldless,
    busy: write.isPending,
    save,
    resetError: () => write.reset(),
    setTier: (index: number, changes: Partial<PlanDraft['tiers'][number]>) => update({ tiers: draft.tiers.map((tier, at) => (at === index ? { ...tier, ...changes } : tier)) }),
    addTier: () => update({ tiers: [...draft.tiers, { fromPercent: '', rate: '' }] }),
    removeTier: (index: number) => update({ tiers: draft.tiers.filter((_, at) => at !== index) }),
    setProductRate: (index: number, changes: Partial<PlanDraft['productRates'][number]>) =>
      update({ productRates: draft.productRates.map((rate, at) => (at === index ? { ...rate, ...changes } : rate)) }),
    addProductRate: () => update({ productRates: [...draft.productRates, { productId: '', rate: '' }] }),
    removeProductRate: (index: number) => update({ productRates: draft.productRates.filter((_, at) => at !== index) }),
    toggleMember: (id: string, on: boolean) => update({ memberIds: on ? [...draft.memberIds, id] : draft.memberIds.filter((member) => member !== id) }),
    /** Drops the user's changes: the plan as saved (the list has read it again). */
    reload: (saved: CommissionPlan | null) => {
      write.reset();
      setLocal({});
      setDraft(draftOf(saved));
    },
  };
}
