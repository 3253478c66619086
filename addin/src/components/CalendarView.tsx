import { useMemo, useState } from 'react';
import { Body1, Button, Caption1, Spinner, Subtitle2, Switch, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import { useOperation } from '../data/queries';
import { useCapabilities } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { AgendaEntry, timeSpan } from './AgendaEntry';
import { ErrorMessage } from './ErrorMessage';

import { today } from '../data/today';
import { WorkCounters } from './WorkCounters';
import { calendarIcons } from './appointment-icons';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Two rows, each one line at 320 px: where (the range, and moving it), then how (a day or a week, mine or the team's).
  toolbar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  range: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  span: { flexGrow: 1, minWidth: 0 },
  team: { flexShrink: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Span = 'day' | 'week';

/** Local midnight of a day, and the range a day or a week (Monday to Sunday) covers from it. */
function rangeOf(anchor: Date, span: Span): { start: Date; end: Date } {
  const start = new Date(anchor);
  start.setHours(0, 0, 0, 0);
  if (span === 'week') start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  const end = new Date(start);
  end.setDate(end.getDate() + (span === 'week' ? 7 : 1));
  return { start, end };
}

/**
 * The calendar of appointments, as an agenda by day or by week: the user's own, or (for a manager)
 * the team's. Each entry shows time, subject, how it is held, its status or outcome, with whom, and whose it is.
 */
export function CalendarView() {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [span, setSpan] = useState<Span>('week');
  const [anchor, setAnchor] = useState(() => new Date());
  const [team, setTeam] = useState(false);
  const { viewTeam } = useCapabilities();
  const { start, end } = useMemo(() => rangeOf(anchor, span), [anchor, span]);
  // Each range and scope is its own read: an old answer is never shown as the new one.
  const agenda = useOperation('appointments', { query: { from: start.toISOString(), to: end.toISOString(), scope: team ? 'team' : 'mine' } });
  const data = agenda.data;

  const dayHeading = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' });
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const move = (direction: number) =>
    setAnchor((current) => {
      const next = new Date(current);
      next.setDate(next.getDate() + direction * (span === 'week' ? 7 : 1));
      return next;
    });
  const lastDay = new Date(end);
  lastDay.setDate(lastDay.getDate() - 1);
  const range =
    span === 'week'
      ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).formatRange(start, lastDay)
      : new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(start);
  const tool = (name: 'previous' | 'today' | 'next', onClick: () => void) => {
    const Icon = calendarIcons[name];
    const label = t(`calendar.${name}`);
    return <Button size="small" appearance="subtle" icon={<Icon />} aria-label={label} title={label} onClick={onClick} />;
  };

  const days = data ? groupByDay(data.appointments) : [];
  // What needs attention among the appointments shown: past ones still planned (no outcome logged), today's, later ones.
  const work = data ? countWork(data.appointments) : null;
  return (
    <section className={styles.view} aria-label={t('calendar.label')} aria-busy={agenda.isFetching}>
      <div className={styles.toolbar}>
        <div className={styles.bar}>
          <Subtitle2 className={styles.range} aria-live="polite">
            {range}
          </Subtitle2>
          {tool('previous', () => move(-1))}
          {tool('today', () => setAnchor(new Date()))}
          {tool('next', () => move(1))}
        </div>
        <div className={styles.bar}>
          <TabList className={styles.span} size="small" selectedValue={span} onTabSelect={(_, data) => setSpan(data.value as Span)} aria-label={t('calendar.label')}>
            <Tab value="day">{t('calendar.day')}</Tab>
            <Tab value="week">{t('calendar.week')}</Tab>
          </TabList>
          {viewTeam ? (
            <Switch
              className={styles.team}
              checked={team}
              onChange={(_, data) => setTeam(data.checked)}
              // The short label is what fits; the switch's name says it whole.
              label={t('calendar.teamShort')}
              aria-label={t('calendar.team')}
              title={t('calendar.team')}
            />
          ) : null}
        </div>
      </div>
      {agenda.isPending ? <Spinner size="small" label={t('app.loading')} /> : null}
      {agenda.isError ? <ErrorMessage error={agenda.error} onRetry={() => void agenda.refetch()} /> : null}
      {work && data ? (
        <WorkCounters label={t('calendar.counters')} overdue={work.overdue} dueToday={work.dueToday} planned={work.planned} plannedLabel="timeline.plannedLater" capped={data.capped} size="small" />
      ) : null}
      {data && days.length === 0 ? (
        <Body1>{span === 'day' ? t('calendar.noneOn', { day: dayHeading.format(start) }) : t('calendar.noneIn', { range })}</Body1>
      ) : null}
      {days.map(([day, appointments]) => (
        <div key={day}>
          <Subtitle2 as="h2">{dayHeading.format(new Date(appointments[0]?.at ?? day))}</Subtitle2>
          <ul className={styles.list} aria-label={dayHeading.format(new Date(appointments[0]?.at ?? day))}>
            {appointments.map((appointment) => (
              <AgendaEntry
                key={appointment.id}
                activity={appointment}
                when={timeSpan(clock, appointment)}
                owner={team ? data?.owners[appointment.ownerId]?.displayName : undefined}
                related={data?.related}
              />
            ))}
          </ul>
        </div>
      ))}
      {data?.capped ? <Caption1>{t('calendar.capped')}</Caption1> : null}
    </section>
  );
}

/** Appointments by the local day they start on, in order. */
function groupByDay(appointments: Activity[]): [string, Activity[]][] {
  const days = new Map<string, Activity[]>();
  for (const appointment of appointments) {
    const start = new Date(appointment.at);
    const key = `${start.getFullYear()}-${start.getMonth()}-${start.getDate()}`;
    days.set(key, [...(days.get(key) ?? []), appointment]);
  }
  return [...days];
}

function countWork(appointments: Activity[]): { overdue: number; dueToday: number; planned: number } {
  const { dayStart, dayEnd } = today();
  const planned = appointments.filter((appointment) => appointment.status === 'planned');
  const overdue = planned.filter((appointment) => appointment.at < dayStart).length;
  const dueToday = planned.filter((appointment) => appointment.at >= dayStart && appointment.at < dayEnd).length;
  return { overdue, dueToday, planned: planned.length - overdue - dueToday };
}
