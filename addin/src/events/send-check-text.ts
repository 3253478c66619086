import type { SendAlert } from '@rapport/shared/contract/send-check.contract';
import { daysSince } from '@rapport/shared/send-checks/send-check.rules';
import { languageOf, type Language } from '../i18n/i18n';
import { enSendChecks, type SendCheckMessages } from '../i18n/messages.sendchecks.en';
import { esSendChecks } from '../i18n/messages.sendchecks.es';
import { itSendChecks } from '../i18n/messages.sendchecks.it';
import { ptSendChecks } from '../i18n/messages.sendchecks.pt';

// The Smart Alert's words, in Office's display language. All four languages travel in events.js (a few hundred bytes):
// the event runtime cannot load a chunk later.

const catalogs: Record<Language, SendCheckMessages> = { en: enSendChecks, es: esSendChecks, pt: ptSendChecks, it: itSendChecks };

/** Outlook shows at most 500 characters of an alert. */
export const MAX_ALERT_CHARS = 500;
// Room kept for the "and N more" line.
const LINES_BUDGET = MAX_ALERT_CHARS - 40;
const MAX_SUBJECT_CHARS = 80;

export type SendCheckText = {
  t(key: keyof SendCheckMessages, params?: Record<string, string | number>): string;
  /** The alert's text for these alerts: one line each, those that do not fit counted on a last line. */
  alertText(alerts: readonly SendAlert[], now: Date): string;
};

export function sendCheckText(displayLanguage: string): SendCheckText {
  const messages = catalogs[languageOf(displayLanguage)];
  const t = (key: keyof SendCheckMessages, params: Record<string, string | number> = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  const date = (iso: string) => {
    try {
      return new Intl.DateTimeFormat(displayLanguage, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
    } catch {
      // A runtime without Intl's locale data: the date as written in the CRM.
      return iso.slice(0, 10);
    }
  };
  const who = (alert: SendAlert) => (alert.name ? `${alert.name} <${alert.email}>` : alert.email);
  const short = (text: string) => (text.length > MAX_SUBJECT_CHARS ? `${text.slice(0, MAX_SUBJECT_CHARS - 1)}…` : text);

  const linesOf = (alerts: readonly SendAlert[], now: Date): string[] => {
    const strangers = alerts.filter((alert) => alert.kind === 'not-in-crm');
    const lines: string[] = [];
    if (strangers.length === 1) lines.push(t('sendcheck.notInCrm', { who: who(strangers[0] as SendAlert) }));
    if (strangers.length > 1) lines.push(t('sendcheck.notInCrmMany', { count: strangers.length, list: strangers.map((alert) => alert.email).join(', ') }));
    for (const alert of alerts) {
      if (alert.kind === 'urgent-case') lines.push(t('sendcheck.urgentCase', { number: alert.number, who: who(alert), subject: short(alert.subject) }));
      if (alert.kind === 'overdue-promise') lines.push(t('sendcheck.overduePromise', { who: who(alert), subject: short(alert.subject), date: date(alert.dueAt) }));
      if (alert.kind === 'stale-deal') lines.push(t('sendcheck.staleDeal', { days: daysSince(alert.lastWorkedAt, now), deal: short(alert.dealName), who: who(alert) }));
    }
    return lines;
  };

  return {
    t,
    alertText(alerts, now) {
      const lines = linesOf(alerts, now);
      const shown: string[] = [];
      let length = 0;
      for (const line of lines) {
        const fitted = line.length > LINES_BUDGET ? `${line.slice(0, LINES_BUDGET - 1)}…` : line;
        if (length + fitted.length + 1 > LINES_BUDGET) break;
        shown.push(fitted);
        length += fitted.length + 1;
      }
      const left = lines.length - shown.length;
      return [...shown, ...(left > 0 ? [t('sendcheck.more', { count: left })] : [])].join('\n');
    },
  };
}
