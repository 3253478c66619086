import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { PipelineStage } from '@rapport/shared';
import { slugOf } from '@rapport/shared/import/name-matching.rules';
import type { ApiClient } from '../api/api-client';
import { useAction } from '../hooks/useAction';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  stage: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  narrow: { width: '5em' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const kinds: PipelineStage['kind'][] = ['open', 'won', 'lost'];

/** Admins: the deal stages in order, with probability and kind. Saved whole, on the version read; a stage deals are in stays. */
export function PipelineAdmin({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [stages, setStages] = useState<PipelineStage[] | null>(null);
  const [version, setVersion] = useState(0);
  const { busy, error, setError, act } = useAction();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    api.pipeline().then(
      (pipeline) => {
        if (!live) return;
        setStages(pipeline.stages);
        setVersion(pipeline.version);
      },
      (caught: unknown) => live && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      live = false;
    };
  }, [api, setError]);

  if (!stages) return error ? <ErrorMessage message={error} /> : <Body1>{t('app.loading')}</Body1>;
  const change = (index: number, patch: Partial<PipelineStage>) => {
    setSaved(false);
    setStages(stages.map((stage, at) => (at === index ? { ...stage, ...patch } : stage)));
  };
  const move = (index: number, by: number) => {
    const next = [...stages];
    const [stage] = next.splice(index, 1);
    if (stage) next.splice(index + by, 0, stage);
    setSaved(false);
    setStages(next);
  };
  const add = () => {
    const lastOpen = stages.reduce((found, stage, at) => (stage.kind === 'open' ? at : found), -1);
    let id = 'new-stage';
    for (let n = 2; stages.some((stage) => stage.id === id); n++) id = `new-stage-${n}`;
    const next = [...stages];
    next.splice(lastOpen + 1, 0, { id, name: t('pipeline.newStage'), probability: 50, kind: 'open' });
    setSaved(false);
    setStages(next);
  };
  const save = () =>
    act(async () => {
      // A stage added here gets its id from its name when saved; existing stages keep theirs, so their deals stay.
      const named = stages.map((stage) => (stage.id.startsWith('new-stage') ? { ...stage, id: uniqueId(slugOf(stage.name, 60), stages) } : stage));
      const result = await api.updatePipeline(named, version);
      setStages(result.stages);
      setVersion(result.version);
      setSaved(true);
    });

  return (
    <section className={styles.view} aria-label={t('pipeline.heading')}>
      <Subtitle2 as="h2">{t('pipeline.heading')}</Subtitle2>
      <Caption1>{t('pipeline.help')}</Caption1>
      {error ? <ErrorMessage message={error} /> : null}
      {saved ? <Body1 role="status">{t('pipeline.saved')}</Body1> : null}
      <ol className={styles.list} aria-label={t('pipeline.heading')}>
        {stages.map((stage, index) => (
          <li key={stage.id} className={styles.stage}>
            <Field label={t('pipeline.name', { position: index + 1 })}>
              <Input value={stage.name} maxLength={60} onChange={(_, data) => change(index, { name: data.value })} />
            </Field>
            <Field label={t('pipeline.probability', { name: stage.name })}>
              <Input className={styles.narrow} type="number" min={0} max={100} value={String(stage.probability)} onChange={(_, data) => change(index, { probability: Number(data.value) })} />
            </Field>
            <Field label={t('pipeline.kind', { name: stage.name })}>
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
            <Button size="small" onClick={() => setStages(stages.filter((_, at) => at !== index))}>
              {t('pipeline.remove', { name: stage.name })}
            </Button>
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        <Button onClick={add}>{t('pipeline.add')}</Button>
        <Button appearance="primary" disabled={busy} onClick={() => void save()}>
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
