import { useState } from 'react';
import { Body1, Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { MAX_NEVER_LOG_ENTRIES, MAX_NEVER_LOG_TYPED_LENGTH, normalizeNeverLogEntry } from '@rapport/shared/email/never-log.rules';
import { useI18n } from '../../i18n/I18nContext';
import { Token } from '../Token';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none' },
  entry: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // A long address wraps inside the row rather than pushing the pane sideways.
  entryText: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  addLine: { display: 'flex', gap: tokens.spacingHorizontalS, minWidth: 0 },
  input: { flexGrow: 1, minWidth: 0 },
});

export type NeverLogEntriesProps = {
  /** The list's name, for screen readers (its entries are read as a list of that name). */
  label: string;
  entries: readonly string[];
  /** What the list says when it has no entry, and how it fills. */
  empty: string;
  onAdd(entry: string): void;
  onRemove(entry: string): void;
  /** While a change is being saved, nothing else is changed. */
  busy?: boolean;
  /** The API's word on the list, shown at the field (an entry it refused). */
  problem?: string | undefined;
};

/**
 * One never-log list: its addresses and domains, each with its Remove button, and a field to add one as people type it
 * (`@gmail.com`, `John <john@x.com>`, a web address), checked and normalized by the same rule as the API's.
 */
export function NeverLogEntries({ label, entries, empty, onAdd, onRemove, busy = false, problem }: NeverLogEntriesProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [typo, setTypo] = useState<string | null>(null);

  const add = () => {
    const entry = normalizeNeverLogEntry(typed);
    if (!entry) return setTypo(t('neverLog.invalid'));
    if (entries.includes(entry)) return setTypo(t('neverLog.already', { entry }));
    if (entries.length >= MAX_NEVER_LOG_ENTRIES) return setTypo(t('neverLog.tooMany', { count: MAX_NEVER_LOG_ENTRIES }));
    onAdd(entry);
    setTyped('');
    setTypo(null);
  };

  return (
    <div className={styles.view}>
      {entries.length > 0 ? (
        <ul className={styles.list} aria-label={label}>
          {entries.map((entry) => (
            <li key={entry} className={styles.entry}>
              <Body1 className={styles.entryText}>
                <Token>{entry}</Token>
              </Body1>
              <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('neverLog.remove', { entry })} disabled={busy} onClick={() => onRemove(entry)} />
            </li>
          ))}
        </ul>
      ) : (
        <Body1>{empty}</Body1>
      )}
      <form
        aria-label={t('neverLog.add')}
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <Field label={t('neverLog.entry')} hint={typo || problem ? undefined : t('neverLog.entryHint')} validationMessage={typo ?? problem}>
          <div className={styles.addLine}>
            <Input
              className={styles.input}
              value={typed}
              maxLength={MAX_NEVER_LOG_TYPED_LENGTH}
              onChange={(_, data) => {
                setTyped(data.value);
                setTypo(null);
              }}
            />
            <Button type="submit" icon={<AddRegular />} aria-label={t('neverLog.add')} disabled={busy || typed.trim() === ''} />
          </div>
        </Field>
      </form>
    </div>
  );
}
