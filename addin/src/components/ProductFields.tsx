import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import type { ProductDraft, ProductField } from './useProductDraft';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  price: { flexGrow: 1, flexBasis: '8em', minWidth: 0 },
  priceInput: { width: '100%', minWidth: 0 },
});

/**
 * A product's name, series, unit price and currency, the currency picked from the tenant's. `problems` are what each
 * field needs, the pane's checks or the API's answer.
 */
export function ProductFields({
  draft,
  onChange,
  problems,
  currencies,
}: {
  draft: ProductDraft;
  onChange: (patch: Partial<ProductDraft>) => void;
  problems: Partial<Record<ProductField, string>>;
  currencies: string[];
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      <Field label={t('products.name')} required validationMessage={problems.name}>
        <Input value={draft.name} maxLength={200} onChange={(_, data) => onChange({ name: data.value })} />
      </Field>
      <Field label={t('products.series')} validationMessage={problems.series}>
        <Input value={draft.series} maxLength={100} onChange={(_, data) => onChange({ series: data.value })} />
      </Field>
      <div className={styles.row}>
        <Field className={styles.price} label={t('products.price')} required validationMessage={problems.unitPrice}>
          <Input className={styles.priceInput} inputMode="decimal" value={draft.price} onChange={(_, data) => onChange({ price: data.value })} />
        </Field>
        <Field label={t('products.currency')} hint={t('products.currencyHint')} validationMessage={problems.currency}>
          <Select value={draft.currency} onChange={(_, data) => onChange({ currency: data.value })}>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </>
  );
}
