import { Button, Caption1, Field, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { DIGEST_WINDOW_HOURS, memberLanguages, type MemberLanguage } from '@rapport/shared/members/preferences.rules';
import { isStale } from '../../data/versions';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import { ErrorMessage } from '../ErrorMessage';
import { QueryState } from '../QueryState';
import { useMyPreferences } from './useMyPreferences';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  // A zone's name is long (America/Argentina/ComodRivadavia): the list keeps the pane's width.
  select: { minWidth: 0, maxWidth: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Each language by its own name, as a reader of it looks for it. */
const languageNames: Record<MemberLanguage, string> = { en: 'English', es: 'Español', pt: 'Português', it: 'Italiano' };
const hours = Array.from({ length: 24 }, (_, hour) => hour);

/** The zones this browser knows, and the member's own if it knows it not. */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return current && !known.includes(current) ? [current, ...known] : known;
}

/**
 * The member's own preferences: the plan of their day by e-mail each morning (and from which hour), their time zone
 * and the e-mail's language, which Rapport took from Outlook at sign-in. One Save for all.
 */
export function MyPreferences() {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { preferences, save, shown, changed, edit, submit, reload } = useMyPreferences();
  const refused = save.error ? errorText(save.error).fields : {};
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const hourText = (hour: number) => clock.format(new Date(Date.UTC(2026, 0, 1, hour % 24)));

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('preferences.help')}</Caption1>
      <QueryState query={preferences} />
      {shown ? (
        <form
          className={styles.view}
          aria-label={t('preferences.heading')}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Field hint={t('preferences.digestHelp')}>
            <Switch checked={shown.dailyDigest} label={t('preferences.digest')} onChange={(_, data) => edit({ dailyDigest: data.checked })} />
          </Field>
          <Field label={t('preferences.hour')} hint={t('preferences.sentAt', { from: hourText(shown.digestHour), to: hourText(shown.digestHour + DIGEST_WINDOW_HOURS) })}>
            <Select className={styles.select} value={String(shown.digestHour)} onChange={(_, data) => edit({ digestHour: Number(data.value) })}>
              {hours.map((hour) => (
                <option key={hour} value={hour}>
                  {hourText(hour)}
                </option>
              ))}
            </Select>
          </Field>
          <Field hint={t('preferences.quoteAnswerHelp')}>
            <Switch checked={shown.quoteAnswerMail} label={t('preferences.quoteAnswer')} onChange={(_, data) => edit({ quoteAnswerMail: data.checked })} />
          </Field>
          <Field label={t('preferences.timeZone')} validationMessage={refused.timeZone}>
            <Select className={styles.select} value={shown.timeZone} onChange={(_, data) => edit({ timeZone: data.value })}>
              {shown.timeZone ? null : <option value="">{t('preferences.timeZoneUnset')}</option>}
              {timeZones(shown.timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('preferences.language')}>
            <Select className={styles.select} value={shown.language} onChange={(_, data) => edit({ language: data.value as MemberLanguage })}>
              {shown.language ? null : <option value="">{t('preferences.languageUnset')}</option>}
              {memberLanguages.map((language) => (
                <option key={language} value={language} lang={language}>
                  {languageNames[language]}
                </option>
              ))}
            </Select>
          </Field>
          {save.isError ? <ErrorMessage error={save.error} {...(isStale(save.error) ? {} : { onRetry: submit })} /> : null}
          {save.isSuccess && !changed ? (
            <Caption1 role="status" aria-live="polite">
              {t('preferences.saved')}
            </Caption1>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={save.isPending || !changed}>
              {t('preferences.save')}
            </Button>
            {isStale(save.error) ? <Button onClick={reload}>{t('preferences.reload')}</Button> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
