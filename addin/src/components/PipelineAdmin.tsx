import { useId, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Label, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import type { PipelineStage, StageUse } from '@rapport/shared';
import { slugOf } from '@rapport/shared/import/name-matching.rules';
import { useOperation } from '../data/queries';
import { isStale } from '../data/versions';
import { useOperationWrite } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground2 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  stage: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // The name takes the room the three buttons leave.
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  name: { flexGrow: 1, minWidth: 0 },
  // An input is some 20 characters wide by itself: this one takes the field's width, however narrow.
  nameInput: { width: '100%', minWidth: 0 },
  position: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  buttons: { display: 'flex', flexShrink: 0, paddingTop: tokens.spacingVerticalXXS },
  details: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  detail: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  probability: { width: '6.5em' },
  problem: { color: tokens.colorPaletteRedForeground1 },
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
  // How many deals each stage holds: a stage deals are in offers no Remove (the API refuses it anyway).
  const use = useOperation('pipelineUse', {});
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
    // A refusal may come from deals moved into a removed stage meanwhile: the counts are read again.
    save.mutate({ body: { stages: named }, version: draft.version }, { onSuccess: () => setDraft(null), onError: () => void use.refetch() });
  };
  const loadSaved = () =>
    void pipeline.refetch().then(() => {
      setDraft(null);
      save.reset();
    });
  const fields = save.error ? errorText(save.error).fields : {};
  const useOf = new Map(use.data?.stages.map((stage) => [stage.id, stage]));

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('pipeline.help')}</Caption1>
      {save.isError ? <ErrorMessage error={save.error} onRetry={() => save.variables && save.mutate(save.variables)} /> : null}
      {isStale(save.error) ? (
        <div>
          <Button onClick={loadSaved}>{t('pipeline.reload')}</Button>
        </div>
      ) : null}
      {save.isSuccess && !draft ? <Body1 role="status">{t('pipeline.saved')}</Body1> : null}
      <ol className={styles.list} aria-label={t('pipeline.heading')}>
        {stages.map((stage, index) => (
          <StageCard
            key={stage.id}
            stage={stage}
            position={index + 1}
            first={index === 0}
            last={index === stages.length - 1}
            problem={(field) => fields[`stages.${index}.${field}`] ?? (field === 'name' ? fields[`stages.${index}`] : undefined)}
            onChange={(patch) => change(index, patch)}
            onMove={(by) => move(index, by)}
            use={use.data ? (useOf.get(stage.id) ?? null) : undefined}
            // Until the counts are read, no Remove; when they cannot be, the API's refusal says what to do.
            onRemove={use.data || use.isError ? () => edit(stages.filter((_, at) => at !== index)) : undefined}
          />
        ))}
      </ol>
      <div className={styles.actions}>
        <Button icon={<AddRegular />} onClick={add}>
          {t('pipeline.add')}
        </Button>
        <Button appearance="primary" disabled={save.isPending || !draft} onClick={submit}>
          {t('pipeline.save')}
        </Button>
      </div>
    </div>
  );
}

/**
 * A stage as a two-line card: its name with the buttons that move and remove it, then its probability, kind and the
 * deals in it. A stage deals are in has no Remove. Each control is named after the stage, for a screen reader going
 * through the list.
 */
function StageCard({
  stage,
  position,
  first,
  last,
  problem,
  onChange,
  onMove,
  onRemove,
  use,
}: {
  stage: PipelineStage;
  position: number;
  first: boolean;
  last: boolean;
  problem: (field: 'name' | 'probability' | 'kind') => string | undefined;
  onChange: (patch: Partial<PipelineStage>) => void;
  onMove: (by: number) => void;
  onRemove: (() => void) | undefined;
  /** The deals in the stage: null for a stage not saved yet, undefined while unknown. */
  use: StageUse | null | undefined;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const probabilityId = useId();
  const kindId = useId();
  const details = [problem('probability'), problem('kind')].filter(Boolean);
  return (
    <li className={styles.stage}>
      <div className={styles.line}>
        <Field className={styles.name} validationMessage={problem('name')}>
          <Input
            className={styles.nameInput}
            aria-label={t('pipeline.name', { position })}
            contentBefore={<span className={styles.position}>{position}</span>}
            value={stage.name}
            maxLength={60}
            onChange={(_, data) => onChange({ name: data.value })}
          />
        </Field>
        <div className={styles.buttons}>
          <Button size="small" appearance="subtle" icon={<ArrowUpRegular />} disabled={first} onClick={() => onMove(-1)} aria-label={t('pipeline.up', { name: stage.name })} />
          <Button size="small" appearance="subtle" icon={<ArrowDownRegular />} disabled={last} onClick={() => onMove(1)} aria-label={t('pipeline.down', { name: stage.name })} />
          {onRemove && !use?.inUse ? (
            <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={onRemove} aria-label={t('pipeline.remove', { name: stage.name })} />
          ) : null}
        </div>
      </div>
      <div className={styles.details}>
        <span className={styles.detail}>
          <Label htmlFor={probabilityId} size="small">
            {t('pipeline.probabilityShort')}
          </Label>
          <Input
            id={probabilityId}
            className={styles.probability}
            size="small"
            aria-label={t('pipeline.probability', { name: stage.name })}
            aria-invalid={problem('probability') ? true : undefined}
            type="number"
            min={0}
            max={100}
            contentAfter="%"
            value={String(stage.probability)}
            onChange={(_, data) => onChange({ probability: Number(data.value) })}
          />
        </span>
        <span className={styles.detail}>
          <Label htmlFor={kindId} size="small">
            {t('pipeline.kindShort')}
          </Label>
          <Select
            id={kindId}
            size="small"
            aria-label={t('pipeline.kind', { name: stage.name })}
            aria-invalid={problem('kind') ? true : undefined}
            value={stage.kind}
            onChange={(_, data) => onChange({ kind: data.value as PipelineStage['kind'] })}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`pipeline.kind.${kind}`)}
              </option>
            ))}
          </Select>
        </span>
      </div>
      {use ? (
        <Caption1 className={styles.meta}>
          {use.openDeals > 0 ? t('pipeline.openDeals', { count: use.openDeals }) : use.inUse ? t('pipeline.closedOnly') : t('pipeline.noDeals')}
        </Caption1>
      ) : null}
      {details.map((message) => (
        <Caption1 key={message} role="alert" className={styles.problem}>
          {message}
        </Caption1>
      ))}
    </li>
  );
}

function uniqueId(base: string, stages: PipelineStage[]): string {
  let id = base;
  for (let n = 2; stages.some((stage) => stage.id === id); n++) id = `${base}-${n}`;
  return id;
}
