import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { Product } from '@rapport/shared';
import { useChangeRecord } from '../data/writes';
import { useTenantCurrencies } from '../hooks/useTenantCurrencies';
import { useFormFocus } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ChangeError } from './ChangeError';
import { ProductFields } from './ProductFields';
import { useProductDraft, type ProductField } from './useProductDraft';
import { useAdminFormStyles } from './admin-form.styles';

/**
 * A product's name, price and currency changed in place, saved on the version the admin read. When another admin
 * changed it first, the admin sees who and which fields, and reloads or applies their own fields again.
 */
export function ProductEditor({
  id,
  product,
  change,
  onReload,
  onClose,
}: {
  id: string;
  product: Product;
  change: ReturnType<typeof useChangeRecord<'product'>>;
  onReload: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const styles = useAdminFormStyles();
  const errorText = useErrorText();
  const { ref, onKeyDown } = useFormFocus<HTMLFormElement>(onClose);
  // The product as the editor opened on it: only what the admin changed from it is sent, so a reload keeps others' changes.
  const [base] = useState(product);
  const { currencies, fallback } = useTenantCurrencies(base.currency);
  const { draft, edit, problems, valid, changes } = useProductDraft(base, fallback);
  const [tried, setTried] = useState(false);
  const apiFields = change.error ? errorText(change.error).fields : {};
  const shown: Partial<Record<ProductField, string>> = { ...apiFields, ...(tried ? problems : {}) };
  const onField = Object.keys(apiFields).length > 0;
  const save = (version: number) => change.mutate({ id: product.id, changes, version, previous: product }, { onSuccess: onClose });

  return (
    <form
      id={id}
      ref={ref}
      className={styles.form}
      aria-label={t('products.editing', { name: base.name })}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!valid || change.isPending) return;
        if (Object.keys(changes).length === 0) onClose();
        else save(product.version);
      }}
    >
      <ProductFields draft={draft} onChange={edit} problems={shown} currencies={currencies} />
      {change.error && !onField ? (
        <ChangeError
          error={change.error}
          onRetry={() => save(product.version)}
          onReload={() => {
            // The product as it is now; what the admin typed stays, to save again at the new version.
            change.reset();
            void onReload();
          }}
          onApplyAgain={save}
          myFields={Object.keys(changes)}
        />
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={change.isPending}>
          {t('products.save', { name: base.name })}
        </Button>
        <Button onClick={onClose}>{t('products.cancel')}</Button>
      </div>
    </form>
  );
}
