import { useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { TranslateRegular } from '@fluentui/react-icons';
import type { Article } from '@rapport/shared/knowledge/article.schema';
import { memberLanguages } from '@rapport/shared/members/preferences.rules';
import { useArticleTranslations, useIsKnowledgeEditor } from '../../data/knowledge';
import { useI18n } from '../../i18n/I18nContext';
import { useOpenRecord } from '../../taskpane/record-navigation';
import { ChangeHistory } from '../ChangeHistory';
import { Notice } from '../Notice';
import { Section } from '../Section';
import { editIcons } from '../editing-icons';
import { sectionIcons } from '../icons';
import { articleDraftOf } from './article-draft';
import { ArticleEditor } from './ArticleEditor';
import { ArticleSections } from './ArticleSections';

// The editor alone (a new article from Answers) loads through this module's boundary too.
export { ArticleEditor };

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
});

export type ArticleViewProps = {
  article: Article;
  /** Reads the article again (after someone else changed it first). */
  reload: () => void;
  /** Opened to be written (a draft just made from a case): in the editor, for those who write the knowledge base. */
  startInEditor?: boolean;
};

/**
 * A knowledge article in the record view: read (its text, languages, products and tags); for knowledge editors and
 * admins, Edit and Add a translation, each in the editor in place; and who changed what, from its history.
 */
export function ArticleView({ article, reload, startInEditor = false }: ArticleViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const writes = useIsKnowledgeEditor();
  const openRecord = useOpenRecord();
  const [mode, setMode] = useState<'read' | 'edit' | 'translate'>(startInEditor ? 'edit' : 'read');
  const [saved, setSaved] = useState(false);
  const group = useArticleTranslations(article);
  // A translation is in a language its group is not written in yet.
  const free = memberLanguages.filter((language) => language !== article.language && !group.languages.includes(language));
  const changes = (
    <Section title={t('tabs.changes')} icon={sectionIcons.changes}>
      <ChangeHistory owner={{ kind: 'article', id: article.id }} />
    </Section>
  );

  if (writes && mode === 'edit') {
    return (
      <>
        <ArticleEditor
          target={{ article }}
          heading={t('knowledge.editor.editHeading')}
          reload={reload}
          onSaved={() => {
            setMode('read');
            setSaved(true);
          }}
          onCancel={() => setMode('read')}
        />
        {changes}
      </>
    );
  }
  if (writes && mode === 'translate' && free[0]) {
    return (
      <ArticleEditor
        target={{ initial: articleDraftOf({ ...article, status: 'draft', language: free[0] }), translationOf: article.id }}
        heading={t('knowledge.editor.translateHeading', { title: article.title })}
        languages={free}
        onSaved={(translation) => openRecord({ kind: 'article', id: translation.id })}
        onCancel={() => setMode('read')}
      />
    );
  }
  return (
    <>
      {saved ? <Notice intent="success">{t('knowledge.editor.saved')}</Notice> : null}
      {writes ? (
        <div className={styles.actions}>
          <Button appearance="primary" icon={<editIcons.edit />} onClick={() => {
              setSaved(false);
              setMode('edit');
            }}>
            {t('knowledge.editor.edit')}
          </Button>
          <Button icon={<TranslateRegular />} disabled={!group.ready || free.length === 0} onClick={() => {
              setSaved(false);
              setMode('translate');
            }}>
            {t('knowledge.editor.translate')}
          </Button>
          {group.ready && free.length === 0 ? <Caption1 className={styles.hint}>{t('knowledge.editor.allLanguages')}</Caption1> : null}
        </div>
      ) : null}
      <ArticleSections article={article} />
      {changes}
    </>
  );
}
