import { Suspense, useEffect, useRef, useState } from 'react';
import { Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { canEditRecord } from '@rapport/shared/members/access.rules';
import { hasRole } from '@rapport/shared/members/roles';
import type { Template } from '@rapport/shared/templates/template.schema';
import { useRecord } from '../../data/queries';
import { useTemplateChoices } from '../../data/templates';
import { useRestoreRecord } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { lazyWithMessages } from '../../i18n/lazy-with-messages';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { QueryState } from '../QueryState';
import type { InsertTemplateProps } from './InsertTemplate.types';
import { TemplateActions } from './TemplateActions';
import { TemplateList } from './TemplateList';
import { TemplatePreview } from './TemplatePreview';

export type { FilledForInsert, InsertTemplateProps } from './InsertTemplate.types';

// Writing a template is rarer than inserting one: its form loads when first opened.
const TemplateForm = lazyWithMessages(() => import('./TemplateForm'), 'TemplateForm');

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  back: { alignSelf: 'flex-start' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Where the picker is: the list, a template's preview, or its form (a new one when `template` is null). */
type Screen = { name: 'list' } | { name: 'preview'; template: Template } | { name: 'form'; template: Template | null; back: Screen };

/**
 * The e-mail templates a rep inserts while writing a message: the team's and their own, each previewed filled with
 * this recipient's details in the language chosen, then inserted at the cursor. Reps write, change and delete their
 * own templates here; managers share one with the team or stop sharing it.
 *
 * Load it on first use with `lazyWithMessages`, as the pane's other forms: its messages come with it.
 */
export function InsertTemplate({ values, freeTimes, insert, language }: InsertTemplateProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const templates = useTemplateChoices();
  const [screen, setScreen] = useState<Screen>({ name: 'list' });
  const [deleted, setDeleted] = useState<Template | null>(null);
  const restore = useRestoreRecord('template');
  const me = templates.me;
  const focusOnShow = useFocusOnShow(screen.name === 'preview' ? `preview:${screen.template.id}` : screen.name);
  const open = (next: Screen) => {
    setDeleted(null);
    restore.reset();
    setScreen(next);
  };
  const undoDelete = (template: Template) => restore.mutate({ deleted: template }, { onSuccess: () => setDeleted(null) });

  if (screen.name === 'form') {
    return (
      <div className={styles.view}>
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <TemplateFormFor
            template={screen.template}
            language={language}
            onSaved={(saved) => setScreen({ name: 'preview', template: saved })}
            onClose={() => setScreen(screen.back)}
          />
        </Suspense>
      </div>
    );
  }
  if (screen.name === 'preview') {
    return (
      <div
        className={styles.view}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setScreen({ name: 'list' });
        }}
      >
        <Button ref={focusOnShow} className={styles.back} appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => setScreen({ name: 'list' })}>
          {t('templates.back')}
        </Button>
        <ChosenTemplate
          listed={screen.template}
          values={values}
          freeTimes={freeTimes}
          insert={insert}
          language={language}
          myName={me?.name}
          myId={me?.userId}
          canEdit={(template) => (me ? canEditRecord(me, template) : false)}
          canShare={me ? hasRole(me.roles, 'manager') : false}
          onEdit={(template) => setScreen({ name: 'form', template, back: { name: 'preview', template } })}
          onDeleted={(template) => {
            setDeleted(template);
            setScreen({ name: 'list' });
          }}
        />
      </div>
    );
  }
  return (
    <section className={styles.view} aria-label={t('templates.heading')}>
      <h2 ref={focusOnShow} tabIndex={-1} className={styles.heading}>
        {t('templates.heading')}
      </h2>
      {deleted ? (
        <Notice
          intent="success"
          actions={
            <Button size="small" disabled={restore.isPending} onClick={() => undoDelete(deleted)}>
              {t('delete.undo')}
            </Button>
          }
        >
          {t('templates.deleted', { name: deleted.name })}
        </Notice>
      ) : null}
      {restore.error && deleted ? <ErrorMessage error={restore.error} title={t('delete.undoFailed')} onRetry={() => undoDelete(deleted)} /> : null}
      <QueryState query={templates} />
      {templates.choices ? (
        <TemplateList
          choices={templates.choices}
          onChoose={(template) => open({ name: 'preview', template })}
          onNew={() => open({ name: 'form', template: null, back: { name: 'list' } })}
        />
      ) : null}
      {templates.hasMore ? (
        <div>
          <Button disabled={templates.loadingMore} onClick={templates.loadMore}>
            {t('templates.more')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

type ChosenTemplateProps = Omit<InsertTemplateProps, 'language'> & {
  /** The template as the list had it: shown at once, and kept up to date by the cache after each write. */
  listed: Template;
  language: string;
  myName: string | undefined;
  myId: string | undefined;
  canEdit: (template: Template) => boolean;
  canShare: boolean;
  onEdit: (template: Template) => void;
  onDeleted: (template: Template) => void;
};

/** A chosen template: its name, whose it is, its preview to insert, and what else may be done with it. */
function ChosenTemplate({ listed, language, myName, myId, canEdit, canShare, onEdit, onDeleted, ...message }: ChosenTemplateProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const record = useRecord('template', listed.id, { initial: listed });
  const template = record.data ?? listed;
  return (
    <>
      <div>
        <h2 className={styles.heading}>{template.name}</h2>
        <Caption1 className={styles.meta}>{t(template.shared ? (template.ownerId === myId ? 'templates.mineShared' : 'templates.teamTemplate') : 'templates.myTemplate')}</Caption1>
      </div>
      <TemplatePreview template={template} displayLanguage={language} myName={myName} {...message} />
      <TemplateActions
        template={template}
        canEdit={canEdit(template)}
        canShare={canShare}
        onEdit={() => onEdit(template)}
        onDeleted={onDeleted}
        onReload={() => void record.refetch()}
      />
    </>
  );
}

/**
 * Where focus goes when the picker shows another screen (not when it first appears): a keyboard user goes on from the
 * top of what they opened rather than from the page's start. Forms move focus to their first field themselves.
 */
function useFocusOnShow(shown: string): (element: HTMLElement | null) => void {
  const target = useRef<HTMLElement | null>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else target.current?.focus();
  }, [shown]);
  return (element) => {
    target.current = element;
  };
}

/** The form on the template as the cache has it now, so a change is made at the latest version read. */
function TemplateFormFor({ template, ...props }: { template: Template | null; language: string; onSaved: (template: Template) => void; onClose: () => void }) {
  const record = useRecord('template', template?.id, template ? { initial: template } : {});
  return <TemplateForm template={template ? (record.data ?? template) : null} onReload={() => record.refetch()} {...props} />;
}
