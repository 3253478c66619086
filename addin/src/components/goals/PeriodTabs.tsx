import { Tab, TabList } from '@fluentui/react-components';
import type { GoalPeriod } from '@rapport/shared/goals/goal.rules';
import { useI18n } from '../../i18n/I18nContext';

const PERIODS: GoalPeriod[] = ['month', 'quarter', 'year'];

/** Month, Quarter, Year: which period's goals are shown. */
export function PeriodTabs({ period, onChange }: { period: GoalPeriod; onChange: (period: GoalPeriod) => void }) {
  const { t } = useI18n();
  return (
    <TabList size="small" selectedValue={period} onTabSelect={(_, data) => onChange(data.value as GoalPeriod)} aria-label={t('goals.period')}>
      {PERIODS.map((value) => (
        <Tab key={value} value={value}>
          {t(`goals.period.${value}`)}
        </Tab>
      ))}
    </TabList>
  );
}
