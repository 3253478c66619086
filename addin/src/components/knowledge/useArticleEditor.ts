import { useMemo, useState } from 'react';
import type { Article } from '@rapport/shared/knowledge/article.schema';
import type { ChangeInput } from '../../api/api-types';
import { useChangeRecord, useCreateRecord } from '../../data/writes';
import { useErrorText } from '../../i18n/useErrorText';
import { articleChangesOf, articleDraftOf, readArticleDraft, type ArticleDraft } from './article-draft';

export type ArticleEditorTarget =
  /** An article as read: its changes are saved at the version read (If-Match). */
  | { article: Article }
  /** A new article, from these fields (a translation's from the article it translates, which it names). */
  | { initial: ArticleDraft; translationOf?: string | undefined };

/**
 * An article being written: what the editor typed (kept through a refused save and a reload), what each field needs by
 * the API's limits, and its save: a new article created once (a retry sends the same idempotency key), an article's
 * changes at the version read. Only the fields the editor changed are theirs: the others follow the article as read, so
 * a colleague's change to another field, read again after a refused save, is kept rather than undone.
 */
export function useArticleEditor(target: ArticleEditorTarget) {
  const errorText = useErrorText();
  const article = 'article' in target ? target.article : null;
  const create = useCreateRecord('article');
  const change = useChangeRecord('article');
  const initial = 'initial' in target ? target.initial : null;
  const base = useMemo(() => (article ? articleDraftOf(article) : (initial as ArticleDraft)), [article, initial]);
  const [edits, setEdits] = useState<Partial<ArticleDraft>>({});
  const draft: ArticleDraft = { ...base, ...edits };
  // Problems show once the editor tries to save, not while they type the first words.
  const [checked, setChecked] = useState(false);
  const [sent, setSent] = useState<string[]>([]);
  const read = readArticleDraft(draft);
  const changes: ChangeInput<'article'> = article ? articleChangesOf(article, read.fields) : read.fields;
  const dirty = article ? Object.keys(changes).length > 0 : Object.keys(edits).length > 0;
  const valid = Object.keys(read.problems).length === 0;
  const mutation = article ? change : create;

  const sendChanges = async (current: Article, fields: ChangeInput<'article'>, version: number): Promise<Article> => {
    setSent(Object.keys(fields));
    const saved = (await change.mutateAsync({ id: current.id, changes: fields, version, previous: current })) as Article;
    // What was saved is the article's now: those fields follow it again.
    setEdits((typed) => Object.fromEntries(Object.entries(typed).filter(([field]) => !(field in fields))));
    return saved;
  };

  /** Saves: a new article, or the changes at `version` (the one read, or the latest after someone else's change); null when refused. */
  const save = async (version?: number): Promise<Article | null> => {
    setChecked(true);
    if (!valid) return null;
    try {
      if (article) return dirty ? await sendChanges(article, changes, version ?? article.version) : article;
      const translationOf = 'translationOf' in target ? target.translationOf : undefined;
      setSent(Object.keys(read.fields));
      return (await create.mutateAsync({ input: { ...read.fields, ...(translationOf ? { translationOf } : {}) } })) as Article;
    } catch {
      // Said by the editor, from the mutation's error.
      return null;
    }
  };

  return {
    draft,
    edit: (patch: Partial<ArticleDraft>) => setEdits((typed) => ({ ...typed, ...patch })),
    /** What each field needs, by its name: the draft's own checks once the editor saved. */
    problems: checked ? read.problems : {},
    /** What the API said of each field, by its path. */
    apiFields: mutation.error ? errorText(mutation.error).fields : {},
    checked,
    valid,
    dirty,
    save,
    saving: mutation.isPending,
    error: mutation.error,
    /** The fields the last save sent, as the API names them. */
    sentFields: sent,
    reset: mutation.reset,
  };
}
