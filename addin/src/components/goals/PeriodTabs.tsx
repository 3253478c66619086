import { Tab, TabList, makeStyles } from '@fluentui/react-components';
import type { AnyGoalPeriod } from '@rapport/shared/goals/goal.rules';
import { useI18n } from '../../i18n/I18nContext';

const PERIODS: AnyGoalPeriod[] = ['week', 'month', 'quarter', 'year'];

// In a narrow pane or card the last period goes to a second line, not out of sight ("Ano" in Portuguese at 320 px).
const useStyles = makeStyles({ tabs: { flexWrap: 'wrap' } });

/** Week, Month, Quarter, Year: which period's goals are shown (a week's are reps' weekly activity targets). */
export function PeriodTabs({ period, onChange }: { period: AnyGoalPeriod; onChange: (period: AnyGoalPeriod) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <TabList size="small" className={styles.tabs} selectedValue={period} onTabSelect={(_, data) => onChange(data.value as AnyGoalPeriod)} aria-label={t('goals.period')}>
      {PERIODS.map((value) => (
        <Tab key={value} value={value}>
          {t(`goals.period.${value}`)}
        </Tab>
      ))}
    </TabList>
  );
}
