import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
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

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none' },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  item: { display: 'flex', flexDirection: 'column', paddingBlock: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // The product as it reads, and its switch at the end of the line.
  product: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  productText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  narrow: { width: '7em' },
  meta: { color: tokens.colorNeutralForeground2 },
});

const EMPTY = { name: '', series: '', price: '', currency: 'USD' };

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
            <ProductRow key={product.id} product={product} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A product of the catalog, with its switch: each row saves on its own. */
function ProductRow({ product: listed }: { product: Product }) {
  const { t, money } = useI18n();
  const styles = useStyles();
  const change = useChangeRecord('product');
  const product = newest(listed, change.data);
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
      </div>
      {change.isError ? <ErrorMessage error={change.error} onRetry={() => change.variables && change.mutate(change.variables)} /> : null}
    </li>
  );
}

/** A new product of the catalog. Escape or Cancel closes it; so does adding it. */
function NewProduct({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const create = useCreateRecord('product');
  const { ref, onKeyDown } = useFormFocus(onClose);
  const [draft, setDraft] = useState(EMPTY);

  const price = Number(draft.price);
  const valid = draft.name.trim() !== '' && draft.price.trim() !== '' && price >= 0 && /^[A-Z]{3}$/.test(draft.currency);
  const fields = create.error ? errorText(create.error).fields : {};

  return (
    <form
      ref={ref}
      className={styles.form}
      aria-label={t('products.new')}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid || create.isPending) return;
        create.mutate(
          { input: { name: draft.name.trim(), ...(draft.series.trim() ? { series: draft.series.trim() } : {}), unitPrice: price, currency: draft.currency } },
          { onSuccess: onClose },
        );
      }}
    >
      <Field label={t('products.name')} required validationMessage={fields.name}>
        <Input value={draft.name} maxLength={200} onChange={(_, data) => setDraft({ ...draft, name: data.value })} />
      </Field>
      <Field label={t('products.series')} validationMessage={fields.series}>
        <Input value={draft.series} maxLength={100} onChange={(_, data) => setDraft({ ...draft, series: data.value })} />
      </Field>
      <div className={styles.row}>
        <Field label={t('products.price')} required validationMessage={fields.unitPrice}>
          <Input className={styles.narrow} type="number" min={0} step="0.01" value={draft.price} onChange={(_, data) => setDraft({ ...draft, price: data.value })} />
        </Field>
        <Field label={t('products.currency')} validationMessage={fields.currency}>
          <Input className={styles.narrow} value={draft.currency} maxLength={3} onChange={(_, data) => setDraft({ ...draft, currency: data.value.toUpperCase() })} />
        </Field>
      </div>
      {create.isError ? <ErrorMessage error={create.error} onRetry={() => create.variables && create.mutate(create.variables)} /> : null}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={create.isPending || !valid}>
          {t('products.add')}
        </Button>
        <Button onClick={onClose}>{t('products.cancel')}</Button>
      </div>
    </form>
  );
}
