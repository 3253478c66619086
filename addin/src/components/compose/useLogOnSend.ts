import { useEffect } from 'react';
import type { LookupResult } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { useDraftLogChoice } from '../../data/draft-log-choice';
import type { LogChoiceStore } from '../../office/draft-log-choice';
import type { DraftLogChoice } from '../../office/log-choice-property';

export type LogOnSendState = {
  /** Whether the mail will be logged after it is sent, as the pane shows it. */
  on: boolean;
  /** Whom it is logged to: the recipients who are contacts or leads, then their companies. */
  who: string[];
  /** The deals the rep may choose from: the recipient in view's open deals (and the one chosen earlier). */
  deals: { id: string; name: string }[];
  /** The deal the mail is about, or null for none. */
  deal: { id: string; name: string } | null;
  /** Still reading the draft. */
  loading: boolean;
  /** Outlook could not keep the last change. */
  saveFailed: boolean;
  setOn(on: boolean): void;
  setDeal(dealId: string): void;
};

/**
 * Log on send in a draft: on by default when a recipient is a contact or a lead (as the API's `auto` decides), the deal
 * the card starts with by default; what the rep changes is saved on the draft, where the send handler reads it.
 */
export function useLogOnSend(store: LogChoiceStore, itemKey: string, results: readonly LookupResult[], selected: LookupResult | undefined): LogOnSendState {
  const { saved, save } = useDraftLogChoice(store, itemKey);
  const stored: DraftLogChoice | null = saved.data ?? null;
  const known = results.filter((result) => result.contact || result.lead);
  const choice = stored?.choice ?? 'auto';
  const on = choice === 'auto' ? known.length > 0 : choice === 'on';
  const focus = selected?.openDeals[0];
  const deal = stored?.deal !== undefined ? stored.deal : focus ? { id: focus.id, name: focus.name } : null;
  const offered = (selected?.openDeals ?? []).map(({ id, name }) => ({ id, name }));
  const deals = deal && !offered.some((one) => one.id === deal.id) ? [deal, ...offered] : offered;

  // The line promises the focus deal: it is written on the draft, so the send handler sends what the rep read.
  const unsavedDefault = on && saved.isSuccess && stored?.deal === undefined && focus !== undefined && !save.isPending && !save.isError;
  useEffect(() => {
    if (unsavedDefault && focus) save.mutate({ choice, deal: { id: focus.id, name: focus.name } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unsavedDefault, focus?.id]);

  const people = known.map((result) => contactDisplayName((result.contact ?? result.lead) as NonNullable<LookupResult['contact'] | LookupResult['lead']>));
  const companies = known.map((result) => result.company?.name ?? result.lead?.companyName).filter((name): name is string => Boolean(name));
  return {
    on,
    who: [...new Set([...people, ...companies])],
    deals,
    deal,
    loading: saved.isPending,
    saveFailed: save.isError,
    setOn: (next) => save.mutate({ choice: next ? 'on' : 'off', ...(stored?.deal !== undefined ? { deal: stored.deal } : deal ? { deal } : {}) }),
    setDeal: (dealId) => save.mutate({ choice, deal: deals.find((one) => one.id === dealId) ?? null }),
  };
}
