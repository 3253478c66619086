import { useMemo, useState } from 'react';
import { Body1, Button, Caption1, Spinner, Subtitle2, Switch, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import { useOperation } from '../data/queries';
import { useCapabilities } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import { today } from './MyDay';
import { WorkCounters } from './WorkCounters';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  controls: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: {
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke2,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  cancelled: { textDecorationLine: 'line-through' },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
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
 * the team's. Each entry shows time, subject, how it is held, its status or outcome, and whose it is.
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
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const move = (direction: number) =>
    setAnchor((current) => {
      const next = new Date(current);
      next.setDate(next.getDate() + direction * (span === 'week' ? 7 : 1));
      return next;
    });

  const days = data ? groupByDay(data.appointments) : [];
  // What needs attention among the appointments shown: past ones still planned (no outcome logged), today's, later ones.
  const work = data ? countWork(data.appointments) : null;
  return (
    <section className={styles.view} aria-label={t('calendar.label')} aria-busy={agenda.isFetching}>
      <div className={styles.controls}>
        <TabList size="small" selectedValue={span} onTabSelect={(_, data) => setSpan(data.value as Span)} aria-label={t('calendar.label')}>
          <Tab value="day">{t('calendar.day')}</Tab>
          <Tab value="week">{t('calendar.week')}</Tab>
        </TabList>
        <Button size="small" onClick={() => move(-1)}>
          {t('calendar.previous')}
        </Button>
        <Button size="small" onClick={() => setAnchor(new Date())}>
          {t('calendar.today')}
        </Button>
        <Button size="small" onClick={() => move(1)}>
          {t('calendar.next')}
        </Button>
        {viewTeam ? <Switch checked={team} onChange={(_, data) => setTeam(data.checked)} label={t('calendar.team')} /> : null}
      </div>
      {agenda.isPending ? <Spinner size="small" label={t('app.loading')} /> : null}
      {agenda.isError ? <ErrorMessage error={agenda.error} onRetry={() => void agenda.refetch()} /> : null}
      {work && data ? (
        <WorkCounters label={t('calendar.counters')} overdue={work.overdue} dueToday={work.dueToday} planned={work.planned} plannedLabel="timeline.plannedLater" capped={data.capped} size="small" />
      ) : null}
      {data && days.length === 0 ? <Body1>{t('calendar.none')}</Body1> : null}
      {days.map(([day, appointments]) => (
        <div key={day}>
          <Subtitle2 as="h2">{dayHeading.format(new Date(appointments[0]?.at ?? day))}</Subtitle2>
          <ul className={styles.list} aria-label={dayHeading.format(new Date(appointments[0]?.at ?? day))}>
            {appointments.map((appointment) => {
              const ends = new Date(Date.parse(appointment.at) + (appointment.durationMinutes ?? 0) * 60_000);
              const owner = data?.owners[appointment.ownerId]?.displayName;
              const details = [
                appointment.contactMethod ? t(`method.${appointment.contactMethod}`) : null,
                appointment.outcome ? t(`outcome.${appointment.outcome}`) : t(`status.${appointment.status}`),
                team && owner ? owner : null,
              ].filter(Boolean);
              return (
                <li key={appointment.id} className={styles.entry}>
                  <Body1 className={appointment.status === 'cancelled' ? styles.cancelled : undefined}>
                    {clock.format(new Date(appointment.at))}–{clock.format(ends)} {appointment.subject}
                  </Body1>
                  <Caption1 className={styles.meta}>{details.join(' · ')}</Caption1>
                </li>
              );
            })}
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
