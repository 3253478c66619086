import { useId, useState } from 'react';
import { Body1, Button, Caption1, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, EditRegular } from '@fluentui/react-icons';
import type { Product } from '@rapport/shared';
import { useRecordList } from '../data/queries';
import { newest } from '../data/versions';
import { useChangeRecord, useCreateRecord } from '../data/writes';
import { useFormFocus, useOpenForm } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { QueryState } from './QueryState';
import { AddButton } from './AddButton';
import { ProductEditor } from './ProductEditor';
import { ProductFields } from './ProductFields';
import { useProductDraft } from './useProductDraft';
import { useTenantCurrencies } from '../hooks/useTenantCurrencies';
import { adminFormStyles } from './admin-form.styles';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none' },
  ...adminFormStyles,
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  item: { display: 'flex', flexDirection: 'column', paddingBlock: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // The product as it reads, and its switch at the end of the line.
  product: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  productText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Admins: the product catalog deals take their lines and prices from. A product no longer sold is switched off, not deleted. */
export function ProductsAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const products = useRecordList('product', { limit: 100 });
  const adding = useOpenForm();

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('products.help')}</Caption1>
      {adding.open ? <NewProduct onClose={adding.close} /> : <AddButton opener={adding} icon={AddRegular} label={t('products.new')} />}
      <QueryState query={products} />
      {products.data && products.data.items.length === 0 ? <Body1>{t('products.none')}</Body1> : null}
      {products.data && products.data.items.length > 0 ? (
        <ul className={styles.list} aria-label={t('products.list')}>
          {products.data.items.map((product) => (
            <ProductRow key={product.id} product={product} onReload={() => products.refetch()} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A product of the catalog, with its switch and the editor of its name, price and currency: each row saves on its own. */
function ProductRow({ product: listed, onReload }: { product: Product; onReload: () => Promise<unknown> }) {
  const { t, money } = useI18n();
  const styles = useStyles();
  const change = useChangeRecord('product');
  const product = newest(listed, change.data);
  const editor = useOpenForm();
  const editorId = useId();
  return (
    <li className={styles.item}>
      <div className={styles.product}>
        <div className={styles.productText}>
          <Body1>{product.name}</Body1>
          <Caption1 className={styles.meta}>{[product.series, money(product.unitPrice, product.currency)].filter(Boolean).join(' · ')}</Caption1>
        </div>
        <Switch
          checked={product.active}
          disabled={change.isPending}
          aria-label={t('products.sold', { name: product.name })}
          onChange={(_, data) => change.mutate({ id: product.id, changes: { active: data.checked }, version: product.version, previous: product })}
        />
        <Button
          ref={editor.triggerRef}
          appearance="subtle"
          icon={<EditRegular />}
          aria-label={t('products.edit', { name: product.name })}
          aria-expanded={editor.open}
          aria-controls={editor.open ? editorId : undefined}
          onClick={editor.open ? editor.close : editor.show}
        />
      </div>
      {editor.open ? (
        <ProductEditor id={editorId} product={product} change={change} onReload={onReload} onClose={editor.close} />
      ) : change.isError ? (
        <ErrorMessage error={change.error} onRetry={() => change.variables && change.mutate(change.variables)} />
      ) : null}
    </li>
  );
}

/** A new product of the catalog, in one of the tenant's currencies. Escape or Cancel closes it; so does adding it. */
function NewProduct({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const create = useCreateRecord('product');
  const { ref, onKeyDown } = useFormFocus(onClose);
  const { currencies, fallback } = useTenantCurrencies();
  const { draft, edit, problems, valid, fields } = useProductDraft(null, fallback);
  const [tried, setTried] = useState(false);
  const apiFields = create.error ? errorText(create.error).fields : {};
  const onField = Object.keys(apiFields).length > 0;

  return (
    <form
      ref={ref}
      className={styles.form}
      aria-label={t('products.new')}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!valid || create.isPending) return;
        const { name, unitPrice, currency, series } = fields;
        create.mutate({ input: { name, unitPrice, currency, ...(series ? { series } : {}) } }, { onSuccess: onClose });
      }}
    >
      <ProductFields draft={draft} onChange={edit} problems={{ ...apiFields, ...(tried ? problems : {}) }} currencies={currencies.length > 0 ? currencies : [fallback]} />
      {create.isError && !onField ? <ErrorMessage error={create.error} onRetry={() => create.variables && create.mutate(create.variables)} /> : null}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={create.isPending}>
          {t('products.add')}
        </Button>
        <Button onClick={onClose}>{t('products.cancel')}</Button>
      </div>
    </form>
  );
}
