import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Deal } from '@rapport/shared';
import { useOperation } from '../../data/queries';
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  entry: { display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  when: { color: tokens.colorNeutralForeground2 },
});

/** The stages a deal went through, the latest first, each with when it entered it and how long it stayed. */
export function StageHistory({ deal }: { deal: Deal }) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const pipeline = useOperation('pipeline', {});
  const entries = deal.stageHistory ?? [];
  if (entries.length === 0) return <Caption1>{t('record.noStageHistory')}</Caption1>;
  const name = (id: string) => pipeline.data?.stages.find((stage) => stage.id === id)?.name ?? id;
  const days = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return (
    <ol className={styles.list} aria-label={t('record.stageHistory')}>
      {entries
        .map((entry, index) => ({ ...entry, left: entries[index + 1]?.enteredAt }))
        .reverse()
        .map((entry) => (
          <li key={`${entry.stage}:${entry.enteredAt}`} className={styles.entry}>
            <span>{name(entry.stage)}</span>
            <Caption1 className={styles.when}>
              {entry.left ? t('record.stageFor', { date: date(entry.enteredAt), days: days(entry.enteredAt, entry.left) }) : t('record.stageSince', { date: date(entry.enteredAt) })}
            </Caption1>
          </li>
        ))}
    </ol>
  );
}
