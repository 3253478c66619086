import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button, Caption1, Checkbox, Field, Input, Select, Spinner, Switch, Tab, TabList, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Article } from '@rapport/shared/knowledge/article.schema';
import { ARTICLE_BODY_MAX, ARTICLE_PRODUCTS_MAX, ARTICLE_TAGS_MAX, ARTICLE_TAG_MAX, ARTICLE_TITLE_MAX, articleIsPublic, articleStatuses } from '@rapport/shared/knowledge/article.rules';
import { memberLanguages, type MemberLanguage } from '@rapport/shared/members/preferences.rules';
import { usePublicArticleUrl } from '../../data/knowledge';
import { useRecordList } from '../../data/queries';
import { fieldLabelKey } from '../../i18n/field-labels';
import { useI18n } from '../../i18n/I18nContext';
import { ChangeError } from '../ChangeError';
import { CopyLink } from '../CopyLink';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { editIcons } from '../editing-icons';
import type { ArticleDraft, ArticleProblem } from './article-draft';
import { ArticleBody } from './ArticleBody';
import { useArticleEditor, type ArticleEditorTarget } from './useArticleEditor';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', ':focus': { outlineStyle: 'none' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  input: { width: '100%', minWidth: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  textarea: { width: '100%', minWidth: 0, '& textarea': { fontFamily: tokens.fontFamilyMonospace, minHeight: '12em' } },
  preview: { padding: tokens.spacingHorizontalS, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, minHeight: '6em', minWidth: 0 },
  // The products as ticks, each a line that wraps: nothing wider than the pane.
  products: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, border: 'none', minWidth: 0, '& .fui-Checkbox__label': { overflowWrap: 'anywhere' } },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  // Two fields side by side: each takes half of what the pane leaves, their inputs level when a label wraps.
  pair: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'end', minWidth: 0 },
  select: { width: '100%', minWidth: 0, '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
  buttons: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export type ArticleEditorProps = {
  /** The article to change, or a new one (a translation names the article it translates). */
  target: ArticleEditorTarget;
  /** What the editor is called: a new article, the article's changes, a translation. */
  heading: string;
  /** The languages a new translation may be in (the others are taken in its group); every language when absent. */
  languages?: readonly MemberLanguage[];
  /** Reads the article again (after someone else changed it first). */
  reload?: () => void;
  /** Saved: the article as stored (new or changed). */
  onSaved: (article: Article) => void;
  onCancel: () => void;
};

/**
 * A knowledge article written in the pane: its title, its text in Markdown with a preview rendered as readers see it,
 * the products it is about (from the catalog), tags, language, status, and whether it has a public page. Checked by the
 * API's limits before anything is sent; a new article is created once however often Save is pressed, an article's
 * changes are saved at the version read, and when someone changed it first the editor says who and keeps what was typed.
 */
export function ArticleEditor({ target, heading, languages = memberLanguages, reload, onSaved, onCancel }: ArticleEditorProps) {
  const styles = useStyles();
  const translator = useI18n();
  const { t } = translator;
  const editor = useArticleEditor(target);
  const { draft } = editor;
  const article = 'article' in target ? target.article : null;
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const tabsId = useId();
  const publicUrlOf = usePublicArticleUrl();
  // Opened: the editor is where the user went, its heading focused (the button they used is gone).
  useEffect(() => headingRef.current?.focus(), []);

  const number = (value: number) => new Intl.NumberFormat(translator.locale).format(value);
  const limits: Record<ArticleProblem, number> = {
    titleRequired: 0,
    titleLong: ARTICLE_TITLE_MAX,
    bodyLong: ARTICLE_BODY_MAX,
    tagsMany: ARTICLE_TAGS_MAX,
    tagLong: ARTICLE_TAG_MAX,
    productsMany: ARTICLE_PRODUCTS_MAX,
  };
  // The draft's own check first; else what the API said of the field (a tag's is at `tags.3`).
  const problemAt = (field: keyof ArticleDraft): string | undefined => {
    const problem = editor.problems[field];
    if (problem) return t(`knowledge.editor.problem.${problem}`, { max: number(limits[problem]) });
    return Object.entries(editor.apiFields).find(([path]) => path === field || path.startsWith(`${field}.`))?.[1];
  };
  const label = (field: string) => t(fieldLabelKey('article', field));
  const save = async (version?: number) => {
    const saved = await editor.save(version);
    if (saved) onSaved(saved);
  };
  const choices = [...new Set([draft.language, ...languages])];

  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 ref={headingRef} id={headingId} tabIndex={-1} className={styles.heading}>
        {heading}
      </h2>
      <Field label={label('title')} required validationMessage={problemAt('title')}>
        <Input className={styles.input} lang={draft.language} value={draft.title} maxLength={ARTICLE_TITLE_MAX} onChange={(_, data) => editor.edit({ title: data.value })} />
      </Field>
      <div className={styles.text}>
        <TabList size="small" selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as 'write' | 'preview')} aria-label={t('knowledge.editor.textTabs')}>
          <Tab value="write" aria-controls={tabsId}>
            {t('knowledge.editor.write')}
          </Tab>
          <Tab value="preview" aria-controls={tabsId}>
            {t('knowledge.editor.preview')}
          </Tab>
        </TabList>
        <div id={tabsId} role="tabpanel" aria-label={tab === 'write' ? t('knowledge.editor.write') : t('knowledge.editor.preview')}>
          {tab === 'write' ? (
            <Field label={label('body')} hint={t('knowledge.editor.bodyHint')} validationMessage={problemAt('body')}>
              <Textarea className={styles.textarea} lang={draft.language} resize="vertical" value={draft.body} onChange={(_, data) => editor.edit({ body: data.value })} />
            </Field>
          ) : (
            <div className={styles.preview}>
              <ArticleBody body={draft.body} language={draft.language} />
            </div>
          )}
        </div>
      </div>
      <ProductTicks value={draft.productIds} problem={problemAt('productIds')} onChange={(productIds) => editor.edit({ productIds })} />
      <Field label={label('tags')} hint={t('knowledge.editor.tagsHint')} validationMessage={problemAt('tags')}>
        <Input className={styles.input} lang={draft.language} value={draft.tags} onChange={(_, data) => editor.edit({ tags: data.value })} />
      </Field>
      <div className={styles.pair}>
        <Field label={label('language')} validationMessage={problemAt('language')}>
          <Select className={styles.select} value={draft.language} onChange={(_, data) => editor.edit({ language: data.value as MemberLanguage })}>
            {choices.map((language) => (
              <option key={language} value={language}>
                {t(`value.contact.language.${language}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={label('status')} validationMessage={problemAt('status')}>
          <Select className={styles.select} value={draft.status} onChange={(_, data) => editor.edit({ status: data.value as ArticleDraft['status'] })}>
            {articleStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`knowledge.article.status.${status}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field hint={draft.visibility === 'public' ? (article && articleIsPublic(article) ? undefined : t('knowledge.editor.publicLater')) : t('knowledge.editor.internalHint')} validationMessage={problemAt('visibility')}>
        <Switch checked={draft.visibility === 'public'} label={t('knowledge.editor.public')} onChange={(_, data) => editor.edit({ visibility: data.checked ? 'public' : 'internal' })} />
      </Field>
      {article?.publicKey && articleIsPublic(article) && draft.visibility === 'public' ? <CopyLink url={publicUrlOf(article.publicKey)} label={t('knowledge.editor.publicLink')} /> : null}
      {editor.checked && !editor.valid ? <Notice intent="warning">{t('knowledge.editor.fix')}</Notice> : null}
      {editor.error ? (
        article ? (
          <ChangeError
            error={editor.error}
            onRetry={() => void save()}
            onReload={() => {
              // The article as it is now; what the editor typed stays, to save again at the new version.
              editor.reset();
              reload?.();
            }}
            onApplyAgain={(version) => void save(version)}
            myFields={editor.sentFields}
          />
        ) : (
          <ErrorMessage error={editor.error} onRetry={() => void save()} />
        )
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" icon={<editIcons.save />} disabled={editor.saving}>
          {editor.saving ? t('knowledge.editor.saving') : t(article ? 'knowledge.editor.save' : 'knowledge.editor.create')}
        </Button>
        <Button onClick={onCancel} disabled={editor.saving}>
          {t('knowledge.editor.cancel')}
        </Button>
        {editor.dirty ? <Caption1 className={styles.hint}>{t('knowledge.editor.unsaved')}</Caption1> : null}
      </div>
    </form>
  );
}

/**
 * The products an article is about, from the catalog: one tick per product name (the catalog keeps a product once per
 * currency, and an article is about the product whatever the currency), none for any product.
 */
function ProductTicks({ value, problem, onChange }: { value: readonly string[]; problem: string | undefined; onChange: (productIds: string[]) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  // The catalog as the pane reads it once (the article's view names its products from the same read).
  const products = useRecordList('product', { limit: 100 });
  const byName = useMemo(() => {
    const groups = new Map<string, string[]>();
    for (const product of products.data?.items ?? []) groups.set(product.name, [...(groups.get(product.name) ?? []), product.id]);
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [products.data]);
  const chosen = new Set(value);
  const legendId = useId();
  return (
    <fieldset className={styles.products} aria-labelledby={legendId}>
      <legend id={legendId} className={styles.legend}>
        {t(fieldLabelKey('article', 'productIds'))}
      </legend>
      {products.isPending ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {products.isError ? <ErrorMessage error={products.error} onRetry={() => void products.refetch()} /> : null}
      {products.isSuccess && byName.length === 0 ? <Caption1 className={styles.hint}>{t('knowledge.editor.noProducts')}</Caption1> : null}
      {byName.map(([name, ids]) => (
        <Checkbox
          key={name}
          label={name}
          checked={ids.every((id) => chosen.has(id)) ? true : ids.some((id) => chosen.has(id)) ? 'mixed' : false}
          onChange={(_, data) => onChange(data.checked === true ? [...new Set([...value, ...ids])] : value.filter((id) => !ids.includes(id)))}
        />
      ))}
      {problem ? (
        <Caption1 className={styles.problem} role="alert">
          {problem}
        </Caption1>
      ) : byName.length > 0 && value.length === 0 ? (
        <Caption1 className={styles.hint}>{t('knowledge.editor.anyProduct')}</Caption1>
      ) : null}
    </fieldset>
  );
}
