import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ActivityKind } from '@rapport/shared/activities/activity.schema';
import { useI18n } from '../i18n/I18nContext';
import { activityIcons } from './icons';

const useStyles = makeStyles({
  // "All" and one icon per kind: a row of small buttons that fits 320 px.
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS },
});

// The kinds in their icons' order; shared's list would bring its schemas (zod) into the first card.
const kinds = Object.keys(activityIcons) as ActivityKind[];

/** Which kinds of entries a timeline shows: all, or one kind (e-mails, calls, meetings, tasks, notes). */
export function TimelineFilter({ value, onChange }: { value: ActivityKind | null; onChange: (kind: ActivityKind | null) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div role="group" aria-label={t('timeline.filter')} className={styles.bar}>
      <Button size="small" appearance={value === null ? 'primary' : 'subtle'} aria-pressed={value === null} onClick={() => onChange(null)}>
        {t('timeline.all')}
      </Button>
      {kinds.map((kind) => {
        const Icon = activityIcons[kind];
        const label = t(`timeline.only.${kind}`);
        return (
          <Button
            key={kind}
            size="small"
            appearance={value === kind ? 'primary' : 'subtle'}
            aria-pressed={value === kind}
            icon={<Icon />}
            aria-label={label}
            title={label}
            onClick={() => onChange(value === kind ? null : kind)}
          />
        );
      })}
    </div>
  );
}
