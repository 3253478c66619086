import { useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, EditRegular, PeopleTeamRegular } from '@fluentui/react-icons';
import type { Template } from '@rapport/shared/templates/template.schema';
import { useRecordAction } from '../../data/record-actions';
import { useRemoveRecord } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { ChangeError } from '../ChangeError';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  question: { overflowWrap: 'anywhere' },
});

export type TemplateActionsProps = {
  template: Template;
  /** Its owner, or a manager: the API lets them change and delete it. */
  canEdit: boolean;
  /** Managers and admins, as the share action's role. */
  canShare: boolean;
  onEdit: () => void;
  /** Deleted: the picker goes back to its list, which offers Undo. */
  onDeleted: (template: Template) => void;
  /** Reads the template again (after a refusal because someone changed it first). */
  onReload: () => void;
};

/** What may be done with a template besides inserting it: edit and delete it (its owner), share it with the team (managers). */
export function TemplateActions({ template, canEdit, canShare, onEdit, onDeleted, onReload }: TemplateActionsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const share = useRecordAction('template', 'share');
  const remove = useRemoveRecord('template');
  const [confirming, setConfirming] = useState(false);
  if (!canEdit && !canShare) return null;

  const toggleShare = () => share.mutate({ id: template.id, body: { shared: !template.shared } });
  const sendDelete = () => remove.mutate({ record: template }, { onSuccess: () => onDeleted(template) });

  if (confirming) {
    return (
      <div className={styles.box} role="group" aria-label={t('templates.deleteConfirm', { name: template.name })}>
        <Text className={styles.question}>{t('templates.deleteConfirm', { name: template.name })}</Text>
        {remove.error ? <ChangeError error={remove.error} onRetry={sendDelete} onReload={onReload} /> : null}
        <div className={styles.actions}>
          <Button appearance="primary" size="small" disabled={remove.isPending} onClick={sendDelete}>
            {remove.isPending ? t('delete.deleting') : t('delete.confirmButton')}
          </Button>
          <Button size="small" disabled={remove.isPending} onClick={() => setConfirming(false)}>
            {t('delete.cancel')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className={styles.box}>
      <div className={styles.actions}>
        {canEdit ? (
          <>
            <Button size="small" icon={<EditRegular />} onClick={onEdit}>
              {t('templates.edit')}
            </Button>
            <Button size="small" icon={<DeleteRegular />} onClick={() => setConfirming(true)}>
              {t('templates.delete')}
            </Button>
          </>
        ) : null}
        {canShare ? (
          <Button size="small" icon={<PeopleTeamRegular />} disabled={share.isPending} onClick={toggleShare}>
            {template.shared ? t('templates.unshare') : t('templates.share')}
          </Button>
        ) : null}
      </div>
      {share.isSuccess && !share.isPending ? (
        <Notice intent="success">{share.data.shared ? t('templates.sharedNotice', { name: share.data.name }) : t('templates.unsharedNotice', { name: share.data.name })}</Notice>
      ) : null}
      {share.isError ? <ErrorMessage error={share.error} onRetry={toggleShare} /> : null}
    </div>
  );
}
