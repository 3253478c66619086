/**
 * An amount as typed in the user's language: 25000, 25,000.50 (en) or 25.000,50 (es), or with either mark as the
 * decimal point and no grouping (12.5, 12,5). Null when empty; NaN when it is not a number.
 */
export function parseAmount(text: string, locale: string): number | null {
  const typed = text.replace(/[\s\u00a0\u202f]/g, '');
  if (typed === '') return null;
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const escape = (mark: string) => mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const grouped = new RegExp(`^\\d{1,3}(?:${escape(group)}\\d{3})+(?:${escape(decimal)}\\d+)?$`);
  if (grouped.test(typed)) return Number(typed.split(group).join('').replace(decimal, '.'));
  if (/^\d+(?:[.,]\d+)?$/.test(typed)) return Number(typed.replace(',', '.'));
  return Number.NaN;
}
