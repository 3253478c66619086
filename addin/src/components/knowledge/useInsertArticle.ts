import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Case, LookupResult } from '@rapport/shared';
import type { Article } from '@rapport/shared/knowledge/article.schema';
import { articleIsPublic } from '@rapport/shared/knowledge/article.rules';
import { useAnsweredCase, useArticleTranslations, usePublicArticleUrl, useSuggestedArticles } from '../../data/knowledge';
import type { ComposeContent } from '../../office/compose-item';
import type { MailItem } from '../../office/mail-item';
import { articleForReply, articleLinkForReply } from './article-reply';
import type { ListedArticle } from './ArticleList';
import { useArticleSearchBox } from './useArticleSearchBox';

/** How many articles are offered for a draft before the rep searches. */
const DRAFT_SUGGESTIONS = 5;

/** What inserting did: the article (or the link to it) is in the message; the case it was logged on, or why that failed. */
export type InsertOutcome = { case: Case | null; logError: unknown; as: InsertAs };

/** What goes into the message: the article's text, or (a public article) a link to its page. */
export type InsertAs = 'link' | 'text';

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

  // A public article goes in as the link to its page unless the rep asks for its text.
  const [asChoice, setAs] = useState<InsertAs | null>(null);
  const linkable = version !== undefined && articleIsPublic(version);
  const as: InsertAs = linkable ? (asChoice ?? 'link') : 'text';
  const publicUrlOf = usePublicArticleUrl();

  // The only open case is the default; with several, the rep says which (or none).
  const [caseChoice, setCaseChoice] = useState<string | null>(null);
  const caseId = caseChoice ?? (openCases.length === 1 ? (openCases[0]?.id ?? 'none') : 'none');
  const answeredCase = openCases.find((serviceCase) => serviceCase.id === caseId) ?? null;

  const answered = useAnsweredCase();
  const logOn = async (serviceCase: Case, article: Article, inserted: InsertAs): Promise<InsertOutcome> => {
    try {
      await answered.mutateAsync({ id: serviceCase.id, body: { articleId: article.id } });
      return { case: serviceCase, logError: null, as: inserted };
    } catch (error) {
      return { case: serviceCase, logError: error, as: inserted };
    }
  };
  const job = useMutation({
    mutationFn: async ({ article, serviceCase, as: inserted }: { article: Article; serviceCase: Case | null; as: InsertAs }): Promise<InsertOutcome> => {
      await insert(inserted === 'link' && article.publicKey ? articleLinkForReply(article, publicUrlOf(article.publicKey)) : articleForReply(article));
      return serviceCase ? logOn(serviceCase, article, inserted) : { case: null, logError: null, as: inserted };
    },
  });
  // Logging again after a failure: the text is in the message already, so it is not inserted twice.
  const relog = useMutation({ mutationFn: ({ article, serviceCase, as: inserted }: { article: Article; serviceCase: Case; as: InsertAs }) => logOn(serviceCase, article, inserted) });

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
    /** Whether the version chosen has a public page to link to, and what goes in. */
    linkable,
    as,
    chooseAs: setAs,
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
