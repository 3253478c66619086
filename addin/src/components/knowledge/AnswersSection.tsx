import { Suspense, useState } from 'react';
import { Body1, Button, Caption1, Skeleton, SkeletonItem, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { BookQuestionMarkRegular } from '@fluentui/react-icons';
import type { MemberLanguage } from '@rapport/shared/members/preferences.rules';
import { useArticleDrafts, useIsKnowledgeEditor, useSuggestedArticles, type SuggestionsFor } from '../../data/knowledge';
import { useI18n } from '../../i18n/I18nContext';
import { lazyWithMessages } from '../../i18n/lazy-with-messages';
import { useOpenRecord } from '../../taskpane/record-navigation';
import { ErrorMessage } from '../ErrorMessage';
import { Section } from '../Section';
import { ArticleList } from './ArticleList';
import { ArticleSearchForm } from './ArticleSearchForm';
import { articleDraftOf } from './article-draft';
import { useArticleSearchBox } from './useArticleSearchBox';

// The editor comes when an editor writes an article, never with the answers: through the article view's boundary (a
// boundary of its own would split a first-card chunk).
const ArticleEditor = lazyWithMessages(() => import('./ArticleView'), 'ArticleEditor');

const useStyles = makeStyles({
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBlock: tokens.spacingVerticalXS },
  search: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export type AnswersSectionProps = {
  /** What the answers are for: the open e-mail and its sender (and their case), or a case. */
  request: SuggestionsFor;
  /** What an empty answer says: no article matches this e-mail, or this case. */
  about: 'email' | 'case';
};

/**
 * "Answers": the knowledge articles that best match what the customer asks, each opening, with a search of the whole
 * knowledge base below them. Read once the section shows (it loads after the card), never before.
 */
export function AnswersSection({ request, about }: AnswersSectionProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const suggestions = useSuggestedArticles(request);
  const box = useArticleSearchBox();
  const found = suggestions.data?.suggestions ?? [];
  return (
    <Section title={t('knowledge.title')} icon={BookQuestionMarkRegular} count={found.length} defaultOpen>
      {suggestions.isPending ? (
        <Skeleton className={styles.skeleton} aria-label={t('knowledge.finding')}>
          {Array.from({ length: Math.min(request.limit, 3) }, (_, index) => (
            <div key={index} className={styles.skeleton}>
              <SkeletonItem size={16} />
              <SkeletonItem size={12} />
            </div>
          ))}
        </Skeleton>
      ) : null}
      {suggestions.isError ? <ErrorMessage title={t('knowledge.failed')} error={suggestions.error} onRetry={() => void suggestions.refetch()} /> : null}
      {found.length > 0 ? <ArticleList label={t('knowledge.suggested')} items={found} /> : null}
      <div className={styles.search}>
        {suggestions.isSuccess && found.length === 0 ? <Body1>{t(about === 'case' ? 'knowledge.noneForCase' : 'knowledge.none')}</Body1> : null}
        <ArticleSearchForm box={box} />
        {box.searching ? <Spinner size="tiny" label={t('knowledge.search.searching')} /> : null}
        {box.search.isError ? <ErrorMessage error={box.search.error} onRetry={() => void box.search.refetch()} /> : null}
        {box.empty ? (
          <Caption1 className={styles.hint} role="status">
            {t('knowledge.search.none', { query: box.q })}
          </Caption1>
        ) : null}
        {box.found && box.found.length > 0 ? <ArticleList label={t('knowledge.search.found', { query: box.q })} items={box.found.map((article) => ({ article }))} /> : null}
      </div>
      <EditorTools />
    </Section>
  );
}

/** For knowledge editors and admins: New article (its editor in place), and the drafts to finish, on request. */
function EditorTools() {
  const styles = useStyles();
  const translator = useI18n();
  const { t } = translator;
  const writes = useIsKnowledgeEditor();
  const openRecord = useOpenRecord();
  const [writing, setWriting] = useState(false);
  const [showDrafts, setShowDrafts] = useState(false);
  const drafts = useArticleDrafts(writes && showDrafts);
  if (!writes) return null;
  if (writing) {
    return (
      <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
        <ArticleEditor
          target={{ initial: articleDraftOf({ language: translator.language as MemberLanguage }) }}
          heading={t('knowledge.editor.newHeading')}
          onSaved={(article) => {
            setWriting(false);
            openRecord({ kind: 'article', id: article.id });
          }}
          onCancel={() => setWriting(false)}
        />
      </Suspense>
    );
  }
  return (
    <>
      <div className={styles.tools}>
        <Button onClick={() => setWriting(true)}>
          {t('knowledge.editor.new')}
        </Button>
        <Button appearance="subtle" aria-expanded={showDrafts} onClick={() => setShowDrafts((shown) => !shown)}>
          {t('knowledge.drafts.title')}
        </Button>
      </div>
      {showDrafts && drafts.isPending ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {showDrafts && drafts.isError ? <ErrorMessage error={drafts.error} onRetry={() => void drafts.refetch()} /> : null}
      {showDrafts && drafts.isSuccess && drafts.drafts.length === 0 ? <Caption1 className={styles.hint}>{t('knowledge.drafts.none')}</Caption1> : null}
      {showDrafts && drafts.drafts.length > 0 ? <ArticleList label={t('knowledge.drafts.list')} items={drafts.drafts.map((article) => ({ article }))} /> : null}
    </>
  );
}
