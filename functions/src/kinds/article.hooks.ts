import { invalidField, translationGroupOf } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';

const distinct = (values: readonly string[] | undefined) => [...new Map((values ?? []).map((value) => [value.toLocaleLowerCase(), value])).values()];

export const articleHooks: KindHooks<'article'> = {
  prepare: (fields, { now, previous }) => ({
    ...fields,
    tags: distinct(fields.tags),
    productIds: [...new Set(fields.productIds ?? [])],
    // Published now, or when it last was.
    ...(fields.status === 'published' && previous?.status !== 'published' ? { publishedAt: now } : {}),
  }),
  // A translation joins the group of the article it translates, in a language of its own.
  complete: (fields, { referenced, previous }) => {
    if (!fields.translationOf) return { ...fields, translationGroup: undefined };
    const original = referenced.get('article', fields.translationOf);
    if (!original) return fields;
    if (previous && translationGroupOf(original) === previous.id) {
      throw invalidField('ARTICLE.TRANSLATION_LANGUAGE', 'translationOf', 'An article cannot be the translation of one of its own translations.');
    }
    if (original.language === fields.language) {
      throw invalidField('ARTICLE.TRANSLATION_LANGUAGE', 'language', `A translation is in another language than the article it translates (${original.language}).`);
    }
    return { ...fields, translationGroup: translationGroupOf(original) };
  },
};
