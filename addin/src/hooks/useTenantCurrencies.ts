import { useOperation } from '../data/queries';

/**
 * The tenant's currencies: its reporting currency first, then those it keeps exchange rates for (Settings →
 * Currencies), and `also` (a record's own, kept even when the tenant no longer lists it). `fallback` is the reporting
 * currency, or USD until the settings are read.
 */
export function useTenantCurrencies(also?: string): { currencies: string[]; fallback: string } {
  const settings = useOperation('settings', {});
  const reporting = settings.data?.reportingCurrency;
  const rated = [...new Set(settings.data?.exchangeRates.map((rate) => rate.currency) ?? [])].sort();
  const currencies = [...new Set([reporting, ...rated, also].filter((code): code is string => Boolean(code)))];
  return { currencies, fallback: reporting ?? 'USD' };
}
