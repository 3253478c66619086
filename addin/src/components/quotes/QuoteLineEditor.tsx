import { useRef, useState } from 'react';
import { Button, Caption1, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, TextDescriptionRegular } from '@fluentui/react-icons';
import { QUOTE_LINE_DESCRIPTION_MAX, QUOTE_LINE_NAME_MAX } from '@rapport/shared/quotes/quote.rules';
import { useI18n } from '../../i18n/I18nContext';
import { parseAmount } from '../../i18n/parse-amount';
import { numberText, type LineDraft } from './quote-draft';
import { minorMoney } from './quote-state';

const useStyles = makeStyles({
  line: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderTopStyle: 'none',
    borderRightStyle: 'none',
    borderBottomStyle: 'none',
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
    '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  // Two fields side by side: each takes half of what the pane leaves, their inputs level when a label wraps.
  pair: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'end', minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  // A native list is as wide as its longest option: held to its cell, the chosen one cut with an ellipsis.
  select: { width: '100%', minWidth: 0, '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
  // "Add description" sits under the name, as small as a hint, until the rep wants one.
  reveal: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0, paddingRight: 0 },
  lineFoot: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  lineTotal: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', minWidth: 0 },
});

export type QuoteLineEditorProps = {
  line: LineDraft;
  index: number;
  currency: string;
  taxRates: readonly { name: string; percent: number }[];
  totals: { net: number; tax: number } | undefined;
  problemAt: (path: string) => string | undefined;
  onChange: (patch: Partial<LineDraft>) => void;
  onRemove: () => void;
};

const OTHER_RATE = 'other';

/**
 * One line of a draft quote: what is offered (and, if the rep adds one, its description for the customer), how many at
 * what price, less what discount, under which tax rate; what it comes to.
 */
export function QuoteLineEditor({ line, index, currency, taxRates, totals, problemAt, onChange, onRemove }: QuoteLineEditorProps) {
  const styles = useStyles();
  const translator = useI18n();
  const { t, locale } = translator;
  const number = index + 1;
  const path = (field: keyof LineDraft) => `lines.${index}.${field}`;
  // The tenant's rate the line has, or "another rate" (typed) when it has none of them or the rep chose to type one.
  const typed = parseAmount(line.taxPercent, locale);
  const [typing, setTyping] = useState(() => !taxRates.some((rate) => rate.percent === typed));
  const rate = typing ? OTHER_RATE : String(typed);
  return (
    <fieldset className={styles.line}>
      <legend className={styles.legend}>{t('quotes.line.legend', { number })}</legend>
      <Field label={t('quotes.field.name')} required validationMessage={problemAt(path('name'))}>
        <Input className={styles.input} maxLength={QUOTE_LINE_NAME_MAX} value={line.name} onChange={(_, data) => onChange({ name: data.value })} />
      </Field>
      <LineDescription line={line} number={number} problem={problemAt(path('description'))} onChange={onChange} />
      <div className={styles.pair}>
        <Field label={t('quotes.field.quantity')} required validationMessage={problemAt(path('quantity'))}>
          <Input className={styles.input} inputMode="decimal" value={line.quantity} onChange={(_, data) => onChange({ quantity: data.value })} />
        </Field>
        <Field label={`${t('quotes.field.unitPrice')} (${currency})`} required validationMessage={problemAt(path('unitPrice'))}>
          <Input className={styles.input} inputMode="decimal" value={line.unitPrice} onChange={(_, data) => onChange({ unitPrice: data.value })} />
        </Field>
      </div>
      <div className={styles.pair}>
        <Field label={t('quotes.field.discount')} validationMessage={problemAt(path('discountPercent'))}>
          <Input className={styles.input} inputMode="decimal" value={line.discountPercent} onChange={(_, data) => onChange({ discountPercent: data.value })} />
        </Field>
        {taxRates.length > 0 ? (
          <Field label={t('quotes.field.tax')} validationMessage={typing ? undefined : problemAt(path('taxPercent'))}>
            <Select
              className={styles.select}
              value={rate}
              onChange={(_, data) => {
                const other = data.value === OTHER_RATE;
                setTyping(other);
                if (!other) onChange({ taxPercent: numberText(Number(data.value), locale) });
              }}
            >
              {taxRates.map((choice) => (
                <option key={`${choice.name}-${choice.percent}`} value={String(choice.percent)}>
                  {choice.name}
                </option>
              ))}
              <option value={OTHER_RATE}>{t('quotes.field.taxOther')}</option>
            </Select>
          </Field>
        ) : (
          <TaxPercent line={line} problem={problemAt(path('taxPercent'))} onChange={onChange} />
        )}
      </div>
      {taxRates.length > 0 && typing ? <TaxPercent line={line} problem={problemAt(path('taxPercent'))} onChange={onChange} /> : null}
      <div className={styles.lineFoot}>
        <Caption1 className={styles.lineTotal}>
          {totals ? t('quotes.line.total', { net: minorMoney(translator, totals.net, currency), tax: minorMoney(translator, totals.tax, currency) }) : null}
        </Caption1>
        <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('quotes.line.removeNamed', { number })} onClick={onRemove}>
          {t('quotes.line.remove')}
        </Button>
      </div>
    </fieldset>
  );
}

/**
 * A line's description: shown when it has one; else "Add description", which opens an empty one, so that lines
 * without one stay a few fields tall in the narrow pane.
 */
function LineDescription({ line, number, problem, onChange }: { line: LineDraft; number: number; problem: string | undefined; onChange: (patch: Partial<LineDraft>) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  // Once opened it stays open, even emptied: the field does not jump away under the rep's cursor.
  const [open, setOpen] = useState(() => Boolean(line.description));
  const field = useRef<HTMLTextAreaElement>(null);
  if (!open && !line.description && !problem) {
    return (
      <Button
        className={styles.reveal}
        size="small"
        appearance="transparent"
        icon={<TextDescriptionRegular />}
        aria-label={t('quotes.line.addDescriptionNamed', { number })}
        onClick={() => {
          setOpen(true);
          // The field the rep asked for takes the keyboard once it is there.
          setTimeout(() => field.current?.focus(), 0);
        }}
      >
        {t('quotes.line.addDescription')}
      </Button>
    );
  }
  return (
    <Field label={t('quotes.field.description')} hint={t('quotes.field.descriptionHint')} validationMessage={problem}>
      <Textarea ref={field} resize="vertical" maxLength={QUOTE_LINE_DESCRIPTION_MAX} value={line.description ?? ''} onChange={(_, data) => onChange({ description: data.value })} />
    </Field>
  );
}

function TaxPercent({ line, problem, onChange }: { line: LineDraft; problem: string | undefined; onChange: (patch: Partial<LineDraft>) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Field label={t('quotes.field.taxPercent')} validationMessage={problem}>
      <Input className={styles.input} inputMode="decimal" value={line.taxPercent} onChange={(_, data) => onChange({ taxPercent: data.value })} />
    </Field>
  );
}
