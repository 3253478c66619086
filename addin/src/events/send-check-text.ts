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

  // One thing the rep should know about a recipient, under their name.
  const said = (alert: SendAlert, now: Date): string => {
    switch (alert.kind) {
      case 'urgent-case':
        return t('sendcheck.urgentCase', { number: alert.number, subject: short(alert.subject) });
      case 'overdue-promise':
        return t('sendcheck.overduePromise', { subject: short(alert.subject), date: date(alert.dueAt) });
      case 'stale-deal':
        return t('sendcheck.staleDeal', { days: daysSince(alert.lastWorkedAt, now), deal: short(alert.dealName) });
      case 'never-log':
        return t(alert.list === 'tenant' ? 'sendcheck.neverLogTenant' : 'sendcheck.neverLogMine');
      default:
        return '';
    }
  };

  // What each line says, and whether it is one of the things said (a recipient's name over their own lines is not).
  type Line = { text: string; counts: boolean };
  const linesOf = (alerts: readonly SendAlert[], now: Date): Line[] => {
    const strangers = alerts.filter((alert) => alert.kind === 'not-in-crm');
    const lines: Line[] = [];
    if (strangers.length === 1) lines.push({ text: t('sendcheck.notInCrm', { who: who(strangers[0] as SendAlert) }), counts: true });
    if (strangers.length > 1) lines.push({ text: t('sendcheck.notInCrmMany', { count: strangers.length, list: strangers.map((alert) => alert.email).join(', ') }), counts: true });
    // The rest under each recipient they concern, in the order the API gave them.
    const recipients = [...new Set(alerts.filter((alert) => alert.kind !== 'not-in-crm').map((alert) => alert.email))];
    for (const email of recipients) {
      const theirs = alerts.filter((alert) => alert.kind !== 'not-in-crm' && alert.email === email);
      lines.push({ text: t('sendcheck.about', { who: who(theirs[0] as SendAlert) }), counts: false });
      // Several quiet deals of one customer are one thing to know: one line, the shortest silence first.
      const stale = theirs.filter((alert): alert is Extract<SendAlert, { kind: 'stale-deal' }> => alert.kind === 'stale-deal');
      for (const alert of theirs) {
        if (alert.kind === 'stale-deal' && stale.length > 1) {
          if (alert !== stale[0]) continue;
          const days = Math.min(...stale.map((deal) => daysSince(deal.lastWorkedAt, now)));
          lines.push({ text: `– ${t('sendcheck.staleDeals', { days, count: stale.length, deals: stale.map((deal) => `“${short(deal.dealName)}”`).join(', ') })}`, counts: true });
          continue;
        }
        lines.push({ text: `– ${said(alert, now)}`, counts: true });
      }
    }
    return lines;
  };

  return {
    t,
    alertText(alerts, now) {
      const lines = linesOf(alerts, now);
      const shown: Line[] = [];
      let length = 0;
      for (const line of lines) {
        const text = line.text.length > LINES_BUDGET ? `${line.text.slice(0, LINES_BUDGET - 1)}…` : line.text;
        if (length + text.length + 1 > LINES_BUDGET) break;
        shown.push({ ...line, text });
        length += text.length + 1;
      }
      // A recipient's name with none of their lines under it says nothing.
      if (shown.length > 0 && !shown[shown.length - 1]?.counts) shown.pop();
      const left = lines.filter((line) => line.counts).length - shown.filter((line) => line.counts).length;
      return [...shown.map((line) => line.text), ...(left > 0 ? [t('sendcheck.more', { count: left })] : [])].join('\n');
    },
  };
}
