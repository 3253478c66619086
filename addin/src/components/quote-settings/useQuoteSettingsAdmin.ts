import { useState } from 'react';
import type { MemberLanguage, QuoteSettings } from '@rapport/shared';
import {
  DEFAULT_QUOTE_VALIDITY_DAYS,
  QUOTE_LOGO_MAX_BYTES,
  QUOTE_SELLER_ADDRESS_MAX,
  QUOTE_SELLER_NAME_MAX,
  QUOTE_TAX_RATES_MAX,
  QUOTE_TAX_RATE_NAME_MAX,
  QUOTE_TERMS_MAX,
  QUOTE_VALIDITY_DAYS_MAX,
  isQuotePercent,
} from '@rapport/shared/quotes/quote.rules';
import { useOperation } from '../../data/queries';
import { isStale } from '../../data/versions';
import { useOperationWrite } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { parseAmount } from '../../i18n/parse-amount';
import { useErrorText } from '../../i18n/useErrorText';
import { fileSize } from '../documents/file-size';
import { readLogo } from './logo-file';

type TaxRate = QuoteSettings['taxRates'][number];

/** The settings as the admin is changing them: texts as typed, the logo as a data URL (null: none). */
export type QuoteSettingsDraft = {
  sellerName: string;
  sellerAddress: string;
  logo: string | null;
  taxRates: TaxRate[];
  /** null: no default (a new line starts at 0 %). */
  defaultTaxPercent: number | null;
  validityDays: string;
  paymentTerms: string;
  /** '': the pipeline's first won stage. */
  acceptedStage: string;
  language: MemberLanguage;
};

const DAYS = /^\d{1,3}$/;

function draftOf(settings: QuoteSettings): QuoteSettingsDraft {
  return {
    sellerName: settings.sellerName ?? '',
    sellerAddress: settings.sellerAddress ?? '',
    logo: settings.logo ?? null,
    taxRates: settings.taxRates,
    defaultTaxPercent: settings.defaultTaxPercent ?? null,
    validityDays: String(settings.validityDays ?? DEFAULT_QUOTE_VALIDITY_DAYS),
    paymentTerms: settings.paymentTerms ?? '',
    acceptedStage: settings.acceptedStage ?? '',
    language: settings.language,
  };
}

/** The settings the draft says, as the API takes them (a whole value: what is left out is unset). */
function settingsOf(draft: QuoteSettingsDraft): QuoteSettings {
  const sellerName = draft.sellerName.trim();
  // An address keeps its lines; blank lines and trailing spaces go.
  const sellerAddress = draft.sellerAddress.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).join('\n');
  const paymentTerms = draft.paymentTerms.trim();
  return {
    ...(sellerName ? { sellerName } : {}),
    ...(sellerAddress ? { sellerAddress } : {}),
    ...(draft.logo ? { logo: draft.logo } : {}),
    taxRates: draft.taxRates,
    ...(draft.defaultTaxPercent !== null ? { defaultTaxPercent: draft.defaultTaxPercent } : {}),
    validityDays: Number(draft.validityDays),
    ...(paymentTerms ? { paymentTerms } : {}),
    ...(draft.acceptedStage ? { acceptedStage: draft.acceptedStage } : {}),
    language: draft.language,
  };
}

/**
 * The state of the quote settings: as saved, as the admin changed them (kept through a refused save), the tax rate and
 * logo being added with the browser's own checks, and saving the whole on the version read.
 */
export function useQuoteSettingsAdmin() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const settings = useOperation('settings', {});
  const pipeline = useOperation('pipeline', {});
  const save = useOperationWrite('updateSettings');
  const [edit, setEdit] = useState<{ draft: QuoteSettingsDraft; version: number } | null>(null);
  const [rate, setRate] = useState({ name: '', percent: '', tried: false });
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const saved = settings.data ?? null;
  const savedDraft = saved ? draftOf(saved.quotes) : null;
  const draft = edit?.draft ?? savedDraft;
  const change = (next: Partial<QuoteSettingsDraft>) => {
    if (!saved || !draft) return;
    save.reset();
    setNotice(null);
    setEdit({ draft: { ...draft, ...next }, version: edit?.version ?? saved.version });
  };

  const percentText = (percent: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(percent / 100);
  const tooLong = (text: string, max: number) => (text.trim().length > max ? t('quoteSettings.tooLong', { max }) : undefined);
  const days = draft ? Number(draft.validityDays) : 0;
  const validDays = draft !== null && DAYS.test(draft.validityDays.trim()) && days >= 1 && days <= QUOTE_VALIDITY_DAYS_MAX;
  const problems = draft
    ? {
        sellerName: tooLong(draft.sellerName, QUOTE_SELLER_NAME_MAX),
        sellerAddress: tooLong(draft.sellerAddress, QUOTE_SELLER_ADDRESS_MAX),
        paymentTerms: tooLong(draft.paymentTerms, QUOTE_TERMS_MAX),
        validityDays: validDays ? undefined : t('quoteSettings.validityInvalid', { min: 1, max: QUOTE_VALIDITY_DAYS_MAX }),
      }
    : {};
  const valid = Object.values(problems).every((problem) => problem === undefined);
  const changed = savedDraft !== null && draft !== null && edit !== null && JSON.stringify(settingsOf(draft)) !== JSON.stringify(settingsOf(savedDraft));

  // The tax rate being typed: checked as the API would, and against the list (one rate per percentage, so the default
  // names one).
  const typedPercent = parseAmount(rate.percent, locale);
  const rateProblems = {
    name: rate.name.trim() === '' ? t('quoteSettings.rateNameRequired') : tooLong(rate.name, QUOTE_TAX_RATE_NAME_MAX),
    percent:
      typedPercent === null || !isQuotePercent(typedPercent)
        ? t('quoteSettings.ratePercentInvalid')
        : draft?.taxRates.some((existing) => existing.percent === typedPercent)
          ? t('quoteSettings.rateDuplicate', { percent: percentText(typedPercent) })
          : undefined,
  };
  const full = (draft?.taxRates.length ?? 0) >= QUOTE_TAX_RATES_MAX;
  const addRate = () => {
    if (!draft || full) return;
    if (rateProblems.name || rateProblems.percent || typedPercent === null) return setRate({ ...rate, tried: true });
    const added = { name: rate.name.trim(), percent: typedPercent };
    // The first rate a tenant gives is what new lines start with, until the admin chooses another.
    change({ taxRates: [...draft.taxRates, added], ...(draft.taxRates.length === 0 && draft.defaultTaxPercent === null ? { defaultTaxPercent: added.percent } : {}) });
    setRate({ name: '', percent: '', tried: false });
  };
  const removeRate = (removed: TaxRate) => {
    if (!draft) return;
    // A default no longer offered is no default.
    change({ taxRates: draft.taxRates.filter((other) => other !== removed), ...(draft.defaultTaxPercent === removed.percent ? { defaultTaxPercent: null } : {}) });
  };

  // Said in whole kilobytes, rounded down: a file shown at that size is never refused.
  const logoMax = fileSize(Math.floor(QUOTE_LOGO_MAX_BYTES / 1024) * 1024, locale);
  const pickLogo = async (file: File) => {
    const read = await readLogo(file);
    if ('dataUrl' in read) {
      setLogoProblem(null);
      change({ logo: read.dataUrl });
      return;
    }
    const name = file.name;
    setLogoProblem(
      read.problem === 'too-large'
        ? t('quoteSettings.logoTooLarge', { name, size: fileSize(file.size, locale), max: logoMax })
        : read.problem === 'not-image'
          ? t('quoteSettings.logoNotImage', { name })
          : t('quoteSettings.logoUnreadable', { name }),
    );
  };
  const removeLogo = () => {
    setLogoProblem(null);
    change({ logo: null });
  };

  const submit = () => {
    if (!edit || !valid) return;
    save.mutate(
      { body: { quotes: settingsOf(edit.draft) }, version: edit.version },
      {
        onSuccess: () => {
          setEdit(null);
          setNotice(t('quoteSettings.saved'));
        },
      },
    );
  };
  // Another admin saved first: their settings are loaded, and what was typed here is dropped (the button says so).
  const loadSaved = () =>
    void settings.refetch().then(() => {
      setEdit(null);
      setNotice(null);
      save.reset();
    });

  // What the API refused, by field (`quotes.taxRates.1.percent` is said at the rates).
  const refused = save.error ? errorText(save.error).fields : {};
  const refusedAt = (field: string) => Object.entries(refused).find(([path]) => path === `quotes.${field}` || path.startsWith(`quotes.${field}.`))?.[1];
  const stages = pipeline.data?.stages ?? [];
  const firstWon = stages.find((stage) => stage.kind === 'won');

  return {
    settings,
    pipeline,
    save,
    saved,
    draft,
    change,
    problems,
    refusedAt,
    valid,
    changed,
    percentText,
    rate,
    setRate: (next: { name?: string; percent?: string }) => setRate({ ...rate, ...next }),
    rateProblems: rate.tried ? rateProblems : { name: undefined, percent: undefined },
    full,
    addRate,
    removeRate,
    logoMax,
    logoProblem,
    pickLogo,
    removeLogo,
    stages,
    firstWon,
    notice,
    submit,
    stale: isStale(save.error),
    loadSaved,
  };
}
