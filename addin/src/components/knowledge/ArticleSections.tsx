import { Body1, Caption1, Link, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { BookOpenRegular, TagMultipleRegular } from '@fluentui/react-icons';
import type { Article } from '@rapport/shared/knowledge/article.schema';
import { useArticleTranslations, useProductNames } from '../../data/knowledge';
import { useI18n } from '../../i18n/I18nContext';
import { useOpenRecord } from '../../taskpane/record-navigation';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { Section } from '../Section';
import { TokenList } from '../TokenList';
import { ArticleBody } from './ArticleBody';

const useStyles = makeStyles({
  languages: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  facts: { display: 'flex', flexDirection: 'column', margin: 0, minWidth: 0 },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, paddingBlock: tokens.spacingVerticalXS },
  term: { color: tokens.colorNeutralForeground2, ...typographyStyles.caption1 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere', ...typographyStyles.body1 },
  none: { color: tokens.colorNeutralForeground2 },
});

/**
 * A knowledge article as the record view shows it, read-only: its other languages to switch to, its text rendered from
 * Markdown, and the products and tags it is about. Whether it is offered to reps (published) is said above the text.
 */
export function ArticleSections({ article }: { article: Article }) {
  const { t } = useI18n();
  return (
    <>
      <Section title={t('knowledge.article.text')} icon={BookOpenRegular} defaultOpen>
        <ArticleLanguages article={article} />
        {article.status !== 'published' ? <Notice intent="info">{t('knowledge.article.notOffered')}</Notice> : null}
        <ArticleBody body={article.body} language={article.language} />
      </Section>
      <Section title={t('knowledge.article.about')} icon={TagMultipleRegular} defaultOpen>
        <ArticleFacts article={article} />
      </Section>
    </>
  );
}

/** The languages the article is written in: this one, and a link to each published translation. */
function ArticleLanguages({ article }: { article: Article }) {
  const styles = useStyles();
  const translator = useI18n();
  const { t } = translator;
  const openRecord = useOpenRecord();
  const { translations, ready, error, retry } = useArticleTranslations(article);
  const languageName = (language: Article['language']) => t(`value.contact.language.${language}`);
  // Inside a sentence a language's name is lower case in Spanish, Portuguese and Italian ("solo en inglés").
  const inSentence = (language: Article['language']) => (translator.language === 'en' ? languageName(language) : languageName(language).toLocaleLowerCase(translator.locale));
  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (!ready) return <Spinner size="extra-tiny" label={t('knowledge.article.languages')} labelPosition="after" />;
  if (translations.length === 0) return <Caption1 className={styles.label}>{t('knowledge.article.onlyLanguage', { language: inSentence(article.language) })}</Caption1>;
  return (
    <nav className={styles.languages} aria-label={t('knowledge.article.languages')}>
      <Body1>{t('knowledge.article.thisLanguage', { language: languageName(article.language) })}</Body1>
      {translations.map((translation) => (
        <Link key={translation.id} as="button" onClick={() => openRecord({ kind: 'article', id: translation.id })} aria-label={t('knowledge.article.readIn', { language: inSentence(translation.language) })}>
          {languageName(translation.language)}
        </Link>
      ))}
    </nav>
  );
}

/** The products the article is about (any, when it names none) and its tags. */
function ArticleFacts({ article }: { article: Article }) {
  const styles = useStyles();
  const { t } = useI18n();
  const productName = useProductNames();
  const products = article.productIds.map((id) => productName(id) ?? '…');
  return (
    <dl className={styles.facts}>
      <div className={styles.fact}>
        <dt className={styles.term}>{t('knowledge.article.products')}</dt>
        <dd className={styles.value}>{products.length > 0 ? <TokenList values={[...new Set(products)]} /> : <span className={styles.none}>{t('knowledge.article.allProducts')}</span>}</dd>
      </div>
      <div className={styles.fact}>
        <dt className={styles.term}>{t('knowledge.article.tags')}</dt>
        <dd className={styles.value}>{article.tags.length > 0 ? <TokenList values={article.tags} /> : <span className={styles.none}>{t('knowledge.article.noTags')}</span>}</dd>
      </div>
    </dl>
  );
}
