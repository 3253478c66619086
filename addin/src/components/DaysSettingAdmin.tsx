import { Field, Input } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';
import { SettingsForm, useSettingsDraft, useSettingsFieldStyles } from './SettingsForm';

/** The days typed, as the API takes them: a whole number within the bounds, else null. */
export function wholeDaysIn(typed: string, bounds: { min: number; max: number }): number | null {
  const days = Number(typed.trim());
  return /^\d+$/.test(typed.trim()) && days >= bounds.min && days <= bounds.max ? days : null;
}

/** A tenant setting that is a number of days. */
export type DaysSetting = 'staleDealDays' | 'contractRenewalDays';

export type DaysSettingAdminProps = {
  setting: DaysSetting;
  /** As the API takes them (tenant-settings.schema.ts). */
  bounds: { min: number; max: number; default: number };
  /** The days typed, as the API takes them, or null when they are not. */
  parse: (typed: string) => number | null;
  /** The form's words: its help, name, field label and hint, the invalid and saved messages, its buttons. */
  words: Record<'help' | 'form' | 'label' | 'hint' | 'invalid' | 'saved' | 'save' | 'reload', MessageKey>;
};

/**
 * Admins: a setting of some days (send-time checks' quiet deals, contracts' renewal reminders). Saved on the version
 * read, like the other settings; a refused save keeps what was typed until the admin loads the saved value.
 */
export function DaysSettingAdmin({ setting, bounds, parse, words }: DaysSettingAdminProps) {
  const { t } = useI18n();
  const styles = useSettingsFieldStyles();
  const draft = useSettingsDraft<{ days: string }>();
  const { saved } = draft;
  const typed = draft.typed?.days ?? String(saved?.[setting] ?? bounds.default);
  const days = parse(typed);
  const changed = saved !== null && draft.typed !== null && days !== saved[setting];
  const submit = () => {
    if (days !== null) draft.submit({ [setting]: days });
  };
  return (
    <SettingsForm
      draft={draft}
      help={t(words.help)}
      name={t(words.form)}
      savedText={t(words.saved, { days: saved?.[setting] ?? bounds.default })}
      canSave={changed && days !== null}
      onSubmit={submit}
      saveLabel={t(words.save)}
      reloadLabel={t(words.reload)}
    >
      <Field label={t(words.label)} hint={days === null ? undefined : t(words.hint, bounds)} validationMessage={days === null ? t(words.invalid, bounds) : draft.refused[setting]}>
        <Input className={styles.short} type="number" inputMode="numeric" min={bounds.min} max={bounds.max} value={typed} onChange={(_, data) => draft.type({ days: data.value })} />
      </Field>
    </SettingsForm>
  );
}
