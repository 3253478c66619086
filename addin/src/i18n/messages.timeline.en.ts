// The messages of My day's and the calendar's context (empty days, the next seven days' list), part of the later
// messages (messages.later.en.ts). The other locales must translate each one.
export const enTimeline = {
  'home.noAppointmentsOn': 'No appointments today, {day}.',
  'home.showPlanned': 'Show what is planned in the next 7 days ({count})',
  'home.hidePlanned': 'Hide what is planned in the next 7 days ({count})',
  'home.noPlanned': 'Nothing planned in the next 7 days.',
  'calendar.noneOn': 'No appointments on {day}.',
  'calendar.noneIn': 'No appointments in {range}.',
} as const;

export type TimelineMessages = Record<keyof typeof enTimeline, string>;
