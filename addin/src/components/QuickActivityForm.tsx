import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { taskPriorities, type TaskPriority } from '@rapport/shared/activities/task-priorities';
import type { ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/I18nContext';
import { DealSelect } from './DealSelect';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export type QuickActivityFormProps = {
  api: ApiClient;
  /** What the note or task belongs to. */
  links: { contactIds?: string[]; companyId?: string };
  /** Open deals the note or task may also belong to. */
  deals?: { id: string; name: string }[];
  onSaved: () => void;
};

type Mode = 'note' | 'task';

/** Adds a note, or a follow-up task with a due date, to the person or company in view. */
export function QuickActivityForm({ api, links, deals = [], onSaved }: QuickActivityFormProps) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const [mode, setMode] = useState<Mode | null>(null);
  const [subject, setSubject] = useState('');
  const [notes, setNotes] = useState('');
  const [dealId, setDealId] = useState('');
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const [due, setDue] = useState(() => new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  const open = (next: Mode) => {
    setMode(next);
    setSubject('');
    setNotes('');
    setDealId('');
    setPriority('normal');
    setMessage(null);
    setIdempotencyKey(crypto.randomUUID());
  };

  const save = async () => {
    if (!mode || subject.trim() === '') return;
    setBusy(true);
    try {
      const at = mode === 'task' ? new Date(`${due}T09:00:00`).toISOString() : new Date().toISOString();
      await api.createActivity(
        {
          kind: mode,
          subject: subject.trim(),
          at,
          status: mode === 'task' ? 'planned' : 'done',
          ...(notes.trim() ? { notes: notes.trim() } : {}),
          ...(mode === 'task' ? { priority } : {}),
          ...links,
          ...(dealId ? { dealId } : {}),
        },
        `${mode}:${idempotencyKey}`,
      );
      setMessage({ intent: 'success', text: mode === 'task' ? t('task.saved', { date: date(due) }) : t('note.saved') });
      setMode(null);
      onSaved();
    } catch (caught) {
      setMessage({ intent: 'error', text: t('app.error', { message: caught instanceof Error ? caught.message : String(caught) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.form}>
      {mode === null ? (
        <div className={styles.buttons}>
          <Button onClick={() => open('note')}>{t('action.addNote')}</Button>
          <Button onClick={() => open('task')}>{t('action.addTask')}</Button>
        </div>
      ) : (
        <form
          className={styles.form}
          aria-label={mode === 'task' ? t('action.addTask') : t('action.addNote')}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Field label={t('field.subject')} required>
            <Input value={subject} onChange={(_, data) => setSubject(data.value)} />
          </Field>
          {mode === 'task' ? (
            <Field label={t('field.dueDate')} required>
              <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
            </Field>
          ) : null}
          {mode === 'task' ? (
            <Field label={t('field.priority')}>
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
          <Field label={t('field.notes')}>
            <Textarea value={notes} onChange={(_, data) => setNotes(data.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" type="submit" disabled={busy || subject.trim() === ''}>
              {t('action.save')}
            </Button>
            <Button onClick={() => setMode(null)}>{t('action.cancel')}</Button>
          </div>
        </form>
      )}
      {message ? (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
