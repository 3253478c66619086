import { CrmError, articleIsPublic, type Article } from '@rapport/shared';
import { publicLinkNotFound, type PublicLinks } from '../services/public-links';
import type { Store } from '../store/store';
import { publicArticlePage } from './article-page';

/**
 * A knowledge article's public page, reached by its key alone: the article while it is published and public, nothing
 * else of the tenant. Reading never changes anything.
 */
export class PublicArticlesService {
  constructor(private readonly deps: { store: Store; links: PublicLinks }) {}

  /** The page of the article the key opens. */
  async page(key: string): Promise<string> {
    return publicArticlePage(await this.articleOf(key));
  }

  /**
   * The article a key opens. A deleted article, or a key it no longer carries, opens nothing, as an unknown key; one
   * archived, back in draft or made internal says its link no longer opens it (410), as an expired link does.
   */
  private async articleOf(key: string): Promise<Article> {
    const link = await this.deps.links.resolve(key, 'article');
    const article = await this.deps.store.get('article', link.tenantId, link.id);
    if (!article || article.publicKey !== key) throw publicLinkNotFound();
    if (!articleIsPublic(article)) throw new CrmError('gone', 'PUBLIC_LINK.EXPIRED', 'This article is no longer public: ask the sender for a current answer.');
    return article;
  }
}
