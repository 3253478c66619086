import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Article } from '@rapport/shared/knowledge/article.schema';
import { useI18n } from '../../i18n/I18nContext';
import { useOpenRecord } from '../../taskpane/record-navigation';
import { StatusBadge } from '../StatusBadge';
import { articleExcerpt } from './article-excerpt';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  // An article is one button as wide as the pane: Tab reaches it, Enter or a click opens it.
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `-${tokens.strokeWidthThick}` },
  },
  title: { color: tokens.colorBrandForegroundLink, overflowWrap: 'break-word', fontWeight: tokens.fontWeightSemibold },
  // One line of the text: the rest is in the article.
  excerpt: { display: 'block', minWidth: 0, color: tokens.colorNeutralForeground2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** An article found for a question: the article, and whether it is about the customer's products (suggestions say). */
export type ListedArticle = { article: Article; forTheirProducts?: boolean };

/**
 * Articles, each a row that opens it: its title, a line of its text, "For their product" when it is about one of the
 * customer's products, and its language when it is not the pane's.
 */
export function ArticleList({ items, label }: { items: readonly ListedArticle[]; label: string }) {
  const styles = useStyles();
  const openRecord = useOpenRecord();
  return (
    <ul className={styles.list} aria-label={label}>
      {items.map(({ article, forTheirProducts }) => (
        <li key={article.id}>
          <button type="button" className={styles.row} onClick={() => openRecord({ kind: 'article', id: article.id })}>
            <Body1 className={styles.title} lang={article.language}>
              {article.title}
            </Body1>
            <Caption1 className={styles.excerpt} lang={article.language}>
              {articleExcerpt(article.body)}
            </Caption1>
            <ArticleBadges language={article.language} forTheirProducts={forTheirProducts === true} />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "For their product", and the article's language when it is not the pane's; nothing when neither. */
export function ArticleBadges({ language, forTheirProducts }: { language: Article['language']; forTheirProducts: boolean }) {
  const styles = useStyles();
  const { t, language: paneLanguage } = useI18n();
  if (!forTheirProducts && language === paneLanguage) return null;
  return (
    <span className={styles.badges}>
      {forTheirProducts ? <StatusBadge tone="success">{t('knowledge.forTheirProducts')}</StatusBadge> : null}
      {language !== paneLanguage ? <StatusBadge tone="informative">{t(`value.contact.language.${language}`)}</StatusBadge> : null}
    </span>
  );
}
