import { useEffect, useState } from 'react';
import { Body1, Caption1, Card, CardHeader, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import type { ApiClient } from '../api/api-client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const DAY_MS = 86_400_000;
const UPCOMING_DAYS = 14;

type Work = { upcoming: Activity[]; overdue: Activity[] };

/** The rep's next appointments and the tasks they are late on: lists, beside the charts of My numbers. */
export function MyWork({ api }: { api: ApiClient }) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState<{ status: 'loading' } | { status: 'ready'; work: Work } | { status: 'error'; message: string }>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const dayStart = new Date();
    dayStart.setHours(0, 0, 0, 0);
    const dayEnd = new Date(dayStart.getTime() + DAY_MS);
    const now = new Date();
    Promise.all([api.appointments(now.toISOString(), new Date(now.getTime() + UPCOMING_DAYS * DAY_MS).toISOString(), 'mine'), api.myDay(dayStart.toISOString(), dayEnd.toISOString())]).then(
      ([appointments, day]) => live && setState({ status: 'ready', work: { upcoming: appointments.appointments.filter((item) => item.status !== 'cancelled'), overdue: day.overdueTasks } }),
      (caught: unknown) => live && setState({ status: 'error', message: caught instanceof Error ? caught.message : String(caught) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const list = (heading: string, items: Activity[] | null) => (
    <Card>
      <CardHeader header={<Subtitle2 as="h3">{heading}</Subtitle2>} />
      {state.status === 'loading' && <Caption1>{t('app.loading')}</Caption1>}
      {state.status === 'error' && <ErrorMessage message={state.message} />}
      {items && items.length === 0 && <Body1>{t('dash.nothing')}</Body1>}
      {items && items.length > 0 && (
        <ul className={styles.list} aria-label={heading}>
          {items.map((item) => (
            <li key={item.id}>
              <Body1>
                {dateTime(item.at)} · {item.subject}
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
  const work = state.status === 'ready' ? state.work : null;
  return (
    <>
      {list(t('dash.upcoming'), work?.upcoming ?? null)}
      {list(t('dash.overdue'), work?.overdue ?? null)}
    </>
  );
}
