import { useId, useState } from 'react';
import { Body1, Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Case } from '@rapport/shared';
import { ARTICLE_BODY_MAX } from '@rapport/shared/knowledge/article.rules';
import { useDraftArticleFromCase, useIsKnowledgeEditor } from '../../data/knowledge';
import { useRecord } from '../../data/queries';
import { useI18n } from '../../i18n/I18nContext';
import { useOpenRecord } from '../../taskpane/record-navigation';
import { ErrorMessage } from '../ErrorMessage';

const useStyles = makeStyles({
  offer: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  text: { overflowWrap: 'break-word' },
  textarea: { width: '100%', minWidth: 0 },
});

export type DraftFromCaseProps = {
  /** The closed case: its subject, question and product make the draft. */
  serviceCase: Case;
  /** Said when the rep has just closed it (the case list); a closed case's view says it is closed. */
  justClosed?: boolean;
};

/**
 * A closed case offered to knowledge editors as a draft article: its subject, its question and the answer that solved
 * it (what the rep writes here, else the article it was last answered with), its product, in its customer's language.
 * Made once however often the button is pressed (a retry sends the same key); the rep lands in the editor. Nothing for
 * anyone else, nor for a case that is not closed.
 */
export function DraftFromCase({ serviceCase, justClosed = false }: DraftFromCaseProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const writes = useIsKnowledgeEditor();
  const openRecord = useOpenRecord();
  const draft = useDraftArticleFromCase();
  const [reply, setReply] = useState('');
  const headingId = useId();
  const lastAnswer = serviceCase.answeredWith?.at(-1)?.articleId;
  const answeredWith = useRecord('article', writes && serviceCase.status === 'closed' ? lastAnswer : null);
  if (!writes || serviceCase.status !== 'closed') return null;
  const make = () => draft.mutate({ caseId: serviceCase.id, reply }, { onSuccess: (article) => openRecord({ kind: 'article', id: article.id, edit: true }) });
  return (
    <section className={styles.offer} aria-labelledby={headingId}>
      <Body1 id={headingId} className={styles.text}>
        {t(justClosed ? 'knowledge.fromCase.offer' : 'knowledge.fromCase.closed', { number: serviceCase.number })}
      </Body1>
      <Field
        label={t('knowledge.fromCase.reply')}
        hint={answeredWith.data ? t('knowledge.fromCase.replyFromArticle', { title: answeredWith.data.title }) : t('knowledge.fromCase.replyOptional')}
      >
        <Textarea className={styles.textarea} resize="vertical" maxLength={ARTICLE_BODY_MAX} value={reply} disabled={draft.isPending} onChange={(_, data) => setReply(data.value)} />
      </Field>
      {draft.error ? <ErrorMessage error={draft.error} onRetry={make} /> : null}
      <div>
        <Button disabled={draft.isPending} onClick={make}>
          {draft.isPending ? t('knowledge.fromCase.making') : t('knowledge.fromCase.button')}
        </Button>
      </div>
    </section>
  );
}
