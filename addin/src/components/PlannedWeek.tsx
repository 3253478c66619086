import { useState } from 'react';
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import type { RelatedNames } from '@rapport/shared/contract/related-names.schema';
import { useI18n } from '../i18n/I18nContext';
import { AgendaEntry } from './AgendaEntry';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toggle: { alignSelf: 'flex-start', paddingLeft: 0, paddingRight: 0, minWidth: 0 },
});

/** What the "Next 7 days" counter counts, listed on demand: each planned item with its day and time, soonest first. */
export function PlannedWeek({ items, related }: { items: Activity[]; related: RelatedNames | undefined }) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  if (items.length === 0) return <Body1>{t('home.noPlanned')}</Body1>;
  return (
    <>
      <Button className={styles.toggle} appearance="transparent" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(open ? 'home.hidePlanned' : 'home.showPlanned', { count: items.length })}
      </Button>
      {open ? (
        <ul className={styles.list} aria-label={t('home.planned')}>
          {items.map((activity) => (
            <AgendaEntry key={activity.id} activity={activity} when={dateTime(activity.at)} related={related} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
