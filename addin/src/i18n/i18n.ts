import { en, type MessageKey, type Messages } from './messages.en';
import type { LaterMessages } from './messages.later.en';
import type { ClientErrorCode, FirstErrorMessages, KindNames, LaterErrorMessages } from './errors/error-messages';
import type { ErrorCode } from '@rapport/shared/common/error-codes';

export type Language = 'en' | 'es' | 'pt' | 'it';
export const languages: readonly Language[] = ['en', 'es', 'pt', 'it'];

/**
 * Everything the pane says in one language. `later`, the messages of the views and forms that load on first use, comes
 * with the first of them in the pane (load-translator.ts); pages and tests that hold every language have it from the start.
 */
export type Catalog = { messages: Messages; later?: LaterMessages; errors: FirstErrorMessages; laterErrors?: LaterErrorMessages; kinds: KindNames };

/** What comes with the views that load on first use: their messages and their rules' error messages. */
export type LaterCatalog = { messages: LaterMessages; errors: LaterErrorMessages };

/** The UI language for Office's display language: `pt-BR` → pt; anything not translated → English. */
export function languageOf(displayLanguage: string): Language {
  const base = displayLanguage.toLowerCase().split(/[-_]/)[0];
  return base === 'es' || base === 'pt' || base === 'it' ? base : 'en';
}

export type Translator = {
  language: Language;
  /** The full locale for Intl, e.g. es-ES, so dates and money follow the user's region. */
  locale: string;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** What an error code means for the user and what to do, with `{kind}` and `{seconds}` filled in. */
  errorText(code: ErrorCode | ClientErrorCode, params?: { kind?: string; seconds?: number }): string;
  /** Date and time, in the browser's time zone or in `timeZone` (a mailbox's). */
  dateTime(iso: string, timeZone?: string): string;
  date(iso: string): string;
  money(amount: number, currency: string): string;
  /** Whether the messages of the views that load later are here. */
  hasLater(): boolean;
  /** Takes the messages of the views that load later, once loaded. */
  addLater(later: LaterCatalog): void;
};

/** A translator for Office's display language, with that language's catalog (loaded by load-translator.ts). */
export function createTranslator(displayLanguage: string, catalog: Catalog): Translator {
  const language = languageOf(displayLanguage);
  const locale = safeLocale(displayLanguage);
  const { messages, errors, kinds } = catalog;
  let later = catalog.later ?? null;
  let laterErrors = catalog.laterErrors ?? null;
  const text = (key: MessageKey): string =>
    (messages as Record<string, string>)[key] ?? later?.[key as keyof LaterMessages] ?? (en as Record<string, string>)[key] ?? key;
  const fill = (text: string, params?: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole));
  // Formats are made when first used (making one costs far more than using it, and a page uses few of them).
  const dateTimeFormat = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  const dateFormat = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
  // Dates without time (a deal's expected close) are calendar days: formatted in UTC so they never shift a day.
  const dayFormat = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const zonedFormats = new Map<string, Intl.DateTimeFormat>();
  return {
    language,
    locale,
    t: (key, params) => fill(text(key), params),
    errorText: (code, params = {}) => {
      // A record kind the catalog does not name reads as "this record".
      const kind = params.kind && params.kind in kinds ? kinds[params.kind as keyof KindNames] : messages['error.thisRecord'];
      // A rule of a view that loads later has its message once that view's messages are here (they come first).
      const message = (errors as Record<string, string>)[code] ?? (laterErrors as Record<string, string> | null)?.[code] ?? errors.UNKNOWN;
      return fill(message, { kind, seconds: params.seconds ?? 30 });
    },
    dateTime: (iso, timeZone) => {
      if (!timeZone) return dateTimeFormat().format(new Date(iso));
      let format = zonedFormats.get(timeZone);
      if (!format) {
        format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
        zonedFormats.set(timeZone, format);
      }
      return format.format(new Date(iso));
    },
    date: (iso) => (iso.length === 10 ? dayFormat().format(new Date(`${iso}T00:00:00Z`)) : dateFormat().format(new Date(iso))),
    money: (amount, currency) => {
      let format = moneyFormats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency });
        moneyFormats.set(currency, format);
      }
      return format.format(amount);
    },
    hasLater: () => later !== null,
    addLater: (loaded) => {
      later = loaded.messages;
      laterErrors = loaded.errors;
    },
  };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

function safeLocale(displayLanguage: string): string {
  try {
    return Intl.getCanonicalLocales(displayLanguage)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

export type { MessageKey };
