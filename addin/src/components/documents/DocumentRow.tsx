import { useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { ArrowDownloadRegular } from '@fluentui/react-icons/lib/atoms/svg/arrow-download';
import type { Document } from '@rapport/shared/documents/document.schema';
import { previewOf } from '@rapport/shared/documents/file-types.rules';
import { useCanEditRecord } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { DeleteDocument } from './DeleteDocument';
import { DocumentPreview } from './DocumentPreview';
import { ErrorMessage } from '../ErrorMessage';
import { useDownload } from './useDownload';
import { documentIcon } from './document-icons';
import { fileSize } from './file-size';

const useStyles = makeStyles({
  // The type's icon, the name and what it is (shrinking to the pane), the row's buttons; the preview under them.
  row: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: 'start' },
  icon: { fontSize: tokens.fontSizeBase500, marginTop: '6px', color: tokens.colorBrandForeground1 },
  content: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0 },
  // A long name wraps, whatever its characters, rather than widening the pane.
  name: { minWidth: 0, maxWidth: '100%', paddingLeft: 0, paddingRight: 0, textAlign: 'start', overflowWrap: 'anywhere', wordBreak: 'break-word', whiteSpace: 'normal', height: 'auto', minHeight: '32px', justifyContent: 'flex-start' },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  actions: { display: 'flex' },
  below: { gridColumn: '1 / -1', minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export type DocumentRowProps = {
  document: Document;
  /** Who added it, by member id (null when not known). */
  nameOf: (id: string) => string | null;
  myId: string | null;
};

/**
 * One document of a record: its type, name and size, who added it and when. The name opens it: a preview of an image or
 * a PDF in place, any other file saved. Download saves it; Delete (for who added it, managers and admins) asks first.
 */
export function DocumentRow({ document, nameOf, myId }: DocumentRowProps) {
  const { t, locale, date } = useI18n();
  const styles = useStyles();
  const canDelete = useCanEditRecord()(document);
  const download = useDownload();
  const [open, setOpen] = useState<'preview' | 'delete' | null>(null);
  const [deleted, setDeleted] = useState(false);
  const Icon = documentIcon(document.contentType);
  const preview = previewOf(document.contentType);
  const who = document.createdBy === myId ? t('documents.you') : nameOf(document.createdBy);
  const added = who ? t('documents.added', { name: who, date: date(document.createdAt) }) : t('documents.addedOn', { date: date(document.createdAt) });
  const meta = [fileSize(document.size, locale), added, document.source === 'email' ? t('documents.fromEmail') : null].filter(Boolean).join(' · ');
  const toggle = (what: 'preview' | 'delete') => setOpen((current) => (current === what ? null : what));

  return (
    <li className={styles.row} aria-label={document.name}>
      <Icon aria-hidden className={styles.icon} />
      <div className={styles.content}>
        <Button
          appearance="transparent"
          className={styles.name}
          title={document.name}
          aria-label={t(!preview ? 'documents.open' : open === 'preview' ? 'documents.closePreview' : 'documents.preview', { name: document.name })}
          aria-expanded={preview ? open === 'preview' : undefined}
          disabled={deleted}
          onClick={() => (preview ? toggle('preview') : download.save(document))}
        >
          {document.name}
        </Button>
        <Caption1 className={styles.meta}>{meta}</Caption1>
      </div>
      <div className={styles.actions}>
        {deleted ? null : (
          <>
            <Button appearance="subtle" icon={<ArrowDownloadRegular />} aria-label={t('documents.download', { name: document.name })} title={t('documents.download', { name: document.name })} disabled={download.isPending} onClick={() => download.save(document)} />
            {canDelete ? (
              <Button appearance="subtle" icon={<DeleteRegular />} aria-label={t('documents.delete', { name: document.name })} title={t('documents.delete', { name: document.name })} aria-expanded={open === 'delete'} onClick={() => toggle('delete')} />
            ) : null}
          </>
        )}
      </div>
      {open || download.error ? (
        <div className={styles.below}>
          {download.error ? <ErrorMessage error={download.error} title={t('documents.openFailed', { name: document.name })} onRetry={() => download.save(document)} /> : null}
          {open === 'preview' && preview && !deleted ? <DocumentPreview document={document} kind={preview} /> : null}
          {open === 'delete' ? <DeleteDocument document={document} onDeleted={setDeleted} onClose={() => setOpen(null)} /> : null}
        </div>
      ) : null}
    </li>
  );
}
