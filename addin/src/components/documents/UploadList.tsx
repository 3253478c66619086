import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Upload } from '../../data/documents';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../i18n/describe-error';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  item: { minWidth: 0, overflowWrap: 'anywhere' },
});

/** The files on their way to the record, each with its spinner, and those refused, each with why and what to do. */
export function UploadList({ uploads }: { uploads: Upload[] }) {
  const styles = useStyles();
  if (uploads.length === 0) return null;
  return (
    <ul className={styles.list}>
      {uploads.map((upload) => (
        <li key={upload.key} className={styles.item}>
          <UploadState upload={upload} />
        </li>
      ))}
    </ul>
  );
}

function UploadState({ upload }: { upload: Upload }) {
  const translator = useI18n();
  const { t } = translator;
  const name = upload.file.name;
  if (upload.status === 'pending') return <Spinner size="tiny" labelPosition="after" label={t('documents.uploading', { name })} />;
  const { message, retryable } = describeError(upload.error, translator);
  // Too large: the limit it was held to, when the refusal names it.
  const limitMb = (upload.error as { details?: { limitMb?: unknown } } | null)?.details?.limitMb;
  return (
    <Notice
      intent="error"
      role="alert"
      title={t('documents.refused', { name })}
      actions={
        <>
          {retryable ? (
            <Button size="small" onClick={upload.retry}>
              {t('app.retry')}
            </Button>
          ) : null}
          <Button size="small" appearance="subtle" onClick={upload.dismiss}>
            {t('documents.dismiss')}
          </Button>
        </>
      }
    >
      {typeof limitMb === 'number' ? `${message} ${t('documents.limit', { mb: limitMb })}` : message}
    </Notice>
  );
}
