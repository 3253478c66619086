import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Select, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { PipelineStage } from '@rapport/shared';
import { slugOf } from '@rapport/shared/import/name-matching.rules';
import { useOperation } from '../data/queries';
import { isStale } from '../data/versions';
import { useOperationWrite } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  stage: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  narrow: { width: '5em' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const kinds: PipelineStage['kind'][] = ['open', 'won', 'lost'];

/** The stages as the admin is changing them, and the version of the pipeline they started from. */
type Draft = { stages: PipelineStage[]; version: number };

/** Admins: the deal stages in order, with probability and kind. Saved whole, on the version read; a stage deals are in stays. */
export function PipelineAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const pipeline = useOperation('pipeline', {});
  const save = useOperationWrite('updatePipeline');
  // Null while nothing is changed: the pipeline as saved shows. Kept through a refused save.
  const [draft, setDraft] = useState<Draft | null>(null);

  if (!pipeline.data) {
    return pipeline.isError ? <ErrorMessage error={pipeline.error} onRetry={() => void pipeline.refetch()} /> : <Spinner size="tiny" label={t('app.loading')} />;
  }
  const saved = pipeline.data;
  const stages = draft?.stages ?? saved.stages;
  const edit = (next: PipelineStage[]) => {
    save.reset();
    setDraft({ stages: next, version: draft?.version ?? saved.version });
  };
  const change = (index: number, patch: Partial<PipelineStage>) => edit(stages.map((stage, at) => (at === index ? { ...stage, ...patch } : stage)));
  const move = (index: number, by: number) => {
    const next = [...stages];
    const [stage] = next.splice(index, 1);
    if (stage) next.splice(index + by, 0, stage);
    edit(next);
  };
  const add = () => {
    const lastOpen = stages.reduce((found, stage, at) => (stage.kind === 'open' ? at : found), -1);
    let id = 'new-stage';
    for (let n = 2; stages.some((stage) => stage.id === id); n++) id = `new-stage-${n}`;
    const next = [...stages];
    next.splice(lastOpen + 1, 0, { id, name: t('pipeline.newStage'), probability: 50, kind: 'open' });
    edit(next);
  };
  const submit = () => {
    if (!draft) return;
    // A stage added here gets its id from its name when saved; existing stages keep theirs, so their deals stay.
    const named = draft.stages.map((stage) => (stage.id.startsWith('new-stage') ? { ...stage, id: uniqueId(slugOf(stage.name, 60), draft.stages) } : stage));
    save.mutate({ body: { stages: named }, version: draft.version }, { onSuccess: () => setDraft(null) });
  };
  const loadSaved = () =>
    void pipeline.refetch().then(() => {
      setDraft(null);
      save.reset();
    });
  const fields = save.error ? errorText(save.error).fields : {};

  return (
    <section className={styles.view} aria-label={t('pipeline.heading')}>
      <Subtitle2 as="h2">{t('pipeline.heading')}</Subtitle2>
      <Caption1>{t('pipeline.help')}</Caption1>
      {save.isError ? <ErrorMessage error={save.error} onRetry={() => save.variables && save.mutate(save.variables)} /> : null}
      {isStale(save.error) ? (
        <div>
          <Button onClick={loadSaved}>{t('pipeline.reload')}</Button>
        </div>
      ) : null}
      {save.isSuccess && !draft ? <Body1 role="status">{t('pipeline.saved')}</Body1> : null}
      <ol className={styles.list} aria-label={t('pipeline.heading')}>
        {stages.map((stage, index) => (
          <li key={stage.id} className={styles.stage}>
            <Field label={t('pipeline.name', { position: index + 1 })} validationMessage={fields[`stages.${index}.name`] ?? fields[`stages.${index}`]}>
              <Input value={stage.name} maxLength={60} onChange={(_, data) => change(index, { name: data.value })} />
            </Field>
            <Field label={t('pipeline.probability', { name: stage.name })} validationMessage={fields[`stages.${index}.probability`]}>
              <Input className={styles.narrow} type="number" min={0} max={100} value={String(stage.probability)} onChange={(_, data) => change(index, { probability: Number(data.value) })} />
            </Field>
            <Field label={t('pipeline.kind', { name: stage.name })} validationMessage={fields[`stages.${index}.kind`]}>
              <Select value={stage.kind} onChange={(_, data) => change(index, { kind: data.value as PipelineStage['kind'] })}>
                {kinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`pipeline.kind.${kind}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Button size="small" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('pipeline.up', { name: stage.name })}>
              ↑
            </Button>
            <Button size="small" disabled={index === stages.length - 1} onClick={() => move(index, 1)} aria-label={t('pipeline.down', { name: stage.name })}>
              ↓
            </Button>
            <Button size="small" onClick={() => edit(stages.filter((_, at) => at !== index))}>
              {t('pipeline.remove', { name: stage.name })}
            </Button>
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        <Button onClick={add}>{t('pipeline.add')}</Button>
        <Button appearance="primary" disabled={save.isPending || !draft} onClick={submit}>
          {t('pipeline.save')}
        </Button>
      </div>
    </section>
  );
}

function uniqueId(base: string, stages: PipelineStage[]): string {
  let id = base;
  for (let n = 2; stages.some((stage) => stage.id === id); n++) id = `${base}-${n}`;
  return id;
}
