import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { taskPriorities, type TaskPriority } from '@rapport/shared/activities/task-priorities';
import { useCreateRecord } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { DealSelect } from './DealSelect';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export type QuickActivityFormProps = {
  /** What the note or task belongs to. */
  links: { contactIds?: string[]; companyId?: string };
  /** Open deals the note or task may also belong to. */
  deals?: { id: string; name: string }[];
};

type Mode = 'note' | 'task';

/**
 * Adds a note, or a follow-up task with a due date, to the person or company in view. The timeline and counters show
 * it by being read again after the write.
 */
export function QuickActivityForm({ links, deals = [] }: QuickActivityFormProps) {
  const styles = useStyles();
  // Each opening is a new note or task: a new draft, with its own idempotency key.
  const [draft, setDraft] = useState<{ mode: Mode; number: number } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { t } = useI18n();
  const open = (mode: Mode) => {
    setDraft((previous) => ({ mode, number: (previous?.number ?? 0) + 1 }));
    setSaved(null);
  };
  return (
    <div className={styles.form}>
      {draft === null ? (
        <div className={styles.buttons}>
          <Button onClick={() => open('note')}>{t('action.addNote')}</Button>
          <Button onClick={() => open('task')}>{t('action.addTask')}</Button>
        </div>
      ) : (
        <ActivityDraft
          key={draft.number}
          mode={draft.mode}
          links={links}
          deals={deals}
          onSaved={(text) => {
            setDraft(null);
            setSaved(text);
          }}
          onCancel={() => setDraft(null)}
        />
      )}
      {saved ? (
        <MessageBar intent="success">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

function ActivityDraft({
  mode,
  links,
  deals,
  onSaved,
  onCancel,
}: {
  mode: Mode;
  links: QuickActivityFormProps['links'];
  deals: { id: string; name: string }[];
  onSaved: (text: string) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const errorText = useErrorText();
  const [subject, setSubject] = useState('');
  const [notes, setNotes] = useState('');
  const [dealId, setDealId] = useState('');
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const [due, setDue] = useState(() => new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10));
  const create = useCreateRecord('activity');
  const fields = create.error ? errorText(create.error).fields : {};

  const save = () => {
    if (subject.trim() === '') return;
    const at = mode === 'task' ? new Date(`${due}T09:00:00`).toISOString() : new Date().toISOString();
    create.mutate(
      {
        input: {
          kind: mode,
          subject: subject.trim(),
          at,
          status: mode === 'task' ? 'planned' : 'done',
          ...(notes.trim() ? { notes: notes.trim() } : {}),
          ...(mode === 'task' ? { priority } : {}),
          ...links,
          ...(dealId ? { dealId } : {}),
        },
      },
      { onSuccess: () => onSaved(mode === 'task' ? t('task.saved', { date: date(due) }) : t('note.saved')) },
    );
  };

  return (
    <form
      className={styles.form}
      aria-label={mode === 'task' ? t('action.addTask') : t('action.addNote')}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Field label={t('field.subject')} required validationMessage={fields.subject}>
        <Input value={subject} onChange={(_, data) => setSubject(data.value)} />
      </Field>
      {mode === 'task' ? (
        <Field label={t('field.dueDate')} required validationMessage={fields.at}>
          <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
        </Field>
      ) : null}
      {mode === 'task' ? (
        <Field label={t('field.priority')} validationMessage={fields.priority}>
          <Select value={priority} onChange={(_, data) => setPriority(data.value as TaskPriority)}>
            {taskPriorities.map((level) => (
              <option key={level} value={level}>
                {t(`priority.${level}`)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <DealSelect deals={deals} value={dealId} onChange={setDealId} />
      <Field label={t('field.notes')} validationMessage={fields.notes}>
        <Textarea value={notes} onChange={(_, data) => setNotes(data.value)} />
      </Field>
      {create.error ? <ErrorMessage error={create.error} onRetry={save} /> : null}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={create.isPending || subject.trim() === ''}>
          {t('action.save')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
