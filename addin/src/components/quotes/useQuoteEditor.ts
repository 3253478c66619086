import { useMemo, useRef, useState } from 'react';
import type { Quote } from '@rapport/shared/quotes/quote.schema';
import type { ChangeInput } from '../../api/api-types';
import { useChangeQuote } from '../../data/quotes';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import { changesOf, draftOf, newLine, readDraft, type LineDraft, type QuoteDraft } from './quote-draft';

/**
 * A draft quote being changed: what the rep typed (kept through a refused save and a reload), the totals it comes to
 * as they type (the server's own arithmetic), what each field needs, and its save at the version read (If-Match).
 * Only the fields the rep changed are theirs: the others follow the quote as read, so a colleague's change to another
 * field, read again after a refused save, is kept rather than undone.
 */
export function useQuoteEditor(quote: Quote) {
  const { locale } = useI18n();
  const errorText = useErrorText();
  const change = useChangeQuote();
  const base = useMemo(() => draftOf(quote, locale), [quote, locale]);
  const baseRef = useRef(base);
  baseRef.current = base;
  const [edits, setEdits] = useState<Partial<QuoteDraft>>({});
  const draft: QuoteDraft = { ...base, ...edits };
  // Problems show once the rep tries to save (not while they type a first line).
  const [checked, setChecked] = useState(false);
  const [last, setLast] = useState<ChangeInput<'quote'> | null>(null);
  const read = readDraft(draft, locale);
  const changes = changesOf(quote, draft, read.lines, locale);
  const dirty = Object.keys(changes).length > 0;
  const valid = Object.keys(read.problems).length === 0;

  const sendChanges = async (fields: ChangeInput<'quote'>, version: number) => {
    setLast(fields);
    const saved = (await change.mutateAsync({ id: quote.id, changes: fields, version, previous: quote })) as Quote;
    // What was saved is the quote's now: those fields follow it again.
    setEdits((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field in fields))));
    return saved;
  };

  /** Saves what changed at `version` (the one read, or the latest after someone else's change); the quote as saved, or null. */
  const save = async (version = quote.version): Promise<Quote | null> => {
    setChecked(true);
    if (!valid) return null;
    if (!dirty) return quote;
    try {
      return await sendChanges(changes, version);
    } catch {
      // Said by the editor, from the mutation's error.
      return null;
    }
  };

  const edit = (patch: Partial<QuoteDraft>) => setEdits((current) => ({ ...current, ...patch }));
  // The lines are one field: the first change of one makes them all the rep's.
  const editLines = (change: (lines: LineDraft[]) => LineDraft[]) => setEdits((current) => ({ ...current, lines: change(current.lines ?? baseRef.current.lines) }));
  const editLine = (index: number, patch: Partial<LineDraft>) => editLines((lines) => lines.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  const apiFields = change.error ? errorText(change.error).fields : {};

  return {
    draft,
    edit,
    editLine,
    addLine: (taxPercent: number) => editLines((lines) => [...lines, newLine(taxPercent, locale)]),
    removeLine: (index: number) => editLines((lines) => lines.filter((_, at) => at !== index)),
    totals: read.totals,
    /** What each field needs, by its API path: the draft's own checks once the rep saved, then the API's. */
    problems: checked ? read.problems : {},
    apiFields,
    valid,
    dirty,
    checked,
    save,
    saving: change.isPending,
    error: change.error,
    /** The fields the last save sent, as the API names them. */
    sentFields: last ? Object.keys(last) : [],
    retry: () => void (last ? sendChanges(last, quote.version).catch(() => undefined) : undefined),
    reset: change.reset,
  };
}
