import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { Product } from '@rapport/shared';
import type { ApiClient } from '../api/api-client';
import { useAction } from '../hooks/useAction';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  narrow: { width: '7em' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Admins: the product catalog deals take their lines and prices from. A product no longer sold is switched off, not deleted. */
export function ProductsAdmin({ api }: { api: ApiClient }) {
  const { t, money } = useI18n();
  const styles = useStyles();
  const { busy, error, setError, act } = useAction();
  const [products, setProducts] = useState<Product[] | null>(null);
  const [draft, setDraft] = useState({ name: '', series: '', price: '', currency: 'USD' });
  const [key, setKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    let live = true;
    api.products().then(
      (page) => live && setProducts(page.items),
      (caught: unknown) => live && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      live = false;
    };
  }, [api, setError]);

  const price = Number(draft.price);
  const valid = draft.name.trim() !== '' && draft.price.trim() !== '' && price >= 0 && /^[A-Z]{3}$/.test(draft.currency);

  return (
    <section className={styles.view} aria-label={t('products.heading')}>
      <Subtitle2 as="h2">{t('products.heading')}</Subtitle2>
      {error ? <ErrorMessage message={error} /> : null}
      <form
        className={styles.row}
        aria-label={t('products.new')}
        onSubmit={(event) => {
          event.preventDefault();
          void act(async () => {
            const created = await api.createProduct({ name: draft.name.trim(), ...(draft.series.trim() ? { series: draft.series.trim() } : {}), unitPrice: price, currency: draft.currency }, key);
            setProducts((current) => [created, ...(current ?? []).filter((product) => product.id !== created.id)]);
            setDraft({ name: '', series: '', price: '', currency: draft.currency });
            setKey(crypto.randomUUID());
          });
        }}
      >
        <Field label={t('products.name')} required>
          <Input value={draft.name} maxLength={200} onChange={(_, data) => setDraft({ ...draft, name: data.value })} />
        </Field>
        <Field label={t('products.series')}>
          <Input value={draft.series} maxLength={100} onChange={(_, data) => setDraft({ ...draft, series: data.value })} />
        </Field>
        <Field label={t('products.price')} required>
          <Input className={styles.narrow} type="number" min={0} step="0.01" value={draft.price} onChange={(_, data) => setDraft({ ...draft, price: data.value })} />
        </Field>
        <Field label={t('products.currency')}>
          <Input className={styles.narrow} value={draft.currency} maxLength={3} onChange={(_, data) => setDraft({ ...draft, currency: data.value.toUpperCase() })} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || !valid}>
          {t('products.add')}
        </Button>
      </form>
      {!products && !error ? <Body1>{t('app.loading')}</Body1> : null}
      {products ? (
        <ul className={styles.list} aria-label={t('products.list')}>
          {products.map((product) => (
            <li key={product.id} className={styles.row}>
              <div>
                <Body1>{product.name}</Body1>
                <Caption1 className={styles.meta}> · {[product.series, money(product.unitPrice, product.currency)].filter(Boolean).join(' · ')}</Caption1>
              </div>
              <Switch
                checked={product.active}
                disabled={busy}
                label={t('products.sold', { name: product.name })}
                onChange={(_, data) =>
                  void act(async () => {
                    const saved = await api.updateProduct(product.id, { active: data.checked }, product.version);
                    setProducts((current) => current?.map((candidate) => (candidate.id === saved.id ? saved : candidate)) ?? null);
                  })
                }
              />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
