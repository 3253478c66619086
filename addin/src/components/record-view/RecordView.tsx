import { Button, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useRecord } from '../../data/queries';
import { useI18n } from '../../i18n/I18nContext';
import { useRecordNavigation, type RecordRef } from '../../taskpane/record-navigation';
import { ErrorMessage } from '../ErrorMessage';
import { recordTitle } from './record-title';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  heading: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
});

/** One record in a view of its own, opened from anywhere in the pane; Back returns to where it was opened. */
export function RecordView({ record }: { record: RecordRef }) {
  const styles = useStyles();
  const { t } = useI18n();
  const navigation = useRecordNavigation();
  const query = useRecord(record.kind, record.id);
  return (
    <section className={styles.view} aria-label={query.data ? recordTitle(record.kind, query.data) : t(`record.kind.${record.kind}`)}>
      <div className={styles.bar}>
        <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={navigation.back}>
          {t('record.back')}
        </Button>
      </div>
      {query.isPending ? <Spinner size="small" label={t('app.loading')} /> : null}
      {query.error ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <Subtitle2 as="h1" className={styles.heading}>
          {recordTitle(record.kind, query.data)}
        </Subtitle2>
      ) : null}
    </section>
  );
}
