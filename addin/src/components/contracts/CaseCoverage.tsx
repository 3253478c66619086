import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
// Icons the first card already carries: a new one from an icon module it loads would be bundled with it.
import { CheckmarkCircleRegular, DismissCircleRegular } from '@fluentui/react-icons';
import type { Contract } from '@rapport/shared';
import { activeContractOf } from '@rapport/shared/contracts/contract.rules';
import { useRecordList } from '../../data/queries';
import { localDate } from '../../data/today';
import { useI18n } from '../../i18n/I18nContext';
import { RecordLink } from '../RecordLink';

const useStyles = makeStyles({
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  covered: { flexShrink: 0, color: tokens.colorPaletteGreenForeground1, fontSize: tokens.fontSizeBase400 },
  uncovered: { flexShrink: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase400 },
  text: { minWidth: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
});

// A company's contracts, read when a record page shows its cases (the card has the lookup's): a few per company.
const CONTRACTS_READ = 50;

/**
 * The contract in force with a company today: the one given (the lookup's, `null` when it has none), else read from the
 * company's contracts. Undefined until known.
 */
export function useCoverage(companyId: string | undefined, known?: Contract | null): Contract | null | undefined {
  const list = useRecordList('contract', { companyId, limit: CONTRACTS_READ }, { enabled: known === undefined && companyId !== undefined });
  if (known !== undefined) return known;
  if (companyId === undefined) return null;
  return list.data ? activeContractOf(list.data.items, localDate(new Date())) : undefined;
}

/** Whether a customer's cases are covered, and what is promised: above their cases, and under a case's name. */
export function CaseCoverage({ companyId, contract: known }: { companyId: string | undefined; contract?: Contract | null | undefined }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const contract = useCoverage(companyId, known);
  if (contract === undefined) return null;
  if (contract === null) {
    return (
      <div className={styles.line}>
        <DismissCircleRegular className={styles.uncovered} aria-hidden />
        <Caption1 className={styles.text}>{t('cases.notCovered')}</Caption1>
      </div>
    );
  }
  const hours = (value: number) => new Intl.NumberFormat(locale).format(value);
  const level = contract.serviceLevel;
  const name = level?.name ?? contract.name;
  const text = !level
    ? t('cases.covered', { name })
    : level.resolutionHours !== undefined
      ? t('cases.coveredResolution', { name, hours: hours(level.responseHours), resolution: hours(level.resolutionHours) })
      : t('cases.coveredResponse', { name, hours: hours(level.responseHours) });
  return (
    <div className={styles.line}>
      <CheckmarkCircleRegular className={styles.covered} aria-hidden />
      <Caption1 className={styles.text}>
        <RecordLink to={{ kind: 'contract', id: contract.id }}>{text}</RecordLink>
      </Caption1>
    </div>
  );
}
