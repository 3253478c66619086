import { useState } from 'react';
import { Button, Checkbox, Field, Input, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Tip } from '@rapport/shared/tips/tip.schema';
import { useChangeTip, usePostTip } from '../../data/tips';
import { useFormFocus } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import { ErrorMessage } from '../ErrorMessage';
import { useTipNames } from './useTipNames';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  heading: { margin: 0 },
  // Fieldsets without the browser's frame: the legend reads as a field's label.
  group: { display: 'flex', flexDirection: 'column', minWidth: 0, margin: 0, padding: 0, border: 'none' },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground1 },
  choices: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  // A product's or stage's name wraps under its box rather than run past the pane.
  choice: { minWidth: 0, maxWidth: '100%', '& label': { overflowWrap: 'anywhere' } },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** What a tip posted from a deal is tagged with unless the rep unticks it: the deal's stage, products and industry. */
export type TipPreset = { stage: string; productIds: readonly string[]; industry?: string | undefined };

export type TipFormProps = {
  /** Changing this tip (its author's); a new one when absent. */
  tip?: Tip;
  /** Posted from a deal: tagged with what the deal is (each a box to untick); the board's form sets every tag. */
  preset?: TipPreset;
  onSaved: (tip: Tip, posted: boolean) => void;
  onCancel: () => void;
};

const listOf = (text: string) => [...new Set(text.split(',').map((item) => item.trim()).filter((item) => item !== ''))];

/**
 * A tip's words (plain text; addresses become links) and where it shows: on a deal, the deal's stage, products and
 * industry, ticked; on the board, every stage and product to tick and the industries and objections typed.
 */
export function TipForm({ tip, preset, onSaved, onCancel }: TipFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const errorText = useErrorText();
  const focus = useFormFocus(onCancel);
  const names = useTipNames();
  const post = usePostTip();
  const change = useChangeTip();
  const [text, setText] = useState(tip?.text ?? '');
  const [stages, setStages] = useState<string[]>(tip?.stages ?? (preset ? [preset.stage] : []));
  const [productIds, setProductIds] = useState<string[]>(tip?.productIds ?? [...(preset?.productIds ?? [])]);
  const [industries, setIndustries] = useState(tip ? tip.industries.join(', ') : (preset?.industry ?? ''));
  const [objections, setObjections] = useState(tip ? tip.objections.join(', ') : '');
  const error = tip ? change.error : post.error;
  const fields = error ? errorText(error).fields : {};
  const saving = post.isPending || change.isPending;
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((item) => item !== value));

  const save = async () => {
    if (text.trim() === '') return;
    const tags = { stages, productIds, industries: listOf(industries), objections: listOf(objections) };
    try {
      if (tip) onSaved((await change.mutateAsync({ id: tip.id, changes: { text: text.trim(), ...tags }, version: tip.version, previous: tip })) as Tip, false);
      else onSaved((await post.mutateAsync({ input: { text: text.trim(), ...tags } })) as Tip, true);
    } catch {
      // Said in the form, from the mutation's error.
    }
  };

  // The board lists each product once, whatever the currencies it is sold in (the API takes them for one).
  const productChoices = [...new Map(names.products.map((product) => [product.name.trim().toLocaleLowerCase(), product])).values()];
  const chosenProduct = (name: string) => names.products.some((product) => product.name.trim().toLocaleLowerCase() === name && productIds.includes(product.id));
  const title = tip ? t('tips.form.edit') : t('tips.form.new');
  // What a field says under itself; anything else (a stage no longer in the pipeline) is said above the buttons.
  const shownAtField = preset ? ['text', 'objections'] : ['text', 'industries', 'objections'];
  return (
    <form
      ref={focus.ref}
      onKeyDown={focus.onKeyDown}
      className={styles.form}
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Subtitle2 as="h3" className={styles.heading}>
        {title}
      </Subtitle2>
      <Field label={t('tips.field.text')} hint={t('tips.field.textHint')} required validationMessage={fields.text}>
        <Textarea value={text} maxLength={2_000} resize="vertical" rows={3} onChange={(_, data) => setText(data.value)} />
      </Field>
      {preset ? (
        <>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t('tips.field.showOn')}</legend>
            <Checkbox
              className={styles.choice}
              checked={stages.includes(preset.stage)}
              label={t('tips.field.forStage', { stage: names.stageName(preset.stage) })}
              onChange={(_, data) => setStages(toggle(stages, preset.stage, data.checked === true))}
            />
            {preset.productIds.map((id) => (
              <Checkbox key={id} className={styles.choice} checked={productIds.includes(id)} label={t('tips.field.forProduct', { product: names.productName(id) })} onChange={(_, data) => setProductIds(toggle(productIds, id, data.checked === true))} />
            ))}
            {preset.industry ? (
              <Checkbox
                className={styles.choice}
                checked={listOf(industries).includes(preset.industry)}
                label={t('tips.field.forIndustry', { industry: preset.industry })}
                onChange={(_, data) => setIndustries(data.checked === true ? (preset.industry ?? '') : '')}
              />
            ) : null}
          </fieldset>
          <Field label={t('tips.field.objection')} hint={t('tips.field.objectionHint')} validationMessage={fields.objections}>
            <Input value={objections} maxLength={80} onChange={(_, data) => setObjections(data.value)} />
          </Field>
        </>
      ) : (
        <>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t('tips.field.stages')}</legend>
            <div className={styles.choices}>
              {names.stages.map((stage) => (
                <Checkbox key={stage.id} className={styles.choice} checked={stages.includes(stage.id)} label={stage.name} onChange={(_, data) => setStages(toggle(stages, stage.id, data.checked === true))} />
              ))}
            </div>
          </fieldset>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t('tips.field.products')}</legend>
            <div className={styles.choices}>
              {productChoices.map((product) => {
                const name = product.name.trim().toLocaleLowerCase();
                return (
                  <Checkbox
                    key={product.id}
                    className={styles.choice}
                    checked={chosenProduct(name)}
                    label={product.name}
                    onChange={(_, data) =>
                      // Ticked: the product (in one currency: the API matches the others); unticked: in every currency.
                      setProductIds(data.checked === true ? [...productIds, product.id] : productIds.filter((id) => !names.products.some((other) => other.id === id && other.name.trim().toLocaleLowerCase() === name)))
                    }
                  />
                );
              })}
            </div>
          </fieldset>
          <Field label={t('tips.field.industries')} hint={t('tips.field.listHint')} validationMessage={fields.industries}>
            <Input value={industries} onChange={(_, data) => setIndustries(data.value)} />
          </Field>
          <Field label={t('tips.field.objections')} hint={t('tips.field.listHint')} validationMessage={fields.objections}>
            <Input value={objections} onChange={(_, data) => setObjections(data.value)} />
          </Field>
        </>
      )}
      {error && !Object.keys(fields).some((field) => shownAtField.includes(field)) ? <ErrorMessage error={error} /> : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={saving || text.trim() === ''}>
          {tip ? t('tips.save.change') : t('tips.save.post')}
        </Button>
        <Button onClick={onCancel}>{t('tips.cancel')}</Button>
      </div>
    </form>
  );
}
