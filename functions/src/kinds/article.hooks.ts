import { invalidField, translationGroupOf } from '@rapport/shared';
import { newPublicKey } from '../services/public-links';
import type { KindHooks } from './kind-hooks';

const distinct = (values: readonly string[] | undefined) => [...new Map((values ?? []).map((value) => [value.toLocaleLowerCase(), value])).values()];

// An article's public page opens while it is published and public: its key never expires on its own.
const FOREVER = '9999-12-31T23:59:59.999Z';

export const articleHooks: KindHooks<'article'> = {
  prepare: (fields, { now, previous }) => {
    const visibility = fields.visibility ?? 'internal';
    return {
      ...fields,
      tags: distinct(fields.tags),
      productIds: [...new Set(fields.productIds ?? [])],
      visibility,
      // Published now, or when it last was.
      ...(fields.status === 'published' && previous?.status !== 'published' ? { publishedAt: now } : {}),
      // Its page's key, the first time it is published and public (128 random bits, never its tenant or id); kept after,
      // so a link sent in a reply opens again when the article is public again.
      ...(fields.status === 'published' && visibility === 'public' && !fields.publicKey ? { publicKey: newPublicKey() } : {}),
    };
  },
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
  // Its key in the public links' index once the article is stored (create-only: kept once, whatever writes follow).
  afterWrite: async (article, { store, now }) => {
    if (article.publicKey) await store.savePublicLink({ key: article.publicKey, tenantId: article.tenantId, kind: 'article', id: article.id, expiresAt: FOREVER, createdAt: now.toISOString() });
  },
};
