import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldCheckmarkRegular } from '@fluentui/react-icons';
import type { Contract } from '@rapport/shared';
import { useI18n } from '../../i18n/I18nContext';
import { RecordLink } from '../RecordLink';

const useStyles = makeStyles({
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  icon: { flexShrink: 0, color: tokens.colorPaletteGreenForeground1, fontSize: tokens.fontSizeBase400, marginBlockStart: '1px' },
  text: { minWidth: 0, overflowWrap: 'anywhere' },
});

/**
 * The service contract in force with the person's company, on their card: what it promises and until when ("Covered:
 * Premium support · 4 h response, until 31 Dec 2026"); it opens the contract.
 */
export function CoverageLine({ contract }: { contract: Contract }) {
  const styles = useStyles();
  const { t, date, locale } = useI18n();
  const level = contract.serviceLevel;
  const name = level?.name ?? contract.name;
  const until = date(contract.endDate);
  const text = level
    ? t('card.coverageResponse', { name, hours: new Intl.NumberFormat(locale).format(level.responseHours), date: until })
    : t('card.coverage', { name, date: until });
  return (
    <div className={styles.line}>
      <ShieldCheckmarkRegular className={styles.icon} aria-hidden />
      <Caption1 className={styles.text}>
        <RecordLink to={{ kind: 'contract', id: contract.id }}>{text}</RecordLink>
      </Caption1>
    </div>
  );
}
