import { useRef, useState } from 'react';
import { Body1, Button, Caption1, Card, CardHeader, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import type { GoalBatchResult } from '@rapport/shared/goals/goals.contract';
import { MAX_GOALS_PER_BATCH } from '@rapport/shared/goals/goal.rules';
import { goalsFromCsv, type CsvGoal, type GoalLineProblem } from '@rapport/shared/goals/goals-csv.rules';
import { ErrorMessage } from '../components/ErrorMessage';
import { useOperation } from '../data/queries';
import { queryKeys } from '../data/query-keys';
import { useOperationWrite } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';

const useStyles = makeStyles({
  file: { display: 'none' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Read = { name: string; goals: CsvGoal[]; problems: GoalLineProblem[] };
type Sent = { created: number; changed: number; unchanged: number; rejected: { line: number; message: string }[] };

/**
 * Goals from a CSV file (rep, period, start, target; metric, activity kind and stretch optional): read in the browser
 * first, each line it cannot take named; then set in batches, as the grid would, so sending the file again changes
 * nothing.
 */
export function GoalsImport() {
  const styles = useStyles();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const members = useOperation('members', { query: { limit: 100 } });
  const send = useOperationWrite('setGoals');
  const fileInput = useRef<HTMLInputElement>(null);
  const [read, setRead] = useState<Read | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const heading = t('goals.import.heading');

  const choose = async (file: File) => {
    setSent(null);
    send.reset();
    const text = await readText(file);
    setRead({ name: file.name, ...goalsFromCsv(text, members.data?.items ?? []) });
  };
  const setAll = async () => {
    if (!read) return;
    const total: Sent = { created: 0, changed: 0, unchanged: 0, rejected: [] };
    for (let start = 0; start < read.goals.length; start += MAX_GOALS_PER_BATCH) {
      const batch = read.goals.slice(start, start + MAX_GOALS_PER_BATCH);
      const result: GoalBatchResult = await send.mutateAsync({ body: { goals: batch.map((entry) => entry.goal) } });
      total.created += result.created;
      total.changed += result.changed;
      total.unchanged += result.unchanged;
      total.rejected.push(...result.rejected.map((refused) => ({ line: batch[refused.index]?.line ?? 0, message: refused.message })));
    }
    setSent(total);
    setRead(null);
    void queryClient.invalidateQueries({ queryKey: queryKeys.list('goal') });
    void queryClient.invalidateQueries({ queryKey: queryKeys.operation('goalAttainment') });
  };

  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h3">{heading}</Subtitle2>} description={<Caption1>{t('goals.import.help')}</Caption1>} />
      <input
        ref={fileInput}
        className={styles.file}
        type="file"
        accept=".csv,text/csv"
        aria-label={t('goals.import.file')}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void choose(file);
        }}
      />
      <div className={styles.actions}>
        <Button icon={<ArrowUploadRegular />} disabled={!members.data} onClick={() => fileInput.current?.click()}>
          {t('goals.import.choose')}
        </Button>
        {read && read.goals.length > 0 ? (
          <Button appearance="primary" disabled={send.isPending} onClick={() => void setAll().catch(() => undefined)}>
            {send.isPending ? t('goals.import.setting') : t('goals.import.set', { count: read.goals.length })}
          </Button>
        ) : null}
      </div>
      {members.isError ? <ErrorMessage error={members.error} onRetry={() => void members.refetch()} /> : null}
      {read ? (
        <div aria-live="polite">
          <Body1>{t('goals.import.read', { file: read.name, count: read.goals.length })}</Body1>
          {read.problems.length > 0 ? (
            <ul className={styles.list} aria-label={t('goals.import.problems')}>
              {read.problems.map((problem) => (
                <li key={`${problem.line}-${problem.problem}`}>
                  <Caption1>{t('goals.import.line', { line: problem.line, problem: t(`goals.import.problem.${problem.problem}` as MessageKey, { value: problem.value ?? '' }) })}</Caption1>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {send.isError ? <ErrorMessage error={send.error} onRetry={() => void setAll().catch(() => undefined)} /> : null}
      {sent ? (
        <div role="status">
          <Body1>{t('goals.import.done', { created: sent.created, changed: sent.changed, unchanged: sent.unchanged })}</Body1>
          {sent.rejected.length > 0 ? (
            <ul className={styles.list} aria-label={t('goals.import.problems')}>
              {sent.rejected.map((refused) => (
                <li key={refused.line}>
                  <Caption1>{t('goals.import.line', { line: refused.line, problem: refused.message })}</Caption1>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

/** A small file's text (UTF-8). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file, 'utf-8');
  });
}
