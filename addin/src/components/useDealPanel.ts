import { useRef, useState } from 'react';
import type { Deal, Product } from '@rapport/shared';
import { lineItemsTotal } from '@rapport/shared/deals/deal.rules';
import { isApiError } from '../api/api-error';
import type { ChangeInput } from '../api/api-types';
import { useLatestRecord } from '../data/latest';
import { useChangeRecord } from '../data/writes';
import { useErrorText } from '../i18n/useErrorText';
import type { DealPanelProps } from './DealPanel';

type Closing = { outcome: 'won' | 'lost'; reason: string };
type LineInput = { productId: string; quantity: number; unitPrice?: number; discountPercent: number };
type Change = { id: string; changes: ChangeInput<'deal'>; version: number; previous: Deal };

/** What the lines will total once saved: a new line is priced from the catalog until the server says otherwise. */
export function lineItemsTotalOf(lines: readonly LineInput[], products: readonly Product[], currency: string): number {
  return lineItemsTotal(lines.map((line) => ({ ...line, unitPrice: line.unitPrice ?? products.find((product) => product.id === line.productId)?.unitPrice ?? 0 })), currency);
}

/** The first problem the API found in a field whose path matches, e.g. any line's quantity. */
function fieldMessage(fields: Record<string, string>, path: RegExp): string | undefined {
  return Object.entries(fields).find(([name]) => path.test(name))?.[1];
}

/**
 * The deal editor's state: the deal as last saved, what the rep is entering (a product line, the stage, the closing
 * reason), and its saves. Each save carries the version read; a refused one keeps the entries, and the rep reloads the
 * deal to see the other change and apply theirs again.
 */
export function useDealPanel({ deal: known, stages, products, onSaved }: DealPanelProps) {
  const errorText = useErrorText();
  const { record: deal, query } = useLatestRecord('deal', known);
  const change = useChangeRecord('deal');
  const [productId, setProductId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [discount, setDiscount] = useState('0');
  const [closing, setClosing] = useState<Closing | null>(null);
  // A stage picked but not saved yet (or refused): the list shows it until the save answers.
  const [stageDraft, setStageDraft] = useState<string | null>(null);
  // A new line waiting for the rep to say whether the typed amount gives way to the lines' total.
  const [pendingLine, setPendingLine] = useState<LineInput | null>(null);
  // What to clear once the last save succeeds, kept for its Retry.
  const afterSave = useRef<() => void>(() => undefined);

  const send = (variables: Change) =>
    change.mutate(variables, {
      onSuccess: (saved) => {
        afterSave.current();
        onSaved(saved, saved.status !== 'open');
      },
    });
  const save = (changes: ChangeInput<'deal'>, done: () => void = () => undefined) => {
    afterSave.current = done;
    send({ id: deal.id, changes, version: deal.version, previous: deal });
  };

  // Lines as the API takes them: each keeps the price it was agreed at.
  const currentLines: LineInput[] = deal.lineItems.map(({ productId: id, quantity: count, unitPrice, discountPercent }) => ({ productId: id, quantity: count, unitPrice, discountPercent }));
  const saveLines = (line: LineInput, amount: 'keep' | 'lines') =>
    save({ lineItems: [...currentLines, line], ...(amount === 'lines' ? { amountSetByHand: false } : {}) }, () => {
      setPendingLine(null);
      setProductId('');
      setQuantity('1');
      setDiscount('0');
    });
  const addLine = () => {
    const count = Number(quantity);
    const off = Number(discount);
    if (!productId || !(count > 0) || !(off >= 0 && off <= 100)) return;
    const line = { productId, quantity: count, discountPercent: off };
    // A typed amount is never replaced without asking.
    if (deal.amountSetByHand && deal.amount !== undefined) setPendingLine(line);
    else saveLines(line, 'keep');
  };
  const stageOf = (kind: 'won' | 'lost') => stages.find((stage) => stage.kind === kind);

  const reload = async () => {
    const reloaded = await query.refetch();
    if (reloaded.isSuccess) {
      change.reset();
      setStageDraft(null);
    }
  };
  // Reading the deal again failed (after a refused save, or when another write made it stale): that first.
  const error = query.isError ? query.error : change.error;
  const stale = isApiError(change.error) && change.error.code === 'RECORD.STALE_VERSION';
  const fields = change.error ? errorText(change.error).fields : {};
  return {
    deal,
    busy: change.isPending || query.isFetching,
    productName: (id: string) => products.find((product) => product.id === id)?.name ?? id,
    /** The products the deal can take: active ones in its currency. */
    offered: products.filter((product) => product.active && product.currency === deal.currency),
    openStages: stages.filter((stage) => stage.kind === 'open'),
    productId,
    setProductId,
    quantity,
    setQuantity,
    discount,
    setDiscount,
    addLine,
    removeLine: (index: number) => save({ lineItems: currentLines.filter((_, at) => at !== index) }),
    takeLinesTotal: () => save({ amountSetByHand: false }),
    pendingLines: pendingLine ? [...currentLines, pendingLine] : null,
    answerAmount: (amount: 'keep' | 'lines') => pendingLine && saveLines(pendingLine, amount),
    cancelPending: () => setPendingLine(null),
    stage: stageDraft ?? deal.stage,
    changeStage: (stage: string) => {
      setStageDraft(stage);
      save({ stage }, () => setStageDraft(null));
    },
    closing,
    setClosing,
    close: () => {
      const stage = closing && stageOf(closing.outcome);
      if (closing && stage) save({ stage: stage.id, closeReason: closing.reason.trim() }, () => setClosing(null));
    },
    error,
    /** Send the failed save again as it was (nothing answered), or read the deal again when that failed. */
    retry: () => {
      if (query.isError) void reload();
      else if (change.variables) send(change.variables as Change);
    },
    /** Someone else saved the deal first: the rep reloads it, keeping what they entered, and applies it again. */
    stale,
    reload,
    fields: {
      product: fieldMessage(fields, /^lineItems\.\d+\.productId$/),
      quantity: fieldMessage(fields, /^lineItems\.\d+\.quantity$/),
      discount: fieldMessage(fields, /^lineItems\.\d+\.discountPercent$/),
      stage: fieldMessage(fields, /^stage$/),
      reason: fieldMessage(fields, /^closeReason$/),
    },
  };
}
