import { Body1, Button, Caption1, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Deal, PipelineStage, Product } from '@rapport/shared';
import { lineItemsTotal } from '@rapport/shared/deals/deal.rules';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import { lineItemsTotalOf, useDealPanel } from './useDealPanel';

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

export type DealPanelProps = {
  /** The deal as the pane read it; once saved here, the saved one shows. */
  deal: Deal;
  stages: PipelineStage[];
  products: Product[];
  /** The deal was saved; `closed` when it left the open deals. */
  onSaved: (deal: Deal, closed: boolean) => void;
};

/**
 * A deal's products and stage, changed from the pane: line items from the catalog (its price unless overridden,
 * quantity, discount), the stage, and closing it won or lost with a reason. Each save carries the version read.
 */
export function DealPanel(props: DealPanelProps) {
  const { t, money } = useI18n();
  const styles = useStyles();
  const panel = useDealPanel(props);
  const { deal, busy, pendingLines, closing } = panel;

  return (
    <div className={styles.panel} role="group" aria-label={t('deal.editOf', { name: deal.name })}>
      {panel.error ? <ErrorMessage error={panel.error} onRetry={panel.retry} /> : null}
      {panel.stale ? (
        <div>
          <Button size="small" disabled={busy} onClick={() => void panel.reload()}>
            {t('deal.reload')}
          </Button>
        </div>
      ) : null}
      <Caption1>{t('deal.products')}</Caption1>
      {deal.lineItems.length === 0 ? <Body1>{t('deal.noProducts')}</Body1> : null}
      <ul className={styles.lines} aria-label={t('deal.productsOf', { name: deal.name })}>
        {deal.lineItems.map((line, index) => (
          <li key={`${line.productId}:${index}`} className={styles.line}>
            <Body1>
              {t('deal.line', {
                quantity: line.quantity,
                product: panel.productName(line.productId),
                price: money(line.unitPrice, deal.currency),
                discount: line.discountPercent,
                total: money(lineItemsTotal([line], deal.currency), deal.currency),
              })}
            </Body1>
            <Button size="small" appearance="subtle" disabled={busy || pendingLines !== null} onClick={() => panel.removeLine(index)}>
              {t('deal.removeLine', { product: panel.productName(line.productId) })}
            </Button>
          </li>
        ))}
      </ul>
      {deal.amount !== undefined ? (
        <div className={styles.row}>
          <Body1>{t('deal.total', { amount: money(deal.amount, deal.currency) })}</Body1>
          <Caption1>{t(deal.amountSetByHand ? 'deal.amountByHand' : 'deal.amountFromLines')}</Caption1>
          {deal.amountSetByHand && deal.lineItems.length > 0 && !pendingLines ? (
            <Button size="small" appearance="subtle" disabled={busy} onClick={panel.takeLinesTotal}>
              {t('deal.useLinesTotal', { amount: money(lineItemsTotal(deal.lineItems, deal.currency), deal.currency) })}
            </Button>
          ) : null}
        </div>
      ) : null}
      {pendingLines ? (
        <div className={styles.question} role="group" aria-label={t('deal.amountQuestionLabel')}>
          <Body1>{t('deal.amountQuestion', { amount: money(deal.amount ?? 0, deal.currency) })}</Body1>
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy} onClick={() => panel.answerAmount('lines')}>
              {t('deal.useLinesTotal', { amount: money(lineItemsTotalOf(pendingLines, props.products, deal.currency), deal.currency) })}
            </Button>
            <Button disabled={busy} onClick={() => panel.answerAmount('keep')}>
              {t('deal.keepAmount', { amount: money(deal.amount ?? 0, deal.currency) })}
            </Button>
            <Button appearance="subtle" disabled={busy} onClick={panel.cancelPending}>
              {t('import.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className={styles.row}>
        <Field className={styles.product} label={t('deal.product')} validationMessage={panel.fields.product}>
          <Select className={styles.productSelect} value={panel.productId} onChange={(_, data) => panel.setProductId(data.value)}>
            <option value="">{t('deal.chooseProduct')}</option>
            {panel.offered.map((product) => (
              <option key={product.id} value={product.id}>
                {`${product.name} (${money(product.unitPrice, product.currency)})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('deal.quantity')} validationMessage={panel.fields.quantity}>
          <Input className={styles.narrow} type="number" min={1} value={panel.quantity} onChange={(_, data) => panel.setQuantity(data.value)} />
        </Field>
        <Field label={t('deal.discount')} validationMessage={panel.fields.discount}>
          <Input className={styles.narrow} type="number" min={0} max={100} value={panel.discount} onChange={(_, data) => panel.setDiscount(data.value)} />
        </Field>
        <Button disabled={busy || !panel.productId || pendingLines !== null} onClick={panel.addLine}>
          {t('deal.addProduct')}
        </Button>
      </div>
      <Field label={t('deal.stage')} validationMessage={panel.fields.stage}>
        <Select value={panel.stage} disabled={busy || deal.status !== 'open' || pendingLines !== null} onChange={(_, data) => panel.changeStage(data.value)}>
          {(deal.status === 'open' ? panel.openStages : props.stages).map((stage) => (
            <option key={stage.id} value={stage.id}>
              {`${stage.name} (${stage.probability}%)`}
            </option>
          ))}
        </Select>
      </Field>
      {deal.status === 'open' && !closing ? (
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => panel.setClosing({ outcome: 'won', reason: '' })}>
            {t('deal.closeWon')}
          </Button>
          <Button disabled={busy} onClick={() => panel.setClosing({ outcome: 'lost', reason: '' })}>
            {t('deal.closeLost')}
          </Button>
        </div>
      ) : null}
      {closing ? (
        <form
          aria-label={t(closing.outcome === 'won' ? 'deal.closeWon' : 'deal.closeLost')}
          onSubmit={(event) => {
            event.preventDefault();
            panel.close();
          }}
        >
          <Field label={t(closing.outcome === 'won' ? 'deal.wonReason' : 'deal.lostReason')} required validationMessage={panel.fields.reason}>
            <Textarea value={closing.reason} maxLength={500} onChange={(_, data) => panel.setClosing({ ...closing, reason: data.value })} />
          </Field>
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={busy || closing.reason.trim() === ''}>
              {t('deal.confirmClose')}
            </Button>
            <Button onClick={() => panel.setClosing(null)}>{t('import.cancel')}</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
