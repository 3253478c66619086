import { useState } from 'react';
import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { DEFAULT_SERVICE_LEVEL } from '@rapport/shared/cases/service-level.rules';
import { useOperation } from '../../data/queries';
import { isStale } from '../../data/versions';
import { useOperationWrite } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import { ErrorMessage } from '../ErrorMessage';
import { QueryState } from '../QueryState';
import { SERVICE_HOURS, serviceHoursOf } from './service-hours';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground2 },
  hours: { maxWidth: '120px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Typed = { response: string; resolution: string };

/**
 * Admins: the tenant's default service level, what a case is promised when its customer has no service contract in force:
 * a first answer and a resolution within some hours. Saved on the version read, like the other settings; a refused save
 * keeps what was typed until the admin loads the saved value.
 */
export function ServiceLevelAdmin() {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const settings = useOperation('settings', {});
  const save = useOperationWrite('updateSettings');
  const [edit, setEdit] = useState<(Typed & { version: number }) | null>(null);

  // Hours as the admin's language writes them ("1,5" in Spanish); either decimal mark is read back.
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
  const saved = settings.data ?? null;
  const savedLevel = saved?.serviceLevel ?? DEFAULT_SERVICE_LEVEL;
  const typed: Typed = edit ?? { response: number.format(savedLevel.responseHours), resolution: number.format(savedLevel.resolutionHours) };
  const response = serviceHoursOf(typed.response);
  const resolution = serviceHoursOf(typed.resolution);
  const inOrder = response === null || resolution === null || resolution >= response;
  const valid = response !== null && resolution !== null && inOrder;
  const changed = saved !== null && edit !== null && valid && (response !== savedLevel.responseHours || resolution !== savedLevel.resolutionHours);
  const submit = () => {
    if (!edit || response === null || resolution === null || !inOrder) return;
    save.mutate({ body: { serviceLevel: { responseHours: response, resolutionHours: resolution } }, version: edit.version }, { onSuccess: () => setEdit(null) });
  };
  const loadSaved = () =>
    void settings.refetch().then(() => {
      setEdit(null);
      save.reset();
    });
  const refused = save.error ? errorText(save.error).fields : {};
  const bounds = { min: number.format(SERVICE_HOURS.min), max: number.format(SERVICE_HOURS.max) };
  const type = (field: keyof Typed, value: string) => {
    if (!saved) return;
    save.reset();
    setEdit({ ...typed, [field]: value, version: edit?.version ?? saved.version });
  };
  const hint = (hours: number) => t('serviceLevelSettings.hint', { default: number.format(hours) });

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('serviceLevelSettings.help')}</Caption1>
      <QueryState query={settings} />
      {saved ? (
        <form
          className={styles.view}
          aria-label={t('settings.serviceLevels')}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Field
            label={t('serviceLevelSettings.responseHours')}
            hint={response === null ? undefined : hint(DEFAULT_SERVICE_LEVEL.responseHours)}
            validationMessage={response === null ? t('serviceLevelSettings.invalid', bounds) : refused['serviceLevel.responseHours']}
          >
            <Input className={styles.hours} inputMode="decimal" value={typed.response} onChange={(_, data) => type('response', data.value)} />
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
            <Input className={styles.hours} inputMode="decimal" value={typed.resolution} onChange={(_, data) => type('resolution', data.value)} />
          </Field>
          {save.isError ? <ErrorMessage error={save.error} onRetry={submit} /> : null}
          {save.isSuccess && !edit ? (
            <Caption1 role="status" aria-live="polite">
              {t('serviceLevelSettings.saved', { response: number.format(savedLevel.responseHours), resolution: number.format(savedLevel.resolutionHours) })}
            </Caption1>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={save.isPending || !changed}>
              {t('serviceLevelSettings.save')}
            </Button>
            {isStale(save.error) ? <Button onClick={loadSaved}>{t('serviceLevelSettings.reload')}</Button> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
