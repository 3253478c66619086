import { Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FilePreview } from '@rapport/shared/documents/file-types.rules';
import { useDocumentContent } from '../../data/documents';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { useObjectUrl } from './useObjectUrl';

const useStyles = makeStyles({
  frame: {
    display: 'block',
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '100%',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  image: { height: 'auto', maxHeight: '480px', objectFit: 'contain' },
  pdf: { height: '440px' },
});

export type DocumentPreviewProps = {
  document: { id: string; name: string; contentType: string };
  kind: FilePreview;
};

/**
 * A document shown in the pane: an image as itself, a PDF in the browser's viewer. Its bytes are read through the API
 * with the user's token and shown from a blob: URL, revoked when the preview closes.
 */
export function DocumentPreview({ document, kind }: DocumentPreviewProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const content = useDocumentContent(document.id, { enabled: true });
  const url = useObjectUrl(content.data, document.contentType);
  if (content.isError) return <ErrorMessage error={content.error} title={t('documents.openFailed', { name: document.name })} onRetry={() => void content.refetch()} />;
  if (!url) return <Spinner size="tiny" label={t('app.loading')} />;
  const label = t('documents.previewOf', { name: document.name });
  return kind === 'image' ? (
    <img className={mergeClasses(styles.frame, styles.image)} src={url} alt={label} />
  ) : (
    <iframe className={mergeClasses(styles.frame, styles.pdf)} src={url} title={label} />
  );
}
