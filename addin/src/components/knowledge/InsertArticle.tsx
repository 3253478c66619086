import { useEffect, useId, useRef } from 'react';
import { Body1, Button, Caption1, Field, Radio, RadioGroup, Select, Skeleton, SkeletonItem, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { LookupResult } from '@rapport/shared';
import type { Article } from '@rapport/shared/knowledge/article.schema';
import { useI18n } from '../../i18n/I18nContext';
import type { ComposeContent } from '../../office/compose-item';
import type { MailItem } from '../../office/mail-item';
import { ErrorMessage } from '../ErrorMessage';
import { articleExcerpt } from './article-excerpt';
import { ArticleBadges } from './ArticleList';
import { ArticleSearchForm } from './ArticleSearchForm';
import { useInsertArticle, type InsertAs } from './useInsertArticle';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // Each choice as wide as the pane and no wider: its title wraps under the radio, its line of text ends in an ellipsis.
  choices: {
    minWidth: 0,
    '& .fui-Radio': { display: 'flex', alignSelf: 'stretch', alignItems: 'flex-start', minWidth: 0 },
    '& .fui-Radio__label': { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  },
  choice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  excerpt: { display: 'block', minWidth: 0, color: tokens.colorNeutralForeground2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hint: { color: tokens.colorNeutralForeground2 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type InsertArticleProps = {
  /** The draft: its subject is what the articles are matched on. */
  item: MailItem;
  /** The recipient the message is for (their card's): their products, language and open cases. */
  customer: LookupResult | undefined;
  /** Puts the text at the cursor of the draft, through Outlook. */
  insert: (content: ComposeContent) => Promise<unknown>;
  /** Inserted (and logged on the case, when one was chosen): what to tell the rep. */
  onDone: (notice: string) => void;
};

/**
 * "Insert article" in a message being written: the articles suggested for the draft (or searched), put at the cursor
 * in the customer's language when a translation is published (another on request), and logged as the answer to the
 * case the rep says it answers (the only open one by default).
 */
export function InsertArticle({ item, customer, insert, onDone }: InsertArticleProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const state = useInsertArticle({ item, customer, insert });
  const { suggestions, box, candidates, chosen, version, job, relog } = state;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const labelId = useId();
  useEffect(() => headingRef.current?.focus(), []);
  const languageName = (language: Article['language']) => t(`value.contact.language.${language}`);
  const outcome = relog.data ?? job.data;
  const notLogged = outcome?.case && outcome.logError ? outcome : null;
  const busy = job.isPending || relog.isPending;

  const said = (logged: typeof outcome) => {
    if (!logged) return;
    if (logged.logError) return;
    const link = logged.as === 'link';
    if (logged.case) onDone(t(link ? 'knowledge.insert.linkLogged' : 'knowledge.insert.logged', { number: logged.case.number }));
    else onDone(t(link ? 'knowledge.insert.linkInserted' : 'knowledge.insert.inserted'));
  };
  const run = () => {
    if (!version) return;
    relog.reset();
    job.mutate({ article: version, serviceCase: state.answeredCase, as: state.as }, { onSuccess: said });
  };

  return (
    <section className={styles.view} aria-labelledby={labelId}>
      <h2 ref={headingRef} id={labelId} tabIndex={-1} className={styles.heading}>
        {t('knowledge.insert.heading')}
      </h2>
      {/* Nothing suggested: say so, and the search is next. */}
      {!state.searching && suggestions.isSuccess && candidates.length === 0 ? <Body1>{t('knowledge.insert.none')}</Body1> : null}
      <ArticleSearchForm box={box} />
      {candidates.length > 0 || suggestions.isPending || state.searching ? <h3 className={styles.subheading}>{state.searching ? t('knowledge.search.found', { query: box.q }) : t('knowledge.insert.suggested')}</h3> : null}
      {!state.searching && suggestions.isPending ? (
        <Skeleton className={styles.skeleton} aria-label={t('knowledge.finding')}>
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
        </Skeleton>
      ) : null}
      {state.searching && box.searching ? <Spinner size="tiny" label={t('knowledge.search.searching')} /> : null}
      {!state.searching && suggestions.isError ? <ErrorMessage title={t('knowledge.failed')} error={suggestions.error} onRetry={() => void suggestions.refetch()} /> : null}
      {state.searching && box.search.isError ? <ErrorMessage error={box.search.error} onRetry={() => void box.search.refetch()} /> : null}
      {box.empty ? (
        <Body1 className={styles.hint} role="status">
          {t('knowledge.search.none', { query: box.q })}
        </Body1>
      ) : null}
      {chosen ? (
        <>
          <RadioGroup className={styles.choices} aria-label={t('knowledge.insert.choose')} value={chosen.id} onChange={(_, data) => state.choose(data.value)}>
            {candidates.map(({ article, forTheirProducts }) => (
              <Radio
                key={article.id}
                value={article.id}
                disabled={busy}
                label={
                  <span className={styles.choice}>
                    <span lang={article.language}>{article.title}</span>
                    <Caption1 className={styles.excerpt} lang={article.language}>
                      {articleExcerpt(article.body)}
                    </Caption1>
                    <ArticleBadges language={article.language} forTheirProducts={forTheirProducts === true} />
                  </span>
                }
              />
            ))}
          </RadioGroup>
          <Field label={t('knowledge.insert.language')}>
            <Select value={version?.id ?? ''} disabled={busy || !state.translations.ready} onChange={(_, data) => state.chooseVersion(data.value)}>
              {state.versions.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.language === state.theirLanguage ? t('knowledge.insert.customerLanguage', { language: languageName(candidate.language) }) : languageName(candidate.language)}
                </option>
              ))}
            </Select>
          </Field>
          {state.translations.error ? <ErrorMessage error={state.translations.error} onRetry={state.translations.retry} /> : null}
          {state.linkable ? (
            <Field label={t('knowledge.insert.as')}>
              <RadioGroup className={styles.choices} value={state.as} onChange={(_, data) => state.chooseAs(data.value as InsertAs)}>
                <Radio value="link" disabled={busy} label={t('knowledge.insert.asLink')} />
                <Radio value="text" disabled={busy} label={t('knowledge.insert.asText')} />
              </RadioGroup>
            </Field>
          ) : null}
          {state.openCases.length > 0 ? (
            <Field label={t('knowledge.insert.case')}>
              <RadioGroup className={styles.choices} value={state.caseId} onChange={(_, data) => state.chooseCase(data.value)}>
                {state.openCases.map((serviceCase) => (
                  <Radio key={serviceCase.id} value={serviceCase.id} disabled={busy} label={t('knowledge.insert.caseOption', { number: serviceCase.number, subject: serviceCase.subject })} />
                ))}
                <Radio value="none" disabled={busy} label={t('knowledge.insert.noCase')} />
              </RadioGroup>
            </Field>
          ) : null}
          {job.error ? <ErrorMessage error={job.error} onRetry={run} /> : null}
          {notLogged?.case ? (
            <ErrorMessage
              title={t('knowledge.insert.notLogged', { number: notLogged.case.number })}
              error={notLogged.logError}
              onRetry={() => {
                const serviceCase = notLogged.case;
                if (version && serviceCase) relog.mutate({ article: version, serviceCase, as: notLogged.as }, { onSuccess: said });
              }}
            />
          ) : null}
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy || !version} onClick={run}>
              {job.isPending ? t('knowledge.insert.inserting') : t('knowledge.insert.button')}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
