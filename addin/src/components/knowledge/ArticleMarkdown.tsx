import type { ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { safeArticleUrl } from '@rapport/shared/knowledge/article.rules';

// An article's Markdown as React elements, the one tree both the pane shows and "Insert article" writes into a reply
// (article-reply.tsx renders it to HTML). Raw HTML in the Markdown is never HTML: react-markdown shows it as text, and
// no plugin that would parse it (rehype-raw) is used.

export type ArticleMarkdownProps = {
  body: string;
  /** Said to screen readers on each link: it opens a new window. */
  newWindowLabel?: string;
  /** What an image is called where it is shown as a link: "Image: {name}". */
  imageLabel?: (name: string) => string;
};

/**
 * The article's text: headings one level below the article's title (its title is the view's, or the reply's, heading),
 * links opening in a new window, images as links to them (the pane loads nothing from elsewhere, and a reply carries no
 * picture from an unknown server).
 */
export function ArticleMarkdown({ body, newWindowLabel, imageLabel = (name) => name }: ArticleMarkdownProps) {
  const link = (href: string | undefined, children: ReactNode) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer" title={newWindowLabel}>
        {children}
      </a>
    ) : (
      <>{children}</>
    );
  const components: Components = {
    h1: ({ children }) => <h2>{children}</h2>,
    h2: ({ children }) => <h3>{children}</h3>,
    h3: ({ children }) => <h4>{children}</h4>,
    h4: ({ children }) => <h5>{children}</h5>,
    h5: ({ children }) => <h6>{children}</h6>,
    h6: ({ children }) => <h6>{children}</h6>,
    a: ({ href, children }) => link(href, children),
    img: ({ src, alt }) => {
      const href = typeof src === 'string' && src !== '' ? src : undefined;
      return href ? link(href, imageLabel(alt || href)) : <>{alt}</>;
    },
  };
  return (
    <Markdown urlTransform={safeArticleUrl} components={components}>
      {body}
    </Markdown>
  );
}
