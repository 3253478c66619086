import { Field, Input } from '@fluentui/react-components';
import { DEFAULT_SERVICE_LEVEL } from '@rapport/shared/cases/service-level.rules';
import { useI18n } from '../../i18n/I18nContext';
import { SettingsForm, useSettingsDraft, useSettingsFieldStyles } from '../SettingsForm';
import { SERVICE_HOURS, serviceHoursOf } from './service-hours';

type Typed = { response: string; resolution: string };

/**
 * Admins: the tenant's default service level, what a case is promised when its customer has no service contract in force:
 * a first answer and a resolution within some hours. Saved on the version read, like the other settings; a refused save
 * keeps what was typed until the admin loads the saved value.
 */
export function ServiceLevelAdmin() {
  const { t, locale } = useI18n();
  const styles = useSettingsFieldStyles();
  const draft = useSettingsDraft<Typed>();

  // Hours as the admin's language writes them ("1,5" in Spanish); either decimal mark is read back.
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
  const savedLevel = draft.saved?.serviceLevel ?? DEFAULT_SERVICE_LEVEL;
  const typed: Typed = draft.typed ?? { response: number.format(savedLevel.responseHours), resolution: number.format(savedLevel.resolutionHours) };
  const response = serviceHoursOf(typed.response);
  const resolution = serviceHoursOf(typed.resolution);
  const inOrder = response === null || resolution === null || resolution >= response;
  const valid = response !== null && resolution !== null && inOrder;
  const changed = draft.saved !== null && draft.typed !== null && valid && (response !== savedLevel.responseHours || resolution !== savedLevel.resolutionHours);
  const submit = () => {
    if (response !== null && resolution !== null && inOrder) draft.submit({ serviceLevel: { responseHours: response, resolutionHours: resolution } });
  };
  const refused = draft.refused;
  const bounds = { min: number.format(SERVICE_HOURS.min), max: number.format(SERVICE_HOURS.max) };
  const type = (field: keyof Typed, value: string) => draft.type({ ...typed, [field]: value });
  const hint = (hours: number) => t('serviceLevelSettings.hint', { default: number.format(hours) });

  return (
    <SettingsForm
      draft={draft}
      help={t('serviceLevelSettings.help')}
      name={t('settings.serviceLevels')}
      savedText={t('serviceLevelSettings.saved', { response: number.format(savedLevel.responseHours), resolution: number.format(savedLevel.resolutionHours) })}
      canSave={changed}
      onSubmit={submit}
      saveLabel={t('serviceLevelSettings.save')}
      reloadLabel={t('serviceLevelSettings.reload')}
    >
      <Field
        label={t('serviceLevelSettings.responseHours')}
        hint={response === null ? undefined : hint(DEFAULT_SERVICE_LEVEL.responseHours)}
        validationMessage={response === null ? t('serviceLevelSettings.invalid', bounds) : refused['serviceLevel.responseHours']}
      >
        <Input className={styles.short} inputMode="decimal" value={typed.response} onChange={(_, data) => type('response', data.value)} />
      </Field>
      <Field
        label={t('serviceLevelSettings.resolutionHours')}
        hint={resolution === null || !inOrder ? undefined : hint(DEFAULT_SERVICE_LEVEL.resolutionHours)}
        validationMessage={
          resolution === null
            ? t('serviceLevelSettings.invalid', bounds)
            : !inOrder
              ? t('serviceLevelSettings.resolutionBeforeResponse', { hours: number.format(response ?? 0) })
              : (refused['serviceLevel.resolutionHours'] ?? refused.serviceLevel)
        }
      >
        <Input className={styles.short} inputMode="decimal" value={typed.resolution} onChange={(_, data) => type('resolution', data.value)} />
      </Field>
    </SettingsForm>
  );
}
