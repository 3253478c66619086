import { useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { FieldEntry, ViewableKind } from '@rapport/shared/contract/field-table';
import type { ChangeInput } from '../../api/api-types';
import { useChangeRecord } from '../../data/writes';
import { describeError } from '../../i18n/describe-error';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/i18n';
import { ChangeError } from '../ChangeError';
import { editIcons } from '../editing-icons';
import { FieldControl } from './FieldControl';
import { FieldValue } from './FieldValue';
import { draftOf, valueOf, type Draft } from './field-draft';
import { fieldLabel } from './field-labels';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, paddingBlock: tokens.spacingVerticalXS },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2, minWidth: 0 },
  value: { minWidth: 0, fontSize: tokens.fontSizeBase300 },
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type AnyRecord = Record<string, unknown> & { id: string; version: number };

export type RecordFieldProps = {
  kind: ViewableKind;
  record: AnyRecord;
  entry: FieldEntry;
  /** The user may change the record (the API decides anyway). */
  canEdit: boolean;
  /** Reads the record again, as it is now (after someone else changed it). */
  reload: () => Promise<unknown>;
};

/**
 * One field of a record: its label and value, and for whoever may change it, an edit button that turns it into its
 * control in place. Saving sends this field alone at the version read; the draft stays through a refusal, so after a
 * reload the same value can be applied to the record as it is now.
 */
export function RecordField({ kind, record, entry, canEdit, reload }: RecordFieldProps) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStyles();
  const label = fieldLabel(t, kind, entry.name);
  const change = useChangeRecord(kind);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const Edit = editIcons.edit;

  // `version`: the record's version to save at; the one read unless the 412 named a newer one ("Apply mine again").
  const save = (at: AnyRecord, version = at.version) => {
    if (draft === null) return;
    const checked = valueOf(entry, draft, translator.locale);
    if ('problem' in checked) {
      const number = new Intl.NumberFormat(translator.locale);
      const params = Object.fromEntries(Object.entries(checked.problem.params ?? {}).map(([name, value]) => [name, typeof value === 'number' ? number.format(value) : value]));
      setProblem(t(`record.problem.${checked.problem.key}` as MessageKey, params));
      return;
    }
    setProblem(null);
    change.mutate(
      { id: at.id, changes: { [entry.name]: checked.value } as ChangeInput<typeof kind>, version, previous: at as never },
      {
        onSuccess: () => {
          setDraft(null);
          change.reset();
        },
      },
    );
  };
  const cancel = () => {
    setDraft(null);
    setProblem(null);
    change.reset();
  };
  // The API's word on this field (a 422 names it by its path), shown at the control.
  const apiProblem = change.error
    ? Object.entries(describeError(change.error, translator).fields).find(([path]) => path === entry.name || path.startsWith(`${entry.name}.`))?.[1] ?? null
    : null;

  if (draft === null || entry.type === 'lines') {
    return (
      <div className={styles.field}>
        <div className={styles.head}>
          <Caption1 className={styles.label} id={`${kind}-${entry.name}-label`}>
            {label}
          </Caption1>
          {canEdit && entry.type !== 'lines' ? (
            <Button
              size="small"
              appearance="subtle"
              icon={<Edit />}
              aria-label={t('record.edit', { field: label })}
              title={t('record.edit', { field: label })}
              onClick={() => setDraft(draftOf(entry, record[entry.name]))}
            />
          ) : null}
        </div>
        <div className={styles.value} role="group" aria-labelledby={`${kind}-${entry.name}-label`}>
          <FieldValue kind={kind} entry={entry} record={record} />
        </div>
      </div>
    );
  }
  return (
    <form
      className={`${styles.field} ${styles.editor}`}
      aria-label={t('record.editing', { field: label })}
      onSubmit={(event) => {
        event.preventDefault();
        save(record);
      }}
    >
      <FieldControl kind={kind} entry={entry} label={label} current={record[entry.name]} draft={draft} onChange={setDraft} problem={problem ?? apiProblem} />
      {change.error && !apiProblem ? (
        <ChangeError
          error={change.error}
          onRetry={() => save(record)}
          onReload={() => {
            // The record as it is now; the draft stays, to save again at the new version.
            change.reset();
            void reload();
          }}
          // The save answers with the record as it is after it: nothing else is read, so nothing older can land after it.
          onApplyAgain={(version) => save(record, version)}
          myFields={[entry.name]}
        />
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" size="small" disabled={change.isPending}>
          {change.isPending ? t('record.saving') : t('record.save')}
        </Button>
        <Button size="small" onClick={cancel}>
          {t('record.cancel')}
        </Button>
      </div>
    </form>
  );
}
