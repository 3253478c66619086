import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Case, LookupResult } from '@rapport/shared';
import type { Article } from '@rapport/shared/knowledge/article.schema';
import { useAnsweredCase, useArticleTranslations, useSuggestedArticles } from '../../data/knowledge';
import type { ComposeContent } from '../../office/compose-item';
import type { MailItem } from '../../office/mail-item';
import { articleForReply } from './article-reply';
import type { ListedArticle } from './ArticleList';
import { useArticleSearchBox } from './useArticleSearchBox';

/** How many articles are offered for a draft before the rep searches. */
const DRAFT_SUGGESTIONS = 5;

/** What inserting did: the article is in the message; the case it was logged on, or why that failed. */
export type InsertOutcome = { case: Case | null; logError: unknown };

/**
 * The state of "Insert article": the articles offered (the suggestions for the draft, or what the rep searched), the one
 * chosen, the language of the text (the customer's where a translation is published), the case it answers, and the
 * insert itself, then the log on the case. A failed log leaves the text in the message and is tried again alone.
 */
export function useInsertArticle({ item, customer, insert }: { item: MailItem; customer: LookupResult | undefined; insert: (content: ComposeContent) => Promise<unknown> }) {
  const contact = customer?.contact ?? null;
  const openCases = customer?.openCases ?? [];
  const suggestions = useSuggestedArticles({ itemKey: item.key, subject: item.subject, contactId: contact?.id, limit: DRAFT_SUGGESTIONS });
  const box = useArticleSearchBox();
  const searching = box.q !== '';
  const candidates: ListedArticle[] = searching ? (box.found ?? []).map((article) => ({ article })) : (suggestions.data?.suggestions ?? []);
  const [chosenId, setChosenId] = useState<string | null>(null);
  // The first offered until the rep chooses; a search that no longer lists the choice offers its own first.
  const chosen = candidates.find((candidate) => candidate.article.id === chosenId)?.article ?? candidates[0]?.article;

  // The versions of the chosen article: itself and its published translations.
  const translations = useArticleTranslations(chosen);
  const versions = chosen ? [chosen, ...translations.translations].sort((a, b) => a.language.localeCompare(b.language)) : [];
  const [versionId, setVersionId] = useState<string | null>(null);
  const theirs = versions.find((version) => version.language === contact?.language);
  const version = versions.find((candidate) => candidate.id === versionId) ?? theirs ?? chosen;

  // The only open case is the default; with several, the rep says which (or none).
  const [caseChoice, setCaseChoice] = useState<string | null>(null);
  const caseId = caseChoice ?? (openCases.length === 1 ? (openCases[0]?.id ?? 'none') : 'none');
  const answeredCase = openCases.find((serviceCase) => serviceCase.id === caseId) ?? null;

  const answered = useAnsweredCase();
  const logOn = async (serviceCase: Case, article: Article): Promise<InsertOutcome> => {
    try {
      await answered.mutateAsync({ id: serviceCase.id, body: { articleId: article.id } });
      return { case: serviceCase, logError: null };
    } catch (error) {
      return { case: serviceCase, logError: error };
    }
  };
  const job = useMutation({
    mutationFn: async ({ article, serviceCase }: { article: Article; serviceCase: Case | null }): Promise<InsertOutcome> => {
      await insert(articleForReply(article));
      return serviceCase ? logOn(serviceCase, article) : { case: null, logError: null };
    },
  });
  // Logging again after a failure: the text is in the message already, so it is not inserted twice.
  const relog = useMutation({ mutationFn: ({ article, serviceCase }: { article: Article; serviceCase: Case }) => logOn(serviceCase, article) });

  return {
    contact,
    openCases,
    suggestions,
    box,
    searching,
    candidates,
    chosen,
    choose: (id: string) => {
      setChosenId(id);
      setVersionId(null);
    },
    translations,
    versions,
    version,
    theirLanguage: theirs?.language ?? null,
    chooseVersion: setVersionId,
    caseId,
    chooseCase: setCaseChoice,
    answeredCase,
    job,
    relog,
  };
}
