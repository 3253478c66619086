import { useState } from 'react';
import { Button, Caption1, Field, Input, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import type { Contract, ContractPeriod } from '@rapport/shared';
import { CONTRACT_COVERED_MAX, CONTRACT_NOTICE_DAYS_MAX, CONTRACT_TERM_MONTHS_MAX, contractPeriods } from '@rapport/shared/contracts/contract.rules';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import { useRecordList } from '../../data/queries';
import { useChangeRecord, useOperationWrite } from '../../data/writes';
import { useCanEdit } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { parseAmount } from '../../i18n/parse-amount';
import type { MessageKey } from '../../i18n/i18n';
import { useOpenRecord } from '../../taskpane/record-navigation';
import { ChangeError } from '../ChangeError';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { editIcons } from '../editing-icons';

const useStyles = makeStyles({
  terms: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  term: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  value: { minWidth: 0, overflowWrap: 'anywhere' },
  items: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, border: 'none', margin: 0, padding: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  // A covered item: its name over the catalog product it is, with its remove button beside both.
  item: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS, alignItems: 'end', minWidth: 0 },
  remove: { gridRow: '1 / span 2', gridColumn: 2, alignSelf: 'center' },
  // Two short fields side by side (hours, days and months, amount and currency); each the row's width when narrow.
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: tokens.spacingHorizontalS, minWidth: 0 },
  input: { minWidth: 0, width: '100%' },
});

type ItemDraft = { productId: string; name: string };
type TermsDraft = {
  covered: ItemDraft[];
  levelName: string;
  responseHours: string;
  resolutionHours: string;
  autoRenew: boolean;
  noticeDays: string;
  termMonths: string;
  amount: string;
  currency: string;
  period: ContractPeriod;
};

function draftOf(contract: Contract, locale: string): TermsDraft {
  const number = (value: number | undefined) => (value === undefined ? '' : new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 4 }).format(value));
  return {
    covered: contract.covered.map((item) => ({ productId: item.productId ?? '', name: item.name })),
    levelName: contract.serviceLevel?.name ?? '',
    responseHours: number(contract.serviceLevel?.responseHours),
    resolutionHours: number(contract.serviceLevel?.resolutionHours),
    autoRenew: contract.renewal.autoRenew,
    noticeDays: String(contract.renewal.noticeDays),
    termMonths: String(contract.renewal.termMonths),
    amount: number(contract.value?.amount),
    currency: contract.value?.currency ?? '',
    period: contract.value?.period ?? 'month',
  };
}

type Problems = Partial<Record<'covered' | 'levelName' | 'responseHours' | 'resolutionHours' | 'noticeDays' | 'termMonths' | 'amount' | 'currency', MessageKey>>;

/** The change a draft makes, or what keeps it from being sent (checked as the API checks it). */
function changesOf(draft: TermsDraft, locale: string): { changes: Record<string, unknown> } | { problems: Problems } {
  const problems: Problems = {};
  const hours = (text: string) => {
    const value = parseAmount(text, locale);
    return value === null ? null : Number.isFinite(value) && value > 0 && Number.isInteger(value * 4) ? value : Number.NaN;
  };
  const whole = (text: string, min: number, max: number) => {
    const value = parseAmount(text, locale);
    return value !== null && Number.isInteger(value) && value >= min && value <= max ? value : null;
  };
  const covered = draft.covered.map((item) => ({ ...(item.productId ? { productId: item.productId } : {}), name: item.name.trim() }));
  if (covered.some((item) => item.name === '')) problems.covered = 'contract.problem.itemName';
  const response = hours(draft.responseHours);
  const resolution = hours(draft.resolutionHours);
  if (Number.isNaN(response)) problems.responseHours = 'contract.problem.hours';
  if (Number.isNaN(resolution)) problems.resolutionHours = 'contract.problem.hours';
  const levelName = draft.levelName.trim();
  if (levelName === '' && (response !== null || resolution !== null)) problems.levelName = 'contract.problem.levelName';
  if (levelName !== '' && response === null) problems.responseHours = 'contract.problem.hours';
  const noticeDays = whole(draft.noticeDays, 0, CONTRACT_NOTICE_DAYS_MAX);
  const termMonths = whole(draft.termMonths, 1, CONTRACT_TERM_MONTHS_MAX);
  if (noticeDays === null) problems.noticeDays = 'contract.problem.days';
  if (termMonths === null) problems.termMonths = 'contract.problem.months';
  const amount = parseAmount(draft.amount, locale);
  const currency = draft.currency.trim().toUpperCase();
  if (amount !== null && (!Number.isFinite(amount) || amount < 0)) problems.amount = 'contract.problem.amount';
  if (amount !== null && !/^[A-Z]{3}$/.test(currency)) problems.currency = 'contract.problem.amount';
  if (Object.keys(problems).length > 0) return { problems };
  return {
    changes: {
      covered,
      serviceLevel: levelName === '' ? null : { name: levelName, responseHours: response, ...(resolution !== null ? { resolutionHours: resolution } : {}) },
      renewal: { autoRenew: draft.autoRenew, noticeDays, termMonths },
      value: amount === null ? null : { amount, currency, period: draft.period },
    },
  };
}

/**
 * A contract's coverage and terms (what it covers, the service level, how it renews, what it is worth), changed as a
 * whole by whoever may change the contract; and its renewal in one click: a deal and a draft quote for the next term.
 */
export function ContractTerms({ contract }: { contract: Contract }) {
  const styles = useStyles();
  const { t, money, locale } = useI18n();
  const canEdit = useCanEdit(contract) === true;
  const [draft, setDraft] = useState<TermsDraft | null>(null);
  const hours = (value: number) => new Intl.NumberFormat(locale).format(value);
  const level = contract.serviceLevel;
  const value = contract.value;
  return (
    <div className={styles.terms}>
      {draft ? (
        <TermsForm contract={contract} draft={draft} onChange={setDraft} onDone={() => setDraft(null)} />
      ) : (
        <>
          <Term label={t('contract.covers')}>
            {contract.covered.length === 0 ? (
              t('contract.coversNothing')
            ) : (
              <ul className={styles.items}>
                {contract.covered.map((item, index) => (
                  <li key={`${item.productId ?? ''}-${index}`}>{item.name}</li>
                ))}
              </ul>
            )}
          </Term>
          <Term label={t('contract.serviceLevel')}>
            {level
              ? [t('contract.response', { name: level.name, hours: hours(level.responseHours) }), level.resolutionHours !== undefined ? t('contract.resolution', { hours: hours(level.resolutionHours) }) : null]
                  .filter(Boolean)
                  .join(', ')
              : t('contract.noServiceLevel')}
          </Term>
          <Term label={t('contract.renewal')}>
            {contract.renewal.autoRenew
              ? t('contract.autoRenew', { months: contract.renewal.termMonths, days: contract.renewal.noticeDays })
              : t('contract.manualRenew', { days: contract.renewal.noticeDays })}
          </Term>
          <Term label={t('contract.value')}>{value ? t(`contract.per.${value.period}`, { amount: money(value.amount, value.currency) }) : t('contract.noValue')}</Term>
          {canEdit ? (
            <div className={styles.buttons}>
              <Button size="small" icon={<editIcons.edit />} onClick={() => setDraft(draftOf(contract, locale))}>
                {t('contract.edit')}
              </Button>
            </div>
          ) : null}
        </>
      )}
      {contract.cancelled ? null : <RenewalQuote contract={contract} />}
    </div>
  );
}

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.term}>
      <Caption1 className={styles.label}>{label}</Caption1>
      <div className={styles.value}>{children}</div>
    </div>
  );
}

/** The terms as a form: saved as a whole at the version read; a refusal keeps what was typed. */
function TermsForm({ contract, draft, onChange, onDone }: { contract: Contract; draft: TermsDraft; onChange: (draft: TermsDraft) => void; onDone: () => void }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const change = useChangeRecord('contract');
  const products = useRecordList('product', { limit: 100 });
  const [problems, setProblems] = useState<Problems>({});
  const set = (patch: Partial<TermsDraft>) => onChange({ ...draft, ...patch });
  const setItem = (index: number, patch: Partial<ItemDraft>) => set({ covered: draft.covered.map((item, at) => (at === index ? { ...item, ...patch } : item)) });
  const problem = (field: keyof Problems) => (problems[field] ? { validationState: 'error' as const, validationMessage: t(problems[field]) } : {});
  const save = (version = contract.version) => {
    const checked = changesOf(draft, locale);
    if ('problems' in checked) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    change.mutate({ id: contract.id, changes: checked.changes as never, version, previous: contract }, { onSuccess: onDone });
  };
  return (
    <form
      className={styles.form}
      aria-label={t('contract.edit')}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('contract.covers')}</legend>
        {draft.covered.map((item, index) => (
          <div key={index} className={styles.item}>
            <Field label={t('contract.itemName')} {...(index === draft.covered.findIndex((one) => one.name.trim() === '') ? problem('covered') : {})}>
              <Input className={styles.input} value={item.name} maxLength={200} onChange={(_, data) => setItem(index, { name: data.value })} />
            </Field>
            <Field label={t('contract.product')}>
              <Select
                className={styles.input}
                value={item.productId}
                onChange={(_, data) => {
                  const product = products.data?.items.find((candidate) => candidate.id === data.value);
                  setItem(index, { productId: data.value, ...(product && item.name.trim() === '' ? { name: product.name } : {}) });
                }}
              >
                <option value="">{t('contract.noProduct')}</option>
                {(products.data?.items ?? []).map((product) => (
                  <option key={product.id} value={product.id}>
                    {product.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              className={styles.remove}
              appearance="subtle"
              icon={<DismissRegular />}
              aria-label={t('contract.removeItem', { name: item.name || t('contract.itemName') })}
              title={t('contract.removeItem', { name: item.name || t('contract.itemName') })}
              onClick={() => set({ covered: draft.covered.filter((_, at) => at !== index) })}
            />
          </div>
        ))}
        {draft.covered.length < CONTRACT_COVERED_MAX ? (
          <div>
            <Button size="small" appearance="subtle" icon={<AddRegular />} onClick={() => set({ covered: [...draft.covered, { productId: '', name: '' }] })}>
              {t('contract.addItem')}
            </Button>
          </div>
        ) : null}
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('contract.serviceLevel')}</legend>
        <Field label={t('contract.levelName')} {...problem('levelName')}>
          <Input className={styles.input} value={draft.levelName} maxLength={100} onChange={(_, data) => set({ levelName: data.value })} />
        </Field>
        <div className={styles.pair}>
          <Field label={t('contract.responseHours')} {...problem('responseHours')}>
            <Input className={styles.input} inputMode="decimal" value={draft.responseHours} onChange={(_, data) => set({ responseHours: data.value })} />
          </Field>
          <Field label={t('contract.resolutionHours')} {...problem('resolutionHours')}>
            <Input className={styles.input} inputMode="decimal" value={draft.resolutionHours} onChange={(_, data) => set({ resolutionHours: data.value })} />
          </Field>
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('contract.renewal')}</legend>
        <Switch label={t('contract.autoRenewLabel')} checked={draft.autoRenew} onChange={(_, data) => set({ autoRenew: data.checked })} />
        <div className={styles.pair}>
          <Field label={t('contract.noticeDays')} {...problem('noticeDays')}>
            <Input className={styles.input} inputMode="numeric" value={draft.noticeDays} onChange={(_, data) => set({ noticeDays: data.value })} />
          </Field>
          <Field label={t('contract.termMonths')} {...problem('termMonths')}>
            <Input className={styles.input} inputMode="numeric" value={draft.termMonths} onChange={(_, data) => set({ termMonths: data.value })} />
          </Field>
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('contract.value')}</legend>
        <div className={styles.pair}>
          <Field label={t('contract.amount')} {...problem('amount')}>
            <Input className={styles.input} inputMode="decimal" value={draft.amount} onChange={(_, data) => set({ amount: data.value })} />
          </Field>
          <Field label={t('contract.currency')} {...problem('currency')}>
            <Input className={styles.input} value={draft.currency} maxLength={3} onChange={(_, data) => set({ currency: data.value.toUpperCase() })} />
          </Field>
        </div>
        <Field label={t('contract.period')}>
          <Select className={styles.input} value={draft.period} onChange={(_, data) => set({ period: data.value as ContractPeriod })}>
            {contractPeriods.map((period) => (
              <option key={period} value={period}>
                {t(`contract.periodName.${period}`)}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      {change.error ? (
        <ChangeError
          error={change.error}
          onRetry={() => save()}
          onReload={() => {
            change.reset();
            onDone();
          }}
          onApplyAgain={(version) => save(version)}
          myFields={['covered', 'serviceLevel', 'renewal', 'value']}
        />
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" size="small" disabled={change.isPending}>
          {change.isPending ? t('contract.saving') : t('contract.save')}
        </Button>
        <Button size="small" onClick={onDone}>
          {t('contract.cancelEdit')}
        </Button>
      </div>
    </form>
  );
}

/** The renewal in one click: a deal for the company and a draft quote for the next term (the same ones when asked again). */
function RenewalQuote({ contract }: { contract: Contract }) {
  const styles = useStyles();
  const { t } = useI18n();
  const openRecord = useOpenRecord();
  const make = useOperationWrite('contractRenewalQuote');
  const made = make.data;
  return (
    <>
      <div className={styles.buttons}>
        <Button appearance="primary" size="small" disabled={make.isPending} onClick={() => make.mutate({ params: { id: contract.id }, body: {} })}>
          {make.isPending ? t('contract.renewalQuoteMaking') : t('contract.renewalQuote')}
        </Button>
      </div>
      {make.error ? <ErrorMessage error={make.error} onRetry={() => make.mutate({ params: { id: contract.id }, body: {} })} /> : null}
      {made ? (
        <Notice
          intent="success"
          actions={
            <Button size="small" onClick={() => openRecord({ kind: 'deal', id: made.dealId })}>
              {t('contract.openRenewalDeal')}
            </Button>
          }
        >
          {t('contract.renewalQuoteMade', { reference: quoteReference(made) })}
        </Notice>
      ) : null}
    </>
  );
}
