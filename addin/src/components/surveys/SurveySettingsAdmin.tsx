import { useState } from 'react';
import { Button, Caption1, Field, Input, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { isEmailAddress } from '@rapport/shared/email/email-address.rules';
import { SURVEY_CONTACT_DAYS, SURVEY_NPS_DAYS, SURVEY_VALID_DAYS } from '@rapport/shared/surveys/survey.rules';
import { useOperation } from '../../data/queries';
import { isStale } from '../../data/versions';
import { useOperationWrite } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import { wholeDaysIn } from '../DaysSettingAdmin';
import { ErrorMessage } from '../ErrorMessage';
import { QueryState } from '../QueryState';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  days: { maxWidth: '120px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

// The settings of some days, their limits as the API takes them (survey.rules.ts), in the form's order.
const periods = [
  ['contactPeriodDays', SURVEY_CONTACT_DAYS],
  ['npsPeriodDays', SURVEY_NPS_DAYS],
  ['validDays', SURVEY_VALID_DAYS],
] as const;
type Period = (typeof periods)[number][0];

type Typed = { csatOnClose: boolean; mailbox: string } & Record<Period, string>;

/**
 * Admins: the tenant's surveys. Whether a closed case's customer is asked for their satisfaction, how often one contact
 * may be asked and one company sent NPS, how long a link stays valid, and the shared mailbox they go from (else each
 * owner's own). Saved together on the version read, like the other settings; a refused save keeps what was typed until
 * the admin loads the saved settings, and a field the API refuses says so at the field.
 */
export function SurveySettingsAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const settings = useOperation('settings', {});
  const save = useOperationWrite('updateSettings');
  const [edit, setEdit] = useState<(Typed & { version: number }) | null>(null);

  const saved = settings.data ?? null;
  const current = saved?.surveys;
  const typed: Typed = edit ?? {
    csatOnClose: current?.csatOnClose ?? false,
    mailbox: current?.mailbox ?? '',
    contactPeriodDays: String(current?.contactPeriodDays ?? SURVEY_CONTACT_DAYS.default),
    npsPeriodDays: String(current?.npsPeriodDays ?? SURVEY_NPS_DAYS.default),
    validDays: String(current?.validDays ?? SURVEY_VALID_DAYS.default),
  };
  const days = Object.fromEntries(periods.map(([name, bounds]) => [name, wholeDaysIn(typed[name], bounds)])) as Record<Period, number | null>;
  const mailbox = typed.mailbox.trim();
  const mailboxValid = mailbox === '' || isEmailAddress(mailbox);
  const valid = mailboxValid && periods.every(([name]) => days[name] !== null);
  const submit = () => {
    if (!edit || !valid) return;
    const surveys = {
      csatOnClose: typed.csatOnClose,
      contactPeriodDays: days.contactPeriodDays ?? SURVEY_CONTACT_DAYS.default,
      npsPeriodDays: days.npsPeriodDays ?? SURVEY_NPS_DAYS.default,
      validDays: days.validDays ?? SURVEY_VALID_DAYS.default,
      ...(mailbox ? { mailbox } : {}),
    };
    save.mutate({ body: { surveys }, version: edit.version }, { onSuccess: () => setEdit(null) });
  };
  const loadSaved = () =>
    void settings.refetch().then(() => {
      setEdit(null);
      save.reset();
    });
  const refused = save.error ? errorText(save.error).fields : {};
  const change = (changes: Partial<Typed>) => {
    if (!saved) return;
    save.reset();
    setEdit({ ...typed, ...changes, version: edit?.version ?? saved.version });
  };

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('surveySettings.help')}</Caption1>
      <QueryState query={settings} />
      {saved ? (
        <form
          className={styles.view}
          aria-label={t('settings.surveys')}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Field hint={t('surveySettings.csatOnCloseHint')} validationMessage={refused['surveys.csatOnClose']}>
            <Switch label={t('surveySettings.csatOnClose')} checked={typed.csatOnClose} onChange={(_, data) => change({ csatOnClose: data.checked })} />
          </Field>
          {periods.map(([name, bounds]) => (
            <Field
              key={name}
              label={t(`surveySettings.${name}`)}
              hint={days[name] === null ? undefined : t('surveySettings.daysHint', bounds)}
              validationMessage={days[name] === null ? t('surveySettings.invalidDays', bounds) : refused[`surveys.${name}`]}
            >
              <Input className={styles.days} type="number" inputMode="numeric" min={bounds.min} max={bounds.max} value={typed[name]} onChange={(_, data) => change({ [name]: data.value })} />
            </Field>
          ))}
          <Field
            label={t('surveySettings.mailbox')}
            hint={mailboxValid ? t('surveySettings.mailboxHint') : undefined}
            validationMessage={mailboxValid ? refused['surveys.mailbox'] : t('surveySettings.invalidMailbox')}
          >
            <Input type="email" value={typed.mailbox} onChange={(_, data) => change({ mailbox: data.value })} />
          </Field>
          {save.isError ? <ErrorMessage error={save.error} onRetry={submit} /> : null}
          {save.isSuccess && !edit ? (
            <Caption1 role="status" aria-live="polite">
              {t(current?.csatOnClose ? 'surveySettings.saved.on' : 'surveySettings.saved.off')}
            </Caption1>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={save.isPending || edit === null || !valid}>
              {t('surveySettings.save')}
            </Button>
            {isStale(save.error) ? <Button onClick={loadSaved}>{t('surveySettings.reload')}</Button> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
