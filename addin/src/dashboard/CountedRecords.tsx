import { Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { CountedRecord } from '@rapport/shared/contract/reports.contract';
import { recordPagePath } from '@rapport/shared/contract/record-pages';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  details: { marginBlockStart: tokens.spacingVerticalXXS },
  summary: { cursor: 'pointer', color: tokens.colorBrandForegroundLink, width: 'fit-content' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  link: { overflowWrap: 'anywhere' },
});

/** Who the dashboard is for and in which language, carried to the record pages it opens. */
export function keptFromAddress(): { lang: string | null; as: string | null } {
  const params = new URLSearchParams(location.search);
  return { lang: params.get('lang'), as: params.get('as') };
}

/**
 * The records a report row counts (data quality: the first of them), folded under the row: each opens its record page
 * in a new tab, so the manager fixes it and comes back to the list.
 */
export function CountedRecords({ records, count, title }: { records: readonly CountedRecord[]; count: number; title: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (records.length === 0) return null;
  const keep = keptFromAddress();
  return (
    <details className={styles.details} data-counted-records>
      <summary className={styles.summary}>{t('dash.quality.show')}</summary>
      <Caption1>{records.length < count ? t('dash.quality.firstOf', { shown: records.length, count }) : t('dash.quality.all')}</Caption1>
      <ul className={styles.list} aria-label={t('dash.quality.recordsOf', { title })}>
        {records.map((record) => (
          <li key={`${record.kind}:${record.id}`}>
            <Link
              className={styles.link}
              href={recordPagePath(record, keep)}
              target="_blank"
              rel="noopener"
              aria-label={t('dash.quality.opens', { kind: t(`record.kind.${record.kind}`), name: record.label })}
            >
              {record.label}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
