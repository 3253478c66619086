import { fromMinor } from '@rapport/shared/money/money.rules';
import type { Quote } from '@rapport/shared/quotes/quote.schema';
import { quoteExpired, quoteReference } from '@rapport/shared/quotes/quote.rules';
import type { Translator } from '../../i18n/i18n';
import type { BadgeTone } from '../StatusBadge';

// Where a quote is, in the rep's words: its status (a sent quote past its date is expired), what happened to it (opened,
// answered, replaced) and the line that names it in a list, "Q-3 v2 · Sent · €2,783.00".

export type ShownStatus = Quote['status'] | 'expired';

export function shownStatus(quote: Pick<Quote, 'status' | 'validUntil'>, now: Date): ShownStatus {
  return quote.status === 'sent' && quoteExpired(quote, now) ? 'expired' : quote.status;
}

export const statusTones: Record<ShownStatus, BadgeTone> = {
  draft: 'subtle',
  sent: 'brand',
  accepted: 'success',
  declined: 'danger',
  superseded: 'informative',
  expired: 'severe',
};

/** An amount the API gives in minor units, in the user's locale: "€2,783.00". */
export function minorMoney(translator: Pick<Translator, 'money'>, minor: number, currency: string): string {
  return translator.money(fromMinor(minor, currency), currency);
}

/** "Q-3 v2 · Sent · €2,783.00". */
export function quoteSummary(translator: Translator, quote: Quote, now: Date): string {
  return translator.t('quotes.summary', {
    reference: quoteReference(quote),
    status: translator.t(`quotes.status.${shownStatus(quote, now)}`),
    total: minorMoney(translator, quote.totals.total, quote.currency),
  });
}

/** A percentage as the locale writes it: "21%", "21 %", "7,5 %". */
export function percentText(locale: string, percent: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(percent / 100);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago, as people say it: "5 minutes ago", "2 hours ago", "yesterday". */
export function timeAgo(locale: string, iso: string, now: Date): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const past = Math.max(0, now.getTime() - Date.parse(iso));
  if (past < HOUR) return format.format(-Math.max(1, Math.round(past / MINUTE)), 'minute');
  if (past < DAY) return format.format(-Math.round(past / HOUR), 'hour');
  return format.format(-Math.round(past / DAY), 'day');
}

/**
 * What happened to the quote, in one line: opened (or not yet), accepted by whom, declined and why, expired, replaced by
 * which version (found among `others`, the deal's quotes). Null when there is nothing to add to its status.
 */
export function quoteDetail(translator: Translator, quote: Quote, others: readonly Quote[], now: Date): string {
  const { t, date, locale } = translator;
  switch (shownStatus(quote, now)) {
    case 'draft':
      return t('quotes.detail.draft');
    case 'expired':
      return t('quotes.detail.expired', { date: date(quote.validUntil) });
    case 'sent':
      return quote.lastOpenedAt ? t('quotes.detail.opened', { ago: timeAgo(locale, quote.lastOpenedAt, now) }) : t('quotes.detail.notOpened', { date: date(quote.sentAt ?? quote.updatedAt) });
    case 'accepted': {
      const at = date(quote.answer?.at ?? quote.updatedAt);
      return quote.answer?.name ? t('quotes.detail.accepted', { name: quote.answer.name, date: at }) : t('quotes.detail.acceptedNoName', { date: at });
    }
    case 'declined':
      return quote.answer?.reason ? t('quotes.detail.declined', { reason: quote.answer.reason }) : t('quotes.detail.declinedNoReason', { date: date(quote.answer?.at ?? quote.updatedAt) });
    case 'superseded': {
      const newer = others.find((other) => other.id === quote.supersededBy);
      return newer ? t('quotes.detail.replacedBy', { version: quoteReference(newer) }) : t('quotes.detail.replaced');
    }
  }
}
