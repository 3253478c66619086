import { Button, Field, Input, Radio, RadioGroup, Select, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import { callDirections, type CallDirection } from '@rapport/shared/activities/call-directions';
import type { LoggedKind, LoggedOutcome } from '@rapport/shared/activities/activity-outcomes';
import { useFormFocus } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import { DealSelect } from './DealSelect';
import { ErrorMessage } from './ErrorMessage';
import { useLogCallForm, type LoggedLinks } from './useLogCallForm';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  // Date, time and minutes side by side while they fit, under each other when they do not.
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  part: { flexGrow: 1, flexBasis: '7rem', minWidth: 0 },
  heading: { margin: 0 },
});

export type LogCallFormProps = {
  kind: LoggedKind;
  /** Whom it was with, as the subject names them ("Call to Ana Costa"). */
  about: string;
  links: LoggedLinks;
  /** Open deals it may belong to. */
  deals?: { id: string; name: string }[];
  /** Logged: what to tell the rep. */
  onSaved: (notice: string) => void;
  onCancel: () => void;
};

/**
 * A call (inbound or outbound, how it went, when, how long, notes) or a meeting that already happened, logged from the
 * card's actions for the person in view; each opening is a new one, with its own idempotency key.
 */
export function LogCallForm({ kind, about, links, deals = [], onSaved, onCancel }: LogCallFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const focus = useFormFocus(onCancel);
  const form = useLogCallForm({ kind, about, links, onSaved: (activity: Activity) => onSaved(t(kind === 'call' ? 'capture.callLogged' : 'capture.meetingLogged', { subject: activity.subject })) });
  const title = t(kind === 'call' ? 'action.logCall' : 'action.logMeeting');
  const { fields, set, fieldMessage } = form;

  return (
    <form
      ref={focus.ref}
      onKeyDown={focus.onKeyDown}
      className={styles.form}
      aria-label={title}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.save();
      }}
    >
      <Subtitle2 as="h3" className={styles.heading}>
        {title}
      </Subtitle2>
      {kind === 'call' ? (
        <Field label={t('capture.direction')}>
          <RadioGroup layout="horizontal" value={fields.direction} onChange={(_, data) => set.direction(data.value as CallDirection)}>
            {callDirections.map((direction) => (
              <Radio key={direction} value={direction} label={t(`capture.direction.${direction}`)} />
            ))}
          </RadioGroup>
        </Field>
      ) : null}
      <Field label={t('outcome.label')} validationMessage={fieldMessage('outcome')}>
        <Select value={fields.outcome} onChange={(_, data) => set.outcome(data.value as LoggedOutcome)}>
          {form.outcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`outcome.${outcome}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('field.subject')} required validationMessage={fieldMessage('subject')}>
        <Input value={fields.subject} onChange={(_, data) => set.subject(data.value)} />
      </Field>
      <div className={styles.row}>
        <Field className={styles.part} label={t('capture.date')} required validationMessage={fieldMessage('date')}>
          <Input type="date" value={fields.date} onChange={(_, data) => set.date(data.value)} />
        </Field>
        <Field className={styles.part} label={t('capture.time')} required validationMessage={fieldMessage('time')}>
          <Input type="time" value={fields.time} onChange={(_, data) => set.time(data.value)} />
        </Field>
      </div>
      <Field label={t('capture.minutes')} validationMessage={fieldMessage('durationMinutes')}>
        <Input type="number" inputMode="numeric" min={0} value={fields.durationMinutes} onChange={(_, data) => set.durationMinutes(data.value)} />
      </Field>
      <DealSelect deals={deals} value={fields.dealId} onChange={set.dealId} />
      <Field label={t('field.notes')} validationMessage={fieldMessage('notes')}>
        <Textarea value={fields.notes} onChange={(_, data) => set.notes(data.value)} />
      </Field>
      {form.create.error ? <ErrorMessage error={form.create.error} onRetry={form.save} /> : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={form.create.pending}>
          {t(kind === 'call' ? 'capture.saveCall' : 'capture.saveMeeting')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
