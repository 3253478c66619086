import { useEffect, useState } from 'react';
import { Body1, Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity, MyDayResponse } from '@rapport/shared';
import type { ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/I18nContext';
import { WorkCounters } from './WorkCounters';
import { HeadlineFigures } from './HeadlineFigures';
import type { MessageKey } from '../i18n/i18n';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/** The bounds of the user's own calendar day, in their time zone. */
export function today(): { dayStart: string; dayEnd: string } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { dayStart: start.toISOString(), dayEnd: end.toISOString() };
}

/** My day: today's appointments, overdue and due-today tasks, and counters of what needs attention. */
export function MyDay({ api, userEmail }: { api: ApiClient; /** The mailbox's address: the dashboard opens signed in as the same person. */ userEmail: string }) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const [data, setData] = useState<MyDayResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const { dayStart, dayEnd } = today();
    api.myDay(dayStart, dayEnd).then(
      (response) => !cancelled && setData(response),
      (caught: Error) => !cancelled && setError(caught.message),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  if (error) return <Body1 role="alert">{t('app.error', { message: error })}</Body1>;
  if (!data) return <Spinner size="small" label={t('app.loading')} />;

  const list = (items: Activity[], empty: MessageKey, label: MessageKey) =>
    items.length === 0 ? (
      <Body1>{t(empty)}</Body1>
    ) : (
      <ul className={styles.list} aria-label={t(label)}>
        {items.map((activity) => (
          <li key={activity.id}>
            <Body1>{activity.subject}</Body1>
            <Caption1 className={styles.meta}>
              {[dateTime(activity.at), activity.contactMethod ? t(`method.${activity.contactMethod}`) : null].filter(Boolean).join(' · ')}
            </Caption1>
          </li>
        ))}
      </ul>
    );

  return (
    <section className={styles.view} aria-label={t('home.heading')}>
      <Subtitle2 as="h1">{t('home.heading')}</Subtitle2>
      <WorkCounters
        label={t('home.counters')}
        overdue={data.counters.overdue}
        dueToday={data.counters.dueToday}
        planned={data.counters.nextSevenDays}
        plannedLabel="home.planned"
        capped={data.capped}
      />
      <HeadlineFigures api={api} userEmail={userEmail} />
      <div>
        <Subtitle2 as="h2">{t('home.appointments')}</Subtitle2>
        {list(data.appointments, 'home.noAppointments', 'home.appointments')}
      </div>
      <div>
        <Subtitle2 as="h2">{t('home.overdue')}</Subtitle2>
        {list(data.overdueTasks, 'home.noTasks', 'home.overdue')}
      </div>
      <div>
        <Subtitle2 as="h2">{t('home.dueToday')}</Subtitle2>
        {list(data.dueTodayTasks, 'home.noTasks', 'home.dueToday')}
      </div>
    </section>
  );
}
