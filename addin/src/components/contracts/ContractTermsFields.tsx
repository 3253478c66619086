import { Button, Field, Input, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import type { ContractPeriod } from '@rapport/shared';
import { CONTRACT_COVERED_MAX, contractPeriods } from '@rapport/shared/contracts/contract.rules';
import { useRecordList } from '../../data/queries';
import { useTenantCurrencies } from '../../hooks/useTenantCurrencies';
import { useI18n } from '../../i18n/I18nContext';
import type { CoveredItemDraft, TermsDraft, TermsField } from './contract-terms-draft';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, border: 'none', margin: 0, padding: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  // A covered item: its name over the catalog product it is, with its remove button beside both.
  item: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS, alignItems: 'end', minWidth: 0 },
  remove: { gridRow: '1 / span 2', gridColumn: 2, alignSelf: 'center' },
  // Two short fields side by side (hours, days and months, amount and currency); each the row's width when narrow.
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: tokens.spacingHorizontalS, minWidth: 0 },
  input: { minWidth: 0, width: '100%' },
});

export type ContractTermsFieldsProps = {
  draft: TermsDraft;
  onChange: (patch: Partial<TermsDraft>) => void;
  /** What is wrong with a field, in the user's words (the form's own checks, or the API's). */
  messages: Partial<Record<TermsField, string | undefined>>;
};

/**
 * A contract's coverage and terms as fields, in four groups: what it covers (named, or products of the catalog), the
 * service level promised, how it renews, and what it is worth per period in one of the tenant's currencies.
 */
export function ContractTermsFields({ draft, onChange, messages }: ContractTermsFieldsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const products = useRecordList('product', { limit: 100 });
  const { currencies, fallback } = useTenantCurrencies(draft.currency || undefined);
  const currency = draft.currency || fallback;
  const setItem = (index: number, patch: Partial<CoveredItemDraft>) => onChange({ covered: draft.covered.map((item, at) => (at === index ? { ...item, ...patch } : item)) });
  const said = (field: TermsField) => (messages[field] ? { validationState: 'error' as const, validationMessage: messages[field] } : {});
  // A problem with the items is said at the first one without a name, else at the first.
  const unnamed = draft.covered.findIndex((item) => item.name.trim() === '');
  const coveredAt = unnamed >= 0 ? unnamed : 0;
  return (
    <>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('contract.covers')}</legend>
        {draft.covered.map((item, index) => (
          <div key={index} className={styles.item}>
            <Field label={t('contract.itemName')} {...(index === coveredAt ? said('covered') : {})}>
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
              onClick={() => onChange({ covered: draft.covered.filter((_, at) => at !== index) })}
            />
          </div>
        ))}
        {draft.covered.length < CONTRACT_COVERED_MAX ? (
          <div>
            <Button size="small" appearance="subtle" icon={<AddRegular />} onClick={() => onChange({ covered: [...draft.covered, { productId: '', name: '' }] })}>
              {t('contract.addItem')}
            </Button>
          </div>
        ) : null}
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('contract.serviceLevel')}</legend>
        <Field label={t('contract.levelName')} {...said('levelName')}>
          <Input className={styles.input} value={draft.levelName} maxLength={100} onChange={(_, data) => onChange({ levelName: data.value })} />
        </Field>
        <div className={styles.pair}>
          <Field label={t('contract.responseHours')} {...said('responseHours')}>
            <Input className={styles.input} inputMode="decimal" value={draft.responseHours} onChange={(_, data) => onChange({ responseHours: data.value })} />
          </Field>
          <Field label={t('contract.resolutionHours')} {...said('resolutionHours')}>
            <Input className={styles.input} inputMode="decimal" value={draft.resolutionHours} onChange={(_, data) => onChange({ resolutionHours: data.value })} />
          </Field>
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('contract.renewal')}</legend>
        <Switch label={t('contract.autoRenewLabel')} checked={draft.autoRenew} onChange={(_, data) => onChange({ autoRenew: data.checked })} />
        <div className={styles.pair}>
          <Field label={t('contract.noticeDays')} {...said('noticeDays')}>
            <Input className={styles.input} inputMode="numeric" value={draft.noticeDays} onChange={(_, data) => onChange({ noticeDays: data.value })} />
          </Field>
          <Field label={t('contract.termMonths')} {...said('termMonths')}>
            <Input className={styles.input} inputMode="numeric" value={draft.termMonths} onChange={(_, data) => onChange({ termMonths: data.value })} />
          </Field>
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('contract.value')}</legend>
        <div className={styles.pair}>
          <Field label={t('contract.amount')} {...said('amount')}>
            <Input className={styles.input} inputMode="decimal" value={draft.amount} onChange={(_, data) => onChange({ amount: data.value })} />
          </Field>
          {/* The tenant's currencies, its reporting currency first (the one a new contract is in unless chosen). */}
          <Field label={t('contract.currency')} {...said('currency')}>
            <Select className={styles.input} value={currency} onChange={(_, data) => onChange({ currency: data.value })}>
              {(currencies.includes(currency) ? currencies : [currency, ...currencies]).map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label={t('contract.period')}>
          <Select className={styles.input} value={draft.period} onChange={(_, data) => onChange({ period: data.value as ContractPeriod })}>
            {contractPeriods.map((period) => (
              <option key={period} value={period}>
                {t(`contract.periodName.${period}`)}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
    </>
  );
}
