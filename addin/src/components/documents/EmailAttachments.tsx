import { useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons/lib/atoms/svg/arrow-download';
import type { AttachmentNote } from '@rapport/shared/documents/document.schema';
import { fileTypeOfName } from '@rapport/shared/documents/file-types.rules';
import { useOperation } from '../../data/queries';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { DocumentPreview } from './DocumentPreview';
import { documentIcon } from './document-icons';
import { fileSize } from './file-size';
import { useDownload } from './useDownload';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, marginTop: tokens.spacingVerticalXS },
  label: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  item: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalXS, alignItems: 'center' },
  icon: { fontSize: tokens.fontSizeBase400, color: tokens.colorNeutralForeground2 },
  name: { minWidth: 0, maxWidth: '100%', paddingLeft: 0, paddingRight: 0, justifyContent: 'flex-start', textAlign: 'start', whiteSpace: 'normal', overflowWrap: 'anywhere', height: 'auto', minHeight: '24px', fontWeight: tokens.fontWeightRegular },
  text: { minWidth: 0, overflowWrap: 'anywhere' },
  why: { color: tokens.colorNeutralForeground2 },
  below: { gridColumn: '1 / -1', minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * What a logged e-mail brought: each attachment kept with the CRM opens as a document does (an image or PDF previewed,
 * anything else saved); each left out is named with why, in the user's language.
 */
export function EmailAttachments({ attachments }: { attachments: readonly AttachmentNote[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <Caption1 className={styles.label}>{t('attachments.label')}</Caption1>
      <ul className={styles.list} aria-label={t('attachments.label')}>
        {attachments.map((attachment, index) =>
          attachment.documentId ? (
            <KeptAttachment key={attachment.documentId} attachment={{ ...attachment, documentId: attachment.documentId }} />
          ) : (
            <LeftOutAttachment key={`${index}:${attachment.name}`} attachment={attachment} />
          ),
        )}
      </ul>
    </div>
  );
}

function KeptAttachment({ attachment }: { attachment: AttachmentNote & { documentId: string } }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const download = useDownload();
  const [open, setOpen] = useState(false);
  const type = fileTypeOfName(attachment.name);
  const preview = type?.preview ?? null;
  const document = { id: attachment.documentId, name: attachment.name, contentType: type?.contentType ?? 'application/octet-stream' };
  const Icon = documentIcon(document.contentType);
  return (
    <li className={styles.item}>
      <Icon aria-hidden className={styles.icon} />
      <Button
        size="small"
        appearance="transparent"
        className={styles.name}
        title={attachment.name}
        aria-label={t(preview && open ? 'documents.closePreview' : 'documents.open', { name: attachment.name })}
        aria-expanded={preview ? open : undefined}
        onClick={() => (preview ? setOpen(!open) : download.save(document))}
      >
        {`${attachment.name} (${fileSize(attachment.size, locale)})`}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        icon={<ArrowDownloadRegular />}
        aria-label={t('documents.download', { name: attachment.name })}
        title={t('documents.download', { name: attachment.name })}
        disabled={download.isPending}
        onClick={() => download.save(document)}
      />
      {open || download.error ? (
        <div className={styles.below}>
          {download.error ? <ErrorMessage error={download.error} title={t('documents.openFailed', { name: attachment.name })} onRetry={() => download.save(document)} /> : null}
          {open && preview ? <DocumentPreview document={document} kind={preview} /> : null}
        </div>
      ) : null}
    </li>
  );
}

function LeftOutAttachment({ attachment }: { attachment: AttachmentNote }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  // The tenant's limits (any member may read them, once for the pane), to say which one the file passed.
  const settings = useOperation('settings', {}, { enabled: attachment.leftOut === 'file-too-large' || attachment.leftOut === 'message-too-large' });
  const limits = settings.data?.documentLimits;
  const size = fileSize(attachment.size, locale);
  const why =
    attachment.leftOut === 'file-too-large'
      ? limits
        ? t('attachments.tooLarge', { mb: limits.maxFileMb })
        : t('attachments.tooLargeSize', { size })
      : attachment.leftOut === 'message-too-large'
        ? limits
          ? t('attachments.messageTooLarge', { mb: limits.maxMessageMb })
          : t('attachments.messageTooLargeSize')
        : attachment.leftOut === 'type-not-kept'
          ? t('attachments.typeNotKept')
          : attachment.leftOut === 'unreadable'
            ? t('attachments.unreadable')
            : size;
  const Icon = documentIcon(fileTypeOfName(attachment.name)?.contentType ?? '');
  return (
    <li className={styles.item}>
      <Icon aria-hidden className={styles.icon} />
      <Caption1 className={styles.text}>
        {attachment.name} <span className={styles.why}>({why})</span>
      </Caption1>
    </li>
  );
}
