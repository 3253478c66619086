import { useId, useRef } from 'react';
import { Body1, Button, Caption1, Field, Input, Label, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, ImageAddRegular } from '@fluentui/react-icons';
import { memberLanguages } from '@rapport/shared/members/preferences.rules';
import { QUOTE_TAX_RATES_MAX, QUOTE_VALIDITY_DAYS_MAX } from '@rapport/shared/quotes/quote.rules';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { QueryState } from '../QueryState';
import { adminFormStyles } from '../admin-form.styles';
import { useQuoteSettingsAdmin } from './useQuoteSettingsAdmin';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  // A new rate in its tinted box: its name takes the room, its percentage a number's width, Add under them.
  addRate: { ...adminFormStyles.form },
  rateFields: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  rateName: { flex: '1 1 9em', minWidth: 0 },
  ratePercent: { flex: '0 0 6.5em', minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  rate: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  rateText: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  number: { maxWidth: '8em' },
  // The logo at about the size a quote prints it, on the page's own background: a transparent PNG shows as it will.
  logo: {
    display: 'block',
    maxWidth: '100%',
    maxHeight: '80px',
    objectFit: 'contain',
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  file: { display: 'none' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * Admins: what every quote says about the seller (name, address, logo), the tax rates its lines offer and the default,
 * how long a new quote is valid, its payment terms, the stage an accepted quote moves its deal to, and the language for
 * customers whose own is unknown. Saved as a whole on the version read; a refused save keeps what was typed.
 */
export function QuoteSettingsAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const state = useQuoteSettingsAdmin();
  const { settings, pipeline, save, saved, draft, change, problems } = state;
  const picker = useRef<HTMLInputElement>(null);
  const logoLabel = useId();
  const ratesLabel = useId();

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('quoteSettings.help')}</Caption1>
      <QueryState query={settings} />
      {saved && draft ? (
        <form
          className={styles.view}
          aria-label={t('quoteSettings.form')}
          onSubmit={(event) => {
            event.preventDefault();
            state.submit();
          }}
        >
          <Field label={t('quoteSettings.sellerName')} hint={t('quoteSettings.sellerNameHint')} validationMessage={problems.sellerName ?? state.refusedAt('sellerName')}>
            <Input value={draft.sellerName} onChange={(_, data) => change({ sellerName: data.value })} />
          </Field>
          <Field label={t('quoteSettings.sellerAddress')} hint={t('quoteSettings.sellerAddressHint')} validationMessage={problems.sellerAddress ?? state.refusedAt('sellerAddress')}>
            <Textarea value={draft.sellerAddress} rows={3} resize="vertical" onChange={(_, data) => change({ sellerAddress: data.value })} />
          </Field>

          <div className={styles.group} role="group" aria-labelledby={logoLabel}>
            <Label id={logoLabel}>{t('quoteSettings.logo')}</Label>
            {draft.logo ? <img className={styles.logo} src={draft.logo} alt={t('quoteSettings.logoPreview')} /> : <Body1>{t('quoteSettings.noLogo')}</Body1>}
            <Caption1 className={styles.meta}>{t('quoteSettings.logoHint', { max: state.logoMax })}</Caption1>
            {state.logoProblem ? (
              <Notice intent="warning" role="alert">
                {state.logoProblem}
              </Notice>
            ) : null}
            {state.refusedAt('logo') ? <Caption1 role="alert">{state.refusedAt('logo')}</Caption1> : null}
            <div className={styles.actions}>
              <Button icon={<ImageAddRegular />} onClick={() => picker.current?.click()}>
                {draft.logo ? t('quoteSettings.replaceLogo') : t('quoteSettings.chooseLogo')}
              </Button>
              {draft.logo ? (
                <Button icon={<DeleteRegular />} onClick={state.removeLogo}>
                  {t('quoteSettings.removeLogo')}
                </Button>
              ) : null}
              <input
                ref={picker}
                className={styles.file}
                type="file"
                accept="image/png,image/jpeg"
                aria-label={t('quoteSettings.logo')}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  // The same file chosen again (after fixing it) is a change too.
                  event.target.value = '';
                  if (file) void state.pickLogo(file);
                }}
              />
            </div>
          </div>

          <div className={styles.group} role="group" aria-labelledby={ratesLabel}>
            <Label id={ratesLabel}>{t('quoteSettings.taxRates')}</Label>
            <Caption1 className={styles.meta}>{t('quoteSettings.taxRatesHint')}</Caption1>
            {draft.taxRates.length === 0 ? (
              <Body1>{t('quoteSettings.noTaxRates')}</Body1>
            ) : (
              <ul className={styles.list} aria-label={t('quoteSettings.taxRates')}>
                {draft.taxRates.map((rate) => (
                  <li key={`${rate.percent}|${rate.name}`} className={styles.rate}>
                    <Body1 className={styles.rateText}>{t('quoteSettings.rateLine', { name: rate.name, percent: state.percentText(rate.percent) })}</Body1>
                    <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('quoteSettings.removeRate', { name: rate.name })} onClick={() => state.removeRate(rate)} />
                  </li>
                ))}
              </ul>
            )}
            {state.refusedAt('taxRates') ? <Caption1 role="alert">{state.refusedAt('taxRates')}</Caption1> : null}
            {state.full ? (
              <Caption1>{t('quoteSettings.tooManyRates', { max: QUOTE_TAX_RATES_MAX })}</Caption1>
            ) : (
              // Not a form of its own (forms do not nest): Enter in its fields adds the rate, not saves the settings.
              <div
                className={styles.addRate}
                role="group"
                aria-label={t('quoteSettings.addRateForm')}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter' || event.target instanceof HTMLButtonElement) return;
                  event.preventDefault();
                  state.addRate();
                }}
              >
                <div className={styles.rateFields}>
                  <Field className={styles.rateName} label={t('quoteSettings.rateName')} validationMessage={state.rateProblems.name}>
                    <Input className={styles.input} value={state.rate.name} onChange={(_, data) => state.setRate({ name: data.value })} />
                  </Field>
                  <Field className={styles.ratePercent} label={t('quoteSettings.ratePercent')} validationMessage={state.rateProblems.percent}>
                    <Input className={styles.input} inputMode="decimal" value={state.rate.percent} onChange={(_, data) => state.setRate({ percent: data.value })} />
                  </Field>
                </div>
                <div className={styles.actions}>
                  <Button onClick={state.addRate}>{t('quoteSettings.addRate')}</Button>
                </div>
              </div>
            )}
          </div>

          <Field label={t('quoteSettings.defaultTax')} hint={t('quoteSettings.defaultTaxHint')} validationMessage={state.refusedAt('defaultTaxPercent')}>
            <Select
              value={draft.defaultTaxPercent === null ? '' : String(draft.defaultTaxPercent)}
              onChange={(_, data) => change({ defaultTaxPercent: data.value === '' ? null : Number(data.value) })}
            >
              <option value="">{t('quoteSettings.noDefaultTax')}</option>
              {draft.taxRates.map((rate) => (
                <option key={rate.percent} value={String(rate.percent)}>
                  {t('quoteSettings.rateLine', { name: rate.name, percent: state.percentText(rate.percent) })}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('quoteSettings.validityDays')}
            hint={problems.validityDays ? undefined : t('quoteSettings.validityHint', { min: 1, max: QUOTE_VALIDITY_DAYS_MAX })}
            validationMessage={problems.validityDays ?? state.refusedAt('validityDays')}
          >
            <Input className={styles.number} type="number" inputMode="numeric" min={1} max={QUOTE_VALIDITY_DAYS_MAX} value={draft.validityDays} onChange={(_, data) => change({ validityDays: data.value })} />
          </Field>
          <Field label={t('quoteSettings.paymentTerms')} hint={t('quoteSettings.paymentTermsHint')} validationMessage={problems.paymentTerms ?? state.refusedAt('paymentTerms')}>
            <Textarea value={draft.paymentTerms} rows={2} resize="vertical" onChange={(_, data) => change({ paymentTerms: data.value })} />
          </Field>
          <Field label={t('quoteSettings.acceptedStage')} hint={t('quoteSettings.acceptedStageHint')} validationMessage={state.refusedAt('acceptedStage')}>
            <Select value={draft.acceptedStage} onChange={(_, data) => change({ acceptedStage: data.value })}>
              <option value="">{state.firstWon ? t('quoteSettings.firstWonStage', { stage: state.firstWon.name }) : t('quoteSettings.noWonStage')}</option>
              {state.stages.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name}
                </option>
              ))}
              {draft.acceptedStage && pipeline.data && !state.stages.some((stage) => stage.id === draft.acceptedStage) ? (
                <option value={draft.acceptedStage}>{t('quoteSettings.stageGone')}</option>
              ) : null}
            </Select>
          </Field>
          {pipeline.isError ? <ErrorMessage error={pipeline.error} onRetry={() => void pipeline.refetch()} /> : null}
          <Field label={t('quoteSettings.language')} hint={t('quoteSettings.languageHint')}>
            <Select value={draft.language} onChange={(_, data) => change({ language: data.value as typeof draft.language })}>
              {memberLanguages.map((language) => (
                <option key={language} value={language}>
                  {t(`templates.lang.${language}`)}
                </option>
              ))}
            </Select>
          </Field>

          {save.isError ? <ErrorMessage error={save.error} onRetry={state.submit} /> : null}
          {state.notice ? (
            <Caption1 role="status" aria-live="polite">
              {state.notice}
            </Caption1>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={save.isPending || !state.changed || !state.valid}>
              {t('quoteSettings.save')}
            </Button>
            {state.stale ? <Button onClick={state.loadSaved}>{t('quoteSettings.reload')}</Button> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
