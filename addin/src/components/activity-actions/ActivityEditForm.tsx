import { useState } from 'react';
import { Button, Caption1, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared/activities/activity.schema';
import { editableOutcomes, hasPriority, isCalendarEvent } from '@rapport/shared/activities/activity-actions.rules';
import { outcomeAllowedAt } from '@rapport/shared/activities/activity-outcomes';
import { taskPriorities } from '@rapport/shared/activities/task-priorities';
import { useFormFocus } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import type { MessageKey } from '../../i18n/i18n';
import { ChangeError } from '../ChangeError';
import { changesOf, draftOf, type DraftField, type DraftProblems } from './activity-draft';
import { useActivityChange } from './useActivityChange';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  when: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalS },
  zone: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export type ActivityEditFormProps = {
  activity: Activity;
  /** The user's time zone: the time is shown and typed as their clock reads it. */
  timeZone: string;
  onSaved: () => void;
  onCancel: () => void;
  /** Reads the activity again (after a refusal because someone changed it first); what the user typed stays. */
  onReload: () => void;
};

/** Changing an activity in place: subject, when, notes, and its priority (a task) or outcome (a call or meeting). */
export function ActivityEditForm({ activity, timeZone, onSaved, onCancel, onReload }: ActivityEditFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const errorText = useErrorText();
  const focus = useFormFocus(onCancel);
  const [draft, setDraft] = useState(() => draftOf(activity, timeZone));
  const [problems, setProblems] = useState<DraftProblems>({});
  const change = useActivityChange(activity, onSaved);
  const apiFields = change.error ? errorText(change.error).fields : {};
  const outcomes = (editableOutcomes[activity.kind] ?? []).filter((outcome) => outcome === activity.outcome || outcomeAllowedAt(outcome, activity.at, new Date(Date.now())));

  const message = (field: DraftField, apiField: string = field) => {
    const problem = problems[field];
    return problem ? t(problem.key as MessageKey, { max: problem.max ?? 0 }) : apiFields[apiField];
  };
  const set = (field: DraftField) => (_: unknown, data: { value: string }) => setDraft((current) => ({ ...current, [field]: data.value }));
  const save = () => {
    const result = changesOf(activity, draft, timeZone);
    if ('problems' in result) return setProblems(result.problems);
    setProblems({});
    if (Object.keys(result.changes).length === 0) return onCancel();
    change.send(result.changes);
  };

  return (
    <form
      ref={focus.ref}
      onKeyDown={focus.onKeyDown}
      className={styles.form}
      aria-label={t('activity.editHeading', { subject: activity.subject })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Field label={t('field.subject')} required validationMessage={message('subject')}>
        <Input value={draft.subject} onChange={set('subject')} />
      </Field>
      {/* A calendar event's time is the calendar's: it is moved in Outlook, where the attendees' invitations follow. */}
      {isCalendarEvent(activity) ? null : (
        <>
          <div className={styles.when}>
            <Field label={t('activity.date')} required validationMessage={message('date', 'at')}>
              <Input type="date" value={draft.date} onChange={set('date')} />
            </Field>
            <Field label={t('activity.time')} required validationMessage={message('time', 'at')}>
              <Input type="time" value={draft.time} onChange={set('time')} />
            </Field>
          </div>
          <Caption1 className={styles.zone}>{t('schedule.timeZone', { zone: timeZone })}</Caption1>
        </>
      )}
      {hasPriority(activity) ? (
        <Field label={t('field.priority')} validationMessage={apiFields.priority}>
          <Select value={draft.priority} onChange={set('priority')}>
            {taskPriorities.map((level) => (
              <option key={level} value={level}>
                {t(`priority.${level}`)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {outcomes.length > 0 ? (
        <Field label={t('outcome.label')} validationMessage={apiFields.outcome}>
          <Select value={draft.outcome} onChange={set('outcome')}>
            <option value="">{t('outcome.none')}</option>
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`outcome.${outcome}` as MessageKey)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label={t('field.notes')} validationMessage={message('notes')}>
        <Textarea value={draft.notes} onChange={set('notes')} resize="vertical" />
      </Field>
      {change.error ? (
        <ChangeError error={change.error} onRetry={change.retry} onReload={onReload} onApplyAgain={change.applyAgain} myFields={change.fields} timeZone={timeZone} />
      ) : null}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={change.pending}>
          {change.pending ? t('record.saving') : t('action.save')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
