import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useI18n } from '../../i18n/I18nContext';
import { ArticleMarkdown } from './ArticleMarkdown';

const useStyles = makeStyles({
  // The article's text at the pane's width: long words and addresses wrap, code wraps rather than scrolling sideways.
  body: {
    minWidth: 0,
    overflowWrap: 'anywhere',
    ...typographyStyles.body1,
    '& > :first-child': { marginTop: 0 },
    '& > :last-child': { marginBottom: 0 },
    '& p': { marginTop: 0, marginBottom: tokens.spacingVerticalS },
    '& ul': { marginTop: 0, marginBottom: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalXL },
    '& ol': { marginTop: 0, marginBottom: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalXL },
    '& li + li': { marginTop: tokens.spacingVerticalXXS },
    '& h2': { ...typographyStyles.subtitle2, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
    '& h3': { ...typographyStyles.body1Strong, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
    '& h4': { ...typographyStyles.body1Strong, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
    '& h5': { ...typographyStyles.body1Strong, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
    '& h6': { ...typographyStyles.body1Strong, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
    '& a': { color: tokens.colorBrandForegroundLink },
    '& a:hover': { color: tokens.colorBrandForegroundLinkHover },
    '& blockquote': { marginTop: 0, marginBottom: tokens.spacingVerticalS, marginInline: 0, paddingLeft: tokens.spacingHorizontalM, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`, color: tokens.colorNeutralForeground2 },
    '& code': { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall, paddingInline: tokens.spacingHorizontalXXS },
    '& pre': { marginTop: 0, marginBottom: tokens.spacingVerticalS, whiteSpace: 'pre-wrap', padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
    '& pre code': { padding: 0, backgroundColor: 'transparent' },
    '& hr': { border: 'none', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
});

/**
 * An article's Markdown as the pane shows it: rendered, never as HTML of its own, links opening a new window; marked
 * with its language, which may not be the pane's.
 */
export function ArticleBody({ body, language }: { body: string; language: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.body} lang={language}>
      {body.trim() === '' ? <p>{t('knowledge.noText')}</p> : <ArticleMarkdown body={body} newWindowLabel={t('knowledge.article.newWindow')} imageLabel={(name) => t('knowledge.article.image', { name })} />}
    </div>
  );
}
