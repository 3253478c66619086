import { Field, Input, Switch } from '@fluentui/react-components';
import { isEmailAddress } from '@rapport/shared/email/email-address.rules';
import { SURVEY_CONTACT_DAYS, SURVEY_NPS_DAYS, SURVEY_VALID_DAYS } from '@rapport/shared/surveys/survey.rules';
import { useI18n } from '../../i18n/I18nContext';
import { wholeDaysIn } from '../DaysSettingAdmin';
import { SettingsForm, useSettingsDraft, useSettingsFieldStyles } from '../SettingsForm';

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
  const styles = useSettingsFieldStyles();
  const draft = useSettingsDraft<Typed>();
  const current = draft.saved?.surveys;
  const typed: Typed = draft.typed ?? {
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
    if (!valid) return;
    draft.submit({
      surveys: {
        csatOnClose: typed.csatOnClose,
        contactPeriodDays: days.contactPeriodDays ?? SURVEY_CONTACT_DAYS.default,
        npsPeriodDays: days.npsPeriodDays ?? SURVEY_NPS_DAYS.default,
        validDays: days.validDays ?? SURVEY_VALID_DAYS.default,
        ...(mailbox ? { mailbox } : {}),
      },
    });
  };
  const refused = draft.refused;
  const change = (changes: Partial<Typed>) => draft.type({ ...typed, ...changes });

  return (
    <SettingsForm
      draft={draft}
      help={t('surveySettings.help')}
      name={t('settings.surveys')}
      savedText={t(current?.csatOnClose ? 'surveySettings.saved.on' : 'surveySettings.saved.off')}
      canSave={draft.typed !== null && valid}
      onSubmit={submit}
      saveLabel={t('surveySettings.save')}
      reloadLabel={t('surveySettings.reload')}
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
          <Input className={styles.short} type="number" inputMode="numeric" min={bounds.min} max={bounds.max} value={typed[name]} onChange={(_, data) => change({ [name]: data.value })} />
        </Field>
      ))}
      <Field
        label={t('surveySettings.mailbox')}
        hint={mailboxValid ? t('surveySettings.mailboxHint') : undefined}
        validationMessage={mailboxValid ? refused['surveys.mailbox'] : t('surveySettings.invalidMailbox')}
      >
        <Input type="email" value={typed.mailbox} onChange={(_, data) => change({ mailbox: data.value })} />
      </Field>
    </SettingsForm>
  );
}
