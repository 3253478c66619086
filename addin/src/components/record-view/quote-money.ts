import { useMemo } from 'react';
import { minorAsDecimal } from '@rapport/shared/quotes/quote-totals.rules';
import { useI18n } from '../../i18n/I18nContext';

/**
 * A quote's money as the server computed it, in minor units, written in the user's locale and exactly: Intl formats
 * the decimal text of the amount ("2783.00") as it is, with no floating point on the way.
 */
export function useMinorMoney(): (minor: number, currency: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const formats = new Map<string, Intl.NumberFormat>();
    return (minor, currency) => {
      let format = formats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency });
        formats.set(currency, format);
      }
      // Intl takes a decimal string since ES2023 (and every browser the pane runs in); the lib's types here know numbers.
      return (format.format as unknown as (value: string) => string)(minorAsDecimal(minor, currency));
    };
  }, [locale]);
}
