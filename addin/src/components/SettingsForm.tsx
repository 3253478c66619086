import { useState, type ReactNode } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { OperationRequest } from '../api/api-types';
import { useOperation } from '../data/queries';
import { isStale } from '../data/versions';
import { useOperationWrite } from '../data/writes';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { QueryState } from './QueryState';

// What every form of the tenant's settings does alike (send-time checks' days, contracts' reminder, service levels,
// surveys): read the settings, keep what the admin types with the version it was typed on, save on that version, and
// after a refusal keep what was typed until the admin loads the saved settings.

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The width of a short number's box (days, hours) in a settings form. */
export const useSettingsFieldStyles = makeStyles({ short: { maxWidth: '120px' } });

type SettingsBody = OperationRequest<'updateSettings'>['body'];

/**
 * A settings form's state: the settings as saved, what the admin typed (null until they type; `T` as typed, with the
 * version it was typed on), the save, and what the API refused, by field path (`serviceLevel.responseHours`).
 */
export function useSettingsDraft<T extends object>() {
  const errorText = useErrorText();
  const settings = useOperation('settings', {});
  const save = useOperationWrite('updateSettings');
  const [edit, setEdit] = useState<(T & { version: number }) | null>(null);
  const saved = settings.data ?? null;
  return {
    settings,
    saved,
    save,
    /** What the admin typed, or null when the form shows the saved settings. */
    typed: edit as T | null,
    /** Takes what the admin typed (the whole draft), on the version they first typed on. */
    type: (typed: T) => {
      if (!saved) return;
      save.reset();
      setEdit({ ...typed, version: edit?.version ?? saved.version });
    },
    /** Saves `body` on the version typed on; once saved, the form shows the saved settings again. */
    submit: (body: SettingsBody) => {
      if (edit) save.mutate({ body, version: edit.version }, { onSuccess: () => setEdit(null) });
    },
    /** The settings as saved now, what was typed dropped (after someone saved first). */
    loadSaved: () =>
      void settings.refetch().then(() => {
        setEdit(null);
        save.reset();
      }),
    refused: save.error ? errorText(save.error).fields : ({} as Record<string, string>),
  };
}

export type SettingsDraft<T extends object> = ReturnType<typeof useSettingsDraft<T>>;

export type SettingsFormProps<T extends object> = {
  draft: SettingsDraft<T>;
  /** What the settings do, above the form. */
  help: string;
  /** The form's name. */
  name: string;
  /** The fields. */
  children: ReactNode;
  /** Said once saved. */
  savedText: string;
  /** Whether Save may be pressed: something changed, and all is valid. */
  canSave: boolean;
  onSubmit: () => void;
  saveLabel: string;
  reloadLabel: string;
};

/** A settings form: its help, the settings' loading and error states, its fields, the save's refusal, saved message and buttons. */
export function SettingsForm<T extends object>({ draft, help, name, children, savedText, canSave, onSubmit, saveLabel, reloadLabel }: SettingsFormProps<T>) {
  const styles = useStyles();
  const { settings, saved, save } = draft;
  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{help}</Caption1>
      <QueryState query={settings} />
      {saved ? (
        <form
          className={styles.view}
          aria-label={name}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {children}
          {save.isError ? <ErrorMessage error={save.error} onRetry={onSubmit} /> : null}
          {save.isSuccess && !draft.typed ? (
            <Caption1 role="status" aria-live="polite">
              {savedText}
            </Caption1>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={save.isPending || !canSave}>
              {saveLabel}
            </Button>
            {isStale(save.error) ? <Button onClick={draft.loadSaved}>{reloadLabel}</Button> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
