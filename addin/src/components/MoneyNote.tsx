import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportResponse } from '@rapport/shared/contract/reports.contract';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground2, display: 'block', overflowWrap: 'break-word' },
});

// One format per locale: a tab shows a note under each of a dozen cards, and making a format costs far more than using one.
const monthFormats = new Map<string, Intl.DateTimeFormat>();
function monthFormat(locale: string): Intl.DateTimeFormat {
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  return format;
}

/** The months of the rates a figure used, as people write them: "Nov 2026" or "Jan 2026 – Nov 2026". */
export function rateMonths(report: Pick<ReportResponse, 'ratesUsed'>, locale: string): string | null {
  const months = report.ratesUsed.map((rate) => rate.month).sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return null;
  const format = monthFormat(locale);
  const written = (month: string) => format.format(new Date(`${month}-01T00:00:00Z`));
  return first === last ? written(first) : `${written(first)} – ${written(last)}`;
}

/**
 * What the money beside it is: converted to the reporting currency at the rates of which months, or one currency's deals
 * only; and which currencies had no rate, so their deals count but their amounts are not in the sums.
 */
export function MoneyNote({ report }: { report: Pick<ReportResponse, 'currency' | 'converted' | 'ratesUsed' | 'missingRates'> }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const months = rateMonths(report, locale);
  return (
    <>
      {report.converted && months ? <Caption1 className={styles.note}>{t('money.converted', { currency: report.currency, months })}</Caption1> : null}
      {!report.converted ? <Caption1 className={styles.note}>{t('money.onlyCurrency', { currency: report.currency })}</Caption1> : null}
      {report.missingRates.length > 0 ? <Caption1 className={styles.note}>{t('money.missingRates', { currencies: report.missingRates.join(', ') })}</Caption1> : null}
    </>
  );
}
