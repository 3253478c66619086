import { Body1, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useDocumentUploads, useDocuments, type DocumentOwner } from '../../data/documents';
import { useMe, useMemberNames } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { DocumentRow } from './DocumentRow';
import { DropZone } from './DropZone';
import { UploadList } from './UploadList';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  more: { alignSelf: 'flex-start' },
});

/**
 * A record's documents: the files kept with it, newest first, each opening; files added by dropping them on the section
 * or with Add files, each checked at once and sent on its own, its refusal said beside its name.
 */
export function DocumentsSection({ owner }: { owner: DocumentOwner }) {
  const { t } = useI18n();
  const styles = useStyles();
  const documents = useDocuments(owner);
  const { add, uploads, limitMb } = useDocumentUploads(owner);
  const me = useMe();
  const nameOf = useMemberNames();

  return (
    <DropZone onFiles={add} limitMb={limitMb}>
      <UploadList uploads={uploads} />
      {documents.isError && !documents.isFetchNextPageError ? <ErrorMessage error={documents.error} onRetry={() => void documents.refetch()} /> : null}
      {documents.isPending ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {documents.isSuccess && documents.items.length === 0 ? <Body1>{t('documents.empty')}</Body1> : null}
      {documents.items.length > 0 ? (
        <ul className={styles.list} aria-label={t('tabs.documents')}>
          {documents.items.map((document) => (
            <DocumentRow key={document.id} document={document} nameOf={nameOf} myId={me?.userId ?? null} />
          ))}
        </ul>
      ) : null}
      {documents.isFetchNextPageError ? <ErrorMessage error={documents.error} onRetry={documents.loadMore} /> : null}
      {documents.hasMore && !documents.isFetchNextPageError ? (
        documents.loadingMore ? (
          <Spinner size="tiny" label={t('app.loading')} />
        ) : (
          <Button className={styles.more} appearance="subtle" onClick={documents.loadMore}>
            {t('documents.more')}
          </Button>
        )
      ) : null}
    </DropZone>
  );
}
