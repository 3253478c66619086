import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Deal, PipelineStage, Product } from '@rapport/shared';
import { lineItemsTotal } from '@rapport/shared/deals/deal.rules';
import type { ApiClient } from '../api/api-client';
import { useAction } from '../hooks/useAction';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBlock: tokens.spacingVerticalS },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  narrow: { width: '6em' },
  // A product's name and price can be longer than the pane is wide: the list takes the row and cuts the text, never the pane.
  product: { flex: '1 1 100%', minWidth: 0 },
  productSelect: { width: '100%', minWidth: 0, '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
  question: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/** What the lines will total once saved: a new line is priced from the catalog until the server says otherwise. */
function lineItemsTotalOf(lines: readonly { productId: string; quantity: number; unitPrice?: number; discountPercent: number }[], products: readonly Product[], currency: string): number {
  return lineItemsTotal(lines.map((line) => ({ ...line, unitPrice: line.unitPrice ?? products.find((product) => product.id === line.productId)?.unitPrice ?? 0 })), currency);
}

export type DealPanelProps = {
  api: ApiClient;
  deal: Deal;
  stages: PipelineStage[];
  products: Product[];
  /** The deal was saved; `closed` when it left the open deals. */
  onSaved: (deal: Deal, closed: boolean) => void;
};

type Closing = { outcome: 'won' | 'lost'; reason: string } | null;
type LineInput = { productId: string; quantity: number; unitPrice?: number; discountPercent: number };

/**
 * A deal's products and stage, changed from the pane: line items from the catalog (its price unless overridden,
 * quantity, discount), the stage, and closing it won or lost with a reason. Each save carries the version read.
 */
export function DealPanel({ api, deal: initial, stages, products, onSaved }: DealPanelProps) {
  const { t, money } = useI18n();
  const styles = useStyles();
  const [deal, setDeal] = useState(initial);
  const { busy, error, act } = useAction();
  const [productId, setProductId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [discount, setDiscount] = useState('0');
  const [closing, setClosing] = useState<Closing>(null);
  // Lines waiting for the rep to say whether the typed amount gives way to their total.
  const [pendingLines, setPendingLines] = useState<LineInput[] | null>(null);
  const productName = (id: string) => products.find((product) => product.id === id)?.name ?? id;
  const openStages = stages.filter((stage) => stage.kind === 'open');

  const save = (patch: Parameters<ApiClient['updateDeal']>[1]) =>
    act(async () => {
      const saved = await api.updateDeal(deal.id, patch, deal.version);
      setDeal(saved);
      onSaved(saved, saved.status !== 'open');
    });

  // Lines as the API takes them: each keeps the price it was agreed at.
  const currentLines = deal.lineItems.map(({ productId: id, quantity: count, unitPrice, discountPercent }) => ({ productId: id, quantity: count, unitPrice, discountPercent }));
  const saveLines = async (lineItems: LineInput[], amount: 'keep' | 'lines') => {
    if (await save({ lineItems, ...(amount === 'lines' ? { amountSetByHand: false } : {}) })) {
      setPendingLines(null);
      setProductId('');
      setQuantity('1');
      setDiscount('0');
    }
  };
  const addLine = async () => {
    const count = Number(quantity);
    const off = Number(discount);
    if (!productId || !(count > 0) || !(off >= 0 && off <= 100)) return;
    const lineItems = [...currentLines, { productId, quantity: count, discountPercent: off }];
    // A typed amount is never replaced without asking.
    if (deal.amountSetByHand && deal.amount !== undefined) setPendingLines(lineItems);
    else await saveLines(lineItems, 'keep');
  };
  const stageOf = (kind: 'won' | 'lost') => stages.find((stage) => stage.kind === kind);

  return (
    <div className={styles.panel} role="group" aria-label={t('deal.editOf', { name: deal.name })}>
      {error ? <ErrorMessage message={error} /> : null}
      <Caption1>{t('deal.products')}</Caption1>
      {deal.lineItems.length === 0 ? <Body1>{t('deal.noProducts')}</Body1> : null}
      <ul className={styles.lines} aria-label={t('deal.productsOf', { name: deal.name })}>
        {deal.lineItems.map((line, index) => (
          <li key={`${line.productId}:${index}`} className={styles.line}>
            <Body1>
              {t('deal.line', {
                quantity: line.quantity,
                product: productName(line.productId),
                price: money(line.unitPrice, deal.currency),
                discount: line.discountPercent,
                total: money(lineItemsTotal([line], deal.currency), deal.currency),
              })}
            </Body1>
            <Button size="small" appearance="subtle" disabled={busy || pendingLines !== null} onClick={() => void save({ lineItems: currentLines.filter((_, at) => at !== index) })}>
              {t('deal.removeLine', { product: productName(line.productId) })}
            </Button>
          </li>
        ))}
      </ul>
      {deal.amount !== undefined ? (
        <div className={styles.row}>
          <Body1>{t('deal.total', { amount: money(deal.amount, deal.currency) })}</Body1>
          <Caption1>{t(deal.amountSetByHand ? 'deal.amountByHand' : 'deal.amountFromLines')}</Caption1>
          {deal.amountSetByHand && deal.lineItems.length > 0 && !pendingLines ? (
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => void save({ amountSetByHand: false })}>
              {t('deal.useLinesTotal', { amount: money(lineItemsTotal(deal.lineItems, deal.currency), deal.currency) })}
            </Button>
          ) : null}
        </div>
      ) : null}
      {pendingLines ? (
        <div className={styles.question} role="group" aria-label={t('deal.amountQuestionLabel')}>
          <Body1>{t('deal.amountQuestion', { amount: money(deal.amount ?? 0, deal.currency) })}</Body1>
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy} onClick={() => void saveLines(pendingLines, 'lines')}>
              {t('deal.useLinesTotal', { amount: money(lineItemsTotalOf(pendingLines, products, deal.currency), deal.currency) })}
            </Button>
            <Button disabled={busy} onClick={() => void saveLines(pendingLines, 'keep')}>
              {t('deal.keepAmount', { amount: money(deal.amount ?? 0, deal.currency) })}
            </Button>
            <Button appearance="subtle" disabled={busy} onClick={() => setPendingLines(null)}>
              {t('import.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className={styles.row}>
        <Field className={styles.product} label={t('deal.product')}>
          <Select className={styles.productSelect} value={productId} onChange={(_, data) => setProductId(data.value)}>
            <option value="">{t('deal.chooseProduct')}</option>
            {products
              .filter((product) => product.active && product.currency === deal.currency)
              .map((product) => (
                <option key={product.id} value={product.id}>
                  {`${product.name} (${money(product.unitPrice, product.currency)})`}
                </option>
              ))}
          </Select>
        </Field>
        <Field label={t('deal.quantity')}>
          <Input className={styles.narrow} type="number" min={1} value={quantity} onChange={(_, data) => setQuantity(data.value)} />
        </Field>
        <Field label={t('deal.discount')}>
          <Input className={styles.narrow} type="number" min={0} max={100} value={discount} onChange={(_, data) => setDiscount(data.value)} />
        </Field>
        <Button disabled={busy || !productId || pendingLines !== null} onClick={() => void addLine()}>
          {t('deal.addProduct')}
        </Button>
      </div>
      <Field label={t('deal.stage')}>
        <Select value={deal.stage} disabled={busy || deal.status !== 'open' || pendingLines !== null} onChange={(_, data) => void save({ stage: data.value })}>
          {(deal.status === 'open' ? openStages : stages).map((stage) => (
            <option key={stage.id} value={stage.id}>
              {`${stage.name} (${stage.probability}%)`}
            </option>
          ))}
        </Select>
      </Field>
      {deal.status === 'open' && !closing ? (
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => setClosing({ outcome: 'won', reason: '' })}>
            {t('deal.closeWon')}
          </Button>
          <Button disabled={busy} onClick={() => setClosing({ outcome: 'lost', reason: '' })}>
            {t('deal.closeLost')}
          </Button>
        </div>
      ) : null}
      {closing ? (
        <form
          aria-label={t(closing.outcome === 'won' ? 'deal.closeWon' : 'deal.closeLost')}
          onSubmit={(event) => {
            event.preventDefault();
            const stage = stageOf(closing.outcome);
            if (stage) void save({ stage: stage.id, closeReason: closing.reason.trim() }).then((saved) => saved && setClosing(null));
          }}
        >
          <Field label={t(closing.outcome === 'won' ? 'deal.wonReason' : 'deal.lostReason')} required>
            <Textarea value={closing.reason} maxLength={500} onChange={(_, data) => setClosing({ ...closing, reason: data.value })} />
          </Field>
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={busy || closing.reason.trim() === ''}>
              {t('deal.confirmClose')}
            </Button>
            <Button onClick={() => setClosing(null)}>{t('import.cancel')}</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
