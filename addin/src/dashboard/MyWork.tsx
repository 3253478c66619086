import { useState } from 'react';
import { Body1, Card, CardHeader, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import { ErrorMessage } from '../components/ErrorMessage';
import { useOperation } from '../data/queries';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const DAY_MS = 86_400_000;
const UPCOMING_DAYS = 14;

/** The page's now, taken once: the requests (and their cache entries) stay the same while the page is open. */
function periods() {
  const now = new Date();
  const dayStart = new Date(now);
  dayStart.setHours(0, 0, 0, 0);
  return {
    upcoming: { query: { from: now.toISOString(), to: new Date(now.getTime() + UPCOMING_DAYS * DAY_MS).toISOString(), scope: 'mine' as const } },
    today: { query: { dayStart: dayStart.toISOString(), dayEnd: new Date(dayStart.getTime() + DAY_MS).toISOString() } },
  };
}

/** The rep's next appointments and the tasks they are late on: lists, beside the charts of My numbers. */
export function MyWork() {
  const { t } = useI18n();
  const [requests] = useState(periods);
  const appointments = useOperation('appointments', requests.upcoming);
  const day = useOperation('myDay', requests.today);
  return (
    <>
      <WorkList
        heading={t('dash.upcoming')}
        items={appointments.data?.appointments.filter((item) => item.status !== 'cancelled')}
        error={appointments.error}
        onRetry={() => void appointments.refetch()}
      />
      <WorkList heading={t('dash.overdue')} items={day.data?.overdueTasks} error={day.error} onRetry={() => void day.refetch()} />
    </>
  );
}

function WorkList({ heading, items, error, onRetry }: { heading: string; items: Activity[] | undefined; error: unknown; onRetry: () => void }) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h3">{heading}</Subtitle2>} />
      {error ? <ErrorMessage error={error} onRetry={onRetry} /> : null}
      {!items && !error ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {items && items.length === 0 ? <Body1>{t('dash.nothing')}</Body1> : null}
      {items && items.length > 0 ? (
        <ul className={styles.list} aria-label={heading}>
          {items.map((item) => (
            <li key={item.id}>
              <Body1>
                {dateTime(item.at)} · {item.subject}
              </Body1>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
