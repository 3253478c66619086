import { useEffect, useMemo, useRef, useState } from 'react';
import { Body1, Button, Caption1, Field, ProgressBar, Radio, RadioGroup, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { importFields, mappingProblem, type ImportKind } from '@rapport/shared/import/import-fields';
import { useListImport, type ImportState } from '../hooks/useListImport';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';
import { ErrorMessage } from './ErrorMessage';
import { Token } from './Token';
import { Notice } from './Notice';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A select as wide as the pane, never wider: a long column name is cut, not pushed past the edge.
  select: { minWidth: 0, maxWidth: '100%' },
  // The browser's own file button does not follow the pane's theme: the pane's button opens the same picker.
  file: { display: 'none' },
  sample: { color: tokens.colorNeutralForeground2 },
  rejects: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

// Rejected rows listed in the pane; all of them are in the download.
const REJECTS_SHOWN = 50;

/** Managers: import a CSV list of leads or contacts, with a mapping step, progress and a summary. */
export function ImportList() {
  const { t } = useI18n();
  const styles = useStyles();
  const [kind, setKind] = useState<ImportKind>('lead');
  const { state, chooseFile, setMapping, start, stop, resume, reset } = useListImport(kind);
  const fileInput = useRef<HTMLInputElement>(null);

  return (
    <section className={styles.view} aria-label={t('import.heading')}>
      <Subtitle2 as="h2">{t('import.heading')}</Subtitle2>
      {state.step === 'choose' ? (
        <>
          <Caption1>{t('import.help')}</Caption1>
          <Field label={t('import.kind')}>
            <RadioGroup value={kind} onChange={(_, data) => setKind(data.value as ImportKind)} layout="horizontal">
              <Radio value="lead" label={t('import.leads')} />
              <Radio value="contact" label={t('import.contacts')} />
            </RadioGroup>
          </Field>
          <input
            ref={fileInput}
            className={styles.file}
            type="file"
            accept=".csv,text/csv"
            aria-label={t('import.file')}
            tabIndex={-1}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void chooseFile(file);
            }}
          />
          <div>
            <Button appearance="primary" icon={<ArrowUploadRegular />} onClick={() => fileInput.current?.click()}>
              {t('import.choose')}
            </Button>
          </div>
        </>
      ) : null}
      {state.step === 'map' ? <MappingStep state={state} kind={kind} onChange={setMapping} onStart={() => void start()} onCancel={reset} /> : null}
      {state.step === 'importing' ? (
        <>
          <Field label={t('import.progress', { file: state.file.name })} validationMessage={state.waiting ? t('import.waiting') : undefined} validationState="none">
            <ProgressBar value={state.fraction} max={1} aria-label={t('import.progress', { file: state.file.name })} />
            <Body1 aria-live="polite">{t('import.rowsSent', { rows: state.rows })}</Body1>
          </Field>
          <div>
            <Button onClick={stop}>{t('import.stop')}</Button>
          </div>
        </>
      ) : null}
      {state.step === 'done' ? <Summary state={state} onResume={() => void resume()} onAgain={reset} /> : null}
    </section>
  );
}

function MappingStep({
  state,
  kind,
  onChange,
  onStart,
  onCancel,
}: {
  state: Extract<ImportState, { step: 'map' }>;
  kind: ImportKind;
  onChange: (mapping: Record<string, string>) => void;
  onStart: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const problem = mappingProblem(state.mapping);
  // The file's name and a sample value are each one piece in the sentence around them: never broken across lines.
  const [beforeFile, afterFile] = t('import.mapHelp').split('{file}');
  const [beforeSample, afterSample] = t('import.sample').split('{value}');
  return (
    <>
      <Body1>
        {beforeFile}
        <Token>{state.file.name}</Token>
        {afterFile}
      </Body1>
      <div className={styles.fields}>
        {importFields[kind].map((field) => {
          const column = state.mapping[field.name] ?? '';
          const at = state.header.indexOf(column);
          const sample = at >= 0 ? state.sample[at] : undefined;
          return (
            <Field
              key={field.name}
              label={t(`import.field.${field.name}` as MessageKey)}
              hint={
                sample ? (
                  <>
                    {beforeSample}
                    <Token>{sample}</Token>
                    {afterSample}
                  </>
                ) : undefined
              }
            >
              <Select
                className={styles.select}
                value={column}
                onChange={(_, data) => {
                  const next = { ...state.mapping };
                  if (data.value) next[field.name] = data.value;
                  else delete next[field.name];
                  onChange(next);
                }}
              >
                <option value="">{t('import.notImported')}</option>
                {state.header.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      {problem ? (
        <Notice intent="warning">{t('import.needsLastName')}</Notice>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={problem !== null} onClick={onStart}>
          {t('import.start')}
        </Button>
        <Button onClick={onCancel}>{t('import.cancel')}</Button>
      </div>
    </>
  );
}

function Summary({ state, onResume, onAgain }: { state: Extract<ImportState, { step: 'done' }>; onResume: () => void; onAgain: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  // The rejected rows as a CSV file to fix and import again; the link lives as long as the summary.
  const rejectsUrl = useMemo(() => (state.rejected.length > 0 ? URL.createObjectURL(new Blob([state.rejectsCsv], { type: 'text/csv' })) : null), [state]);
  useEffect(() => () => (rejectsUrl ? URL.revokeObjectURL(rejectsUrl) : undefined), [rejectsUrl]);
  return (
    <>
      {state.failed !== null ? (
        <>
          <Body1>{t('import.stoppedAfter', { rows: state.rows })}</Body1>
          {/* Try again goes on from the first batch the API did not take. */}
          <ErrorMessage error={state.failed} onRetry={onResume} />
        </>
      ) : null}
      {state.stopped ? <Body1>{t('import.stoppedByYou', { rows: state.rows })}</Body1> : null}
      <Body1 role="status">{t('import.summary', { rows: state.rows, created: state.created, merged: state.merged, rejected: state.rejected.length })}</Body1>
      {state.companiesCreated > 0 ? <Caption1>{t('import.companiesCreated', { count: state.companiesCreated })}</Caption1> : null}
      {state.rejected.length > 0 ? (
        <>
          <ul className={styles.rejects} aria-label={t('import.rejectedRows')}>
            {state.rejected.slice(0, REJECTS_SHOWN).map((reject) => (
              <li key={reject.line}>
                <Caption1>{t('import.rejectedRow', { line: reject.line, reason: reject.reason })}</Caption1>
              </li>
            ))}
          </ul>
          {state.rejected.length > REJECTS_SHOWN ? <Caption1 className={styles.sample}>{t('import.moreRejected', { count: state.rejected.length - REJECTS_SHOWN })}</Caption1> : null}
        </>
      ) : null}
      <div className={styles.actions}>
        {rejectsUrl ? (
          <Button as="a" href={rejectsUrl} download={state.file.name.replace(/(\.csv)?$/i, '-rejected.csv')}>
            {t('import.downloadRejected')}
          </Button>
        ) : null}
        {state.stopped && state.resumable ? (
          <Button appearance="primary" onClick={onResume}>
            {t('import.resume')}
          </Button>
        ) : null}
        <Button onClick={onAgain}>{t('import.another')}</Button>
      </div>
    </>
  );
}
