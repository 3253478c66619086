import { Tab, TabList } from '@fluentui/react-components';
import type { AnyGoalPeriod } from '@rapport/shared/goals/goal.rules';
import { useI18n } from '../../i18n/I18nContext';

const PERIODS: AnyGoalPeriod[] = ['week', 'month', 'quarter', 'year'];

/** Week, Month, Quarter, Year: which period's goals are shown (a week's are reps' weekly activity targets). */
export function PeriodTabs({ period, onChange }: { period: AnyGoalPeriod; onChange: (period: AnyGoalPeriod) => void }) {
  const { t } = useI18n();
  return (
    <TabList size="small" selectedValue={period} onTabSelect={(_, data) => onChange(data.value as AnyGoalPeriod)} aria-label={t('goals.period')}>
      {PERIODS.map((value) => (
        <Tab key={value} value={value}>
          {t(`goals.period.${value}`)}
        </Tab>
      ))}
    </TabList>
  );
}
