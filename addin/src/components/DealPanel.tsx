import { Body1, Button, Caption1, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Deal, PipelineStage, Product } from '@rapport/shared';
import { lineItemsTotal } from '@rapport/shared/deals/deal.rules';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import { actionIcons } from './icons';
import { lineItemsTotalOf, useDealPanel } from './useDealPanel';
import { editIcons } from './editing-icons';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBlock: tokens.spacingVerticalS, minWidth: 0 },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  // A line's text takes the row and wraps; its remove button keeps its place at the end.
  line: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', alignItems: 'start', columnGap: tokens.spacingHorizontalXS },
  lineText: { overflowWrap: 'break-word' },
  total: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // Product on its own row, quantity and discount side by side under it, then the button: two columns at any width.
  addLine: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  wide: { gridColumn: '1 / -1', minWidth: 0 },
  narrow: { minWidth: 0 },
  fill: { width: '100%', minWidth: 0, maxWidth: '100%' },
  // A native list is as wide as its longest option: held to the pane, the chosen one cut with an ellipsis.
  select: { width: '100%', minWidth: 0, maxWidth: '100%', '& select': { width: '100%', minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' } },
  // Labels with a name or an amount in them wrap onto a second line rather than run past the pane.
  wrap: { maxWidth: '100%', height: 'auto', whiteSpace: 'normal', overflowWrap: 'break-word', textAlign: 'start' },
  question: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  answers: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
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
          <Button size="small" icon={<actionIcons.reload />} disabled={busy} onClick={() => void panel.reload()}>
            {t('deal.reload')}
          </Button>
        </div>
      ) : null}
      <Caption1>{t('deal.products')}</Caption1>
      {deal.lineItems.length === 0 ? <Body1>{t('deal.noProducts')}</Body1> : null}
      <ul className={styles.lines} aria-label={t('deal.productsOf', { name: deal.name })}>
        {deal.lineItems.map((line, index) => (
          <li key={`${line.productId}:${index}`} className={styles.line}>
            <Body1 className={styles.lineText}>
              {t('deal.line', {
                quantity: line.quantity,
                product: panel.productName(line.productId),
                price: money(line.unitPrice, deal.currency),
                discount: line.discountPercent,
                total: money(lineItemsTotal([line], deal.currency), deal.currency),
              })}
            </Body1>
            <Button
              size="small"
              appearance="subtle"
              icon={<editIcons.remove />}
              aria-label={t('deal.removeLine', { product: panel.productName(line.productId) })}
              title={t('deal.removeLine', { product: panel.productName(line.productId) })}
              disabled={busy || pendingLines !== null}
              onClick={() => panel.removeLine(index)}
            />
          </li>
        ))}
      </ul>
      {deal.amount !== undefined ? (
        <div className={styles.total}>
          <Body1>{t('deal.total', { amount: money(deal.amount, deal.currency) })}</Body1>
          <Caption1>{t(deal.amountSetByHand ? 'deal.amountByHand' : 'deal.amountFromLines')}</Caption1>
          {deal.amountSetByHand && deal.lineItems.length > 0 && !pendingLines ? (
            <Button className={styles.wrap} size="small" appearance="subtle" disabled={busy} onClick={panel.takeLinesTotal}>
              {t('deal.useLinesTotal', { amount: money(lineItemsTotal(deal.lineItems, deal.currency), deal.currency) })}
            </Button>
          ) : null}
        </div>
      ) : null}
      {pendingLines ? (
        <div className={styles.question} role="group" aria-label={t('deal.amountQuestionLabel')}>
          <Body1>{t('deal.amountQuestion', { amount: money(deal.amount ?? 0, deal.currency) })}</Body1>
          <div className={styles.answers}>
            <Button className={styles.wrap} appearance="primary" disabled={busy} onClick={() => panel.answerAmount('lines')}>
              {t('deal.useLinesTotal', { amount: money(lineItemsTotalOf(pendingLines, props.products, deal.currency), deal.currency) })}
            </Button>
            <Button className={styles.wrap} disabled={busy} onClick={() => panel.answerAmount('keep')}>
              {t('deal.keepAmount', { amount: money(deal.amount ?? 0, deal.currency) })}
            </Button>
            <Button appearance="subtle" disabled={busy} onClick={panel.cancelPending}>
              {t('import.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className={styles.addLine}>
        <Field className={styles.wide} label={t('deal.product')} validationMessage={panel.fields.product}>
          <Select className={styles.select} value={panel.productId} onChange={(_, data) => panel.setProductId(data.value)}>
            <option value="">{t('deal.chooseProduct')}</option>
            {panel.offered.map((product) => (
              <option key={product.id} value={product.id}>
                {`${product.name} (${money(product.unitPrice, product.currency)})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.narrow} label={t('deal.quantity')} validationMessage={panel.fields.quantity}>
          <Input className={styles.fill} type="number" min={1} value={panel.quantity} onChange={(_, data) => panel.setQuantity(data.value)} />
        </Field>
        <Field className={styles.narrow} label={t('deal.discount')} validationMessage={panel.fields.discount}>
          <Input className={styles.fill} type="number" min={0} max={100} value={panel.discount} onChange={(_, data) => panel.setDiscount(data.value)} />
        </Field>
        <div className={styles.wide}>
          <Button icon={<editIcons.add />} disabled={busy || !panel.productId || pendingLines !== null} onClick={panel.addLine}>
            {t('deal.addProduct')}
          </Button>
        </div>
      </div>
      <Field label={t('deal.stage')} validationMessage={panel.fields.stage}>
        <Select className={styles.select} value={panel.stage} disabled={busy || deal.status !== 'open' || pendingLines !== null} onChange={(_, data) => panel.changeStage(data.value)}>
          {(deal.status === 'open' ? panel.openStages : props.stages).map((stage) => (
            <option key={stage.id} value={stage.id}>
              {`${stage.name} (${stage.probability}%)`}
            </option>
          ))}
        </Select>
      </Field>
      {deal.status === 'open' && !closing ? (
        <div className={styles.row}>
          <Button icon={<editIcons.won />} disabled={busy} onClick={() => panel.setClosing({ outcome: 'won', reason: '' })}>
            {t('deal.closeWon')}
          </Button>
          <Button icon={<editIcons.lost />} disabled={busy} onClick={() => panel.setClosing({ outcome: 'lost', reason: '' })}>
            {t('deal.closeLost')}
          </Button>
        </div>
      ) : null}
      {closing ? (
        <form
          className={styles.panel}
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
