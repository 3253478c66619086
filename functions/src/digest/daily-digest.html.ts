import { recordPagePath, type RecordPageKind } from '@rapport/shared';
import type { DigestContent, DigestGoal, DigestTask } from './daily-digest.content';
import { digestText, type DigestText } from './digest-text';

/** Text for HTML: every value from a record goes through this, so a subject can never become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export type RenderedDigest = { subject: string; html: string };

// Mail clients ignore style sheets: the few styles there are sit on the elements, in neutral colours.
const STYLE = {
  body: 'font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;color:#242424;max-width:640px',
  h2: 'font-size:16px;margin:20px 0 6px',
  meta: 'color:#616161',
  list: 'margin:0;padding-left:18px',
  footer: 'color:#616161;font-size:12px;margin-top:24px',
};

/**
 * The digest as an e-mail, in the member's language, times and dates in their zone. `pagesUrl` (the add-in's pages)
 * makes names links to their record pages; without it names are plain text.
 */
export function renderDigest(content: DigestContent, pagesUrl: string | undefined): RenderedDigest {
  const text = digestText[content.language];
  const format = formatters(text, content.timeZone);
  const dayName = format.longDate(content.date);
  const link = (kind: RecordPageKind, id: string, label: string) =>
    pagesUrl ? `<a href="${escapeHtml(`${pagesUrl.replace(/\/+$/, '')}${recordPagePath({ kind, id }, { lang: content.language })}`)}">${escapeHtml(label)}</a>` : escapeHtml(label);
  const section = (title: string, body: string) => `<h2 style="${STYLE.h2}">${escapeHtml(title)}</h2>${body}`;
  const list = (items: string[], empty: string, more = 0) =>
    items.length === 0 ? `<p style="${STYLE.meta}">${escapeHtml(empty)}</p>` : `<ul style="${STYLE.list}">${items.map((item) => `<li>${item}</li>`).join('')}${more > 0 ? `<li style="${STYLE.meta}">${escapeHtml(text.more(more))}</li>` : ''}</ul>`;

  const meetings = content.meetings.map((meeting) => {
    const end = meeting.durationMinutes ? `–${format.time(new Date(Date.parse(meeting.at) + meeting.durationMinutes * 60_000).toISOString())}` : '';
    const who = [meeting.contact ? link('contact', meeting.contact.id, meeting.contact.name) : null, meeting.company ? link('company', meeting.company.id, meeting.company.name) : null].filter(Boolean).join(', ');
    const deals = meeting.contact || meeting.company ? [escapeHtml(text.openDeals(meeting.openDeals)), ...(meeting.nextStep ? [escapeHtml(text.nextStep(meeting.nextStep))] : [])].join(' · ') : '';
    return `<strong>${escapeHtml(format.time(meeting.at))}${escapeHtml(end)}</strong> ${escapeHtml(meeting.subject)}${who ? `<br><span style="${STYLE.meta}">${who}${deals ? ` · ${deals}` : ''}</span>` : ''}`;
  });
  const task = (item: DigestTask, overdue: boolean) => `${escapeHtml(item.subject)} <span style="${STYLE.meta}">(${escapeHtml(overdue ? text.dueOn(format.shortDate(item.at)) : format.time(item.at))})</span>`;
  const deals = content.closing.map((deal) => {
    const amount = deal.amount !== undefined ? format.money(deal.amount, deal.currency) : text.noAmount;
    const closes = deal.expectedCloseDate ? ` · ${text.closes(format.shortDay(deal.expectedCloseDate))}` : '';
    return `${link('deal', deal.id, deal.name)} <span style="${STYLE.meta}">${escapeHtml(`${amount} · ${deal.stage}${closes}`)}</span>`;
  });
  const goals = content.goals.map((goal) => escapeHtml(goalLine(goal, text, format)));
  const team = content.team?.map((member) => {
    const items = member.items.map((item) => `${escapeHtml(item.subject)} <span style="${STYLE.meta}">(${escapeHtml(text.dueOn(format.shortDate(item.at)))})</span>`);
    return `${escapeHtml(text.teamCount(member.name, member.overdue))}${member.capped ? '+' : ''}${items.length > 0 ? `<ul style="${STYLE.list}">${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : ''}`;
  });

  const html = [
    `<!DOCTYPE html><html lang="${content.language}"><head><meta charset="utf-8"><title>${escapeHtml(text.subject(dayName))}</title></head>`,
    `<body style="${STYLE.body}">`,
    `<p><strong>${escapeHtml(text.greeting(content.name))}</strong><br>${escapeHtml(text.intro(dayName))}</p>`,
    section(text.meetings, list(meetings, text.noMeetings)),
    section(text.overdue, list(content.overdue.map((item) => task(item, true)), text.noTasks, content.moreTasks.overdue)),
    section(text.dueToday, list(content.dueToday.map((item) => task(item, false)), text.noTasks, content.moreTasks.dueToday)),
    section(text.closing, list(deals, text.noDeals)),
    section(text.pace, list(goals, text.noGoals)),
    team ? section(text.team, list(team, text.teamNone)) : '',
    pagesUrl ? `<p><a href="${escapeHtml(pagesUrl.replace(/\/+$/, ''))}/dashboard.html?lang=${content.language}">${escapeHtml(text.open)}</a></p>` : '',
    `<p style="${STYLE.footer}">${escapeHtml(text.footer)}</p>`,
    '</body></html>',
  ].join('');
  return { subject: text.subject(dayName), html };
}

/** "Won amount this month: €3,000 of €10,000 — at this rate: 82 % by 31 Dec". */
function goalLine(goal: DigestGoal, text: DigestText, format: Formatters): string {
  const value = (figure: number) => (goal.currency ? format.money(figure, goal.currency) : format.number(figure));
  const pace = goal.paceRatio !== null ? ` — ${text.atThisRate(format.percent(goal.paceRatio), format.shortDay(goal.ends))}` : '';
  return `${text.metric[goal.metric]} ${text.period[goal.period]}: ${text.progress(value(goal.actual), value(goal.target))}${pace}`;
}

type Formatters = ReturnType<typeof formatters>;

function formatters(text: DigestText, timeZone: string) {
  const { locale } = text;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  const shortDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone });
  // Calendar days (a deal's close date, a period's end) are no instants: read in UTC, they stay the day they are.
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    time: (instant: string) => time.format(new Date(instant)),
    shortDate: (instant: string) => shortDate.format(new Date(instant)),
    shortDay: (date: string) => day.format(new Date(`${date}T00:00:00Z`)),
    longDate: (date: string) => longDay.format(new Date(`${date}T00:00:00Z`)),
    percent: (ratio: number) => percent.format(ratio),
    number: (value: number) => number.format(value),
    money: (amount: number, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount),
  };
}
