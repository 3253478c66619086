import { useState } from 'react';
import { Button, Field, Input, Select, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { taskPriorities, type TaskPriority } from '@rapport/shared/activities/task-priorities';
import { localDateOf, quickDateAt, quickDates, startOfWork } from '@rapport/shared/activities/quick-dates.rules';
import { useWorkingHours } from './activity-actions/useWorkingHours';
import { useCreateRecord } from '../data/writes';
import { useFormFocus } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { DealSelect } from './DealSelect';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    // A list as wide as its longest choice (a deal's long name) stays the pane's width and cuts that choice instead.
    '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: { margin: 0 },
});

export type ActivityMode = 'note' | 'task';

export type QuickActivityFormProps = {
  mode: ActivityMode;
  /** What the note or task belongs to. */
  links: { contactIds?: string[]; companyId?: string };
  /** Open deals the note or task may also belong to. */
  deals?: { id: string; name: string }[];
  /** Saved: what to tell the rep ("Note saved."). */
  onSaved: (notice: string) => void;
  onCancel: () => void;
};

/**
 * A note, or a follow-up task with a due date, for the person or company in view, opened from the card's actions:
 * each opening is a new note or task (a new draft, with its own idempotency key). The timeline and counters show it
 * by being read again after the write.
 */
export function QuickActivityForm({ mode, links, deals = [], onSaved, onCancel }: QuickActivityFormProps) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const errorText = useErrorText();
  const focus = useFormFocus(onCancel);
  const [subject, setSubject] = useState('');
  const [notes, setNotes] = useState('');
  const [dealId, setDealId] = useState('');
  const [priority, setPriority] = useState<TaskPriority>('normal');
  // Due at the start of the rep's working day, in their mailbox's zone; tomorrow's (the next working day) unless changed.
  const { hours } = useWorkingHours();
  const quick = Object.fromEntries(quickDates.map((which) => [which, localDateOf(quickDateAt(which, Date.now(), hours), hours)]));
  const [picked, setDue] = useState<string | null>(null);
  const due = picked ?? quick.tomorrow!;
  const create = useCreateRecord('activity');
  const fields = create.error ? errorText(create.error).fields : {};
  const title = mode === 'task' ? t('action.addTask') : t('action.addNote');

  const save = () => {
    if (subject.trim() === '') return;
    const at = mode === 'task' ? startOfWork(due, hours) : new Date().toISOString();
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
      ref={focus.ref}
      onKeyDown={focus.onKeyDown}
      className={styles.form}
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Subtitle2 as="h3" className={styles.heading}>
        {title}
      </Subtitle2>
      <Field label={t('field.subject')} required validationMessage={fields.subject}>
        <Input value={subject} onChange={(_, data) => setSubject(data.value)} />
      </Field>
      {mode === 'task' ? (
        <Field label={t('field.dueDate')} required validationMessage={fields.at}>
          <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
        </Field>
      ) : null}
      {mode === 'task' ? (
        <div className={styles.buttons}>
          {quickDates.map((which) => (
            <Button key={which} size="small" appearance={due === quick[which] ? 'primary' : 'secondary'} aria-pressed={due === quick[which]} onClick={() => setDue(quick[which]!)}>
              {t(`activity.quick.${which}`)}
            </Button>
          ))}
        </div>
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
