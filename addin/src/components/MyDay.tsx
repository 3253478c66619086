import { Body1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import { useOperation, useRecord } from '../data/queries';
import { RecordLink } from './RecordLink';
import { today } from '../data/today';
import { useI18n } from '../i18n/I18nContext';
import { AgendaEntry, timeSpan } from './AgendaEntry';
import { ErrorMessage } from './ErrorMessage';
import { WorkCounters } from './WorkCounters';
import { LastActionNotice } from './activity-actions/LastActionNotice';
import { HeadlineFigures } from './HeadlineFigures';
import { MyNumbers } from './goals/MyNumbers';
import { PlannedWeek } from './PlannedWeek';
import { ServiceLevelCounter } from './service-levels/ServiceLevelCounter';
import type { MessageKey } from '../i18n/i18n';
import { Section } from './Section';
import { MyNeverLogList } from './never-log/MyNeverLogList';
import { MyPreferences } from './preferences/MyPreferences';
import { Suspense } from 'react';
import { useCapabilities } from '../hooks/useMe';
import { lazyWithMessages } from '../i18n/lazy-with-messages';
import { settingsIcons } from './editing-icons';

// A manager's approvals load when their section is first opened.
const ExpenseApprovals = lazyWithMessages(() => import('./expenses/ExpenseViews'), 'ExpenseApprovals');
// The icon's own module: from the package's index it would join the icons the first card's JavaScript carries.
import { MailProhibitedRegular } from '@fluentui/react-icons/lib/atoms/svg/mail-prohibited';
import { PersonSettingsRegular } from '@fluentui/react-icons/lib/atoms/svg/person-settings';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * My day: the rep's goals and pace, today's appointments, overdue and due-today tasks, counters of what needs attention,
 * and their cases breaching a service level.
 */
export function MyDay({ userEmail }: { /** The mailbox's address: the dashboard opens signed in as the same person. */ userEmail: string }) {
  const styles = useStyles();
  const { t, locale, dateTime } = useI18n();
  const { viewTeam } = useCapabilities();
  // The day's bounds are the same until midnight, so is the request: the answer is read once and kept.
  const day = useOperation('myDay', { query: today() });

  const failure = day.isError ? <ErrorMessage error={day.error} onRetry={() => void day.refetch()} /> : null;
  const heading = <Subtitle2 as="h1">{t('home.heading')}</Subtitle2>;
  if (!day.data)
    return (
      <section className={styles.view} aria-label={t('home.heading')}>
        {heading}
        {failure ?? <Spinner size="small" label={t('app.loading')} />}
      </section>
    );
  const data = day.data;

  // Today's appointments by their time of day; tasks by when they were due.
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  // An empty day says which day it is: "No appointments today, Monday, 30 November."
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' });
  const list = (items: Activity[], empty: string, label: MessageKey, when: (activity: Activity) => string) =>
    items.length === 0 ? (
      <Body1>{empty}</Body1>
    ) : (
      <ul className={styles.list} aria-label={t(label)}>
        {items.map((activity) => (
          <AgendaEntry key={activity.id} activity={activity} when={when(activity)} related={data.related} />
        ))}
      </ul>
    );
  const dueAt = (activity: Activity) => dateTime(activity.at);

  return (
    <section className={styles.view} aria-label={t('home.heading')}>
      {heading}
      {failure}
      <LastActionNotice />
      <WorkCounters
        label={t('home.counters')}
        overdue={data.counters.overdue}
        dueToday={data.counters.dueToday}
        planned={data.counters.nextSevenDays}
        plannedLabel="home.planned"
        capped={data.capped}
      />
      {/* Under the counters, before what is planned: a case breaching its service level is the day's most urgent. */}
      <ServiceLevelCounter serviceLevels={data.serviceLevels} />
      {data.nextSevenDays ? <PlannedWeek items={data.nextSevenDays} related={data.related} /> : null}
      <MyNumbers />
      <HeadlineFigures userEmail={userEmail} />
      <div>
        <Subtitle2 as="h2" block>{t('home.appointments')}</Subtitle2>
        {list(data.appointments, t('home.noAppointmentsOn', { day: weekday.format(new Date()) }), 'home.appointments', (activity) => timeSpan(clock, activity))}
      </div>
      <div>
        <Subtitle2 as="h2" block>{t('home.overdue')}</Subtitle2>
        {list(data.overdueTasks, t('home.noTasks'), 'home.overdue', dueAt)}
      </div>
      <div>
        <Subtitle2 as="h2" block>{t('home.dueToday')}</Subtitle2>
        {list(data.dueTodayTasks, t('home.noTasks'), 'home.dueToday', (activity) => clock.format(new Date(activity.at)))}
      </div>
      {viewTeam ? (
        <Section title={t('expenses.approvals')} icon={settingsIcons.currencies}>
          <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
            <ExpenseApprovals where="pane" recordName={(record) => <RecordName {...record} />} />
          </Suspense>
        </Section>
      ) : null}
      <Section title={t('neverLog.heading')} icon={MailProhibitedRegular}>
        {/* Read only once its section is opened; loaded with My day, which comes on first use. */}
        <MyNeverLogList />
      </Section>
      <Section title={t('preferences.heading')} icon={PersonSettingsRegular}>
        {/* Read only once its section is opened: the plan of the day by e-mail, the time zone and language. */}
        <MyPreferences />
      </Section>
    </section>
  );
}

/** A deal's or company's name, opening it in the pane (an expense to approve is for it). */
function RecordName({ kind, id }: { kind: 'deal' | 'company'; id: string }) {
  const { t } = useI18n();
  const record = useRecord(kind, id);
  return <RecordLink to={{ kind, id }}>{(record.data as { name?: string } | undefined)?.name ?? t(`record.kind.${kind}`)}</RecordLink>;
}
