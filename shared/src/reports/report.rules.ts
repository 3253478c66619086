// The arithmetic of report figures, as pure rules; the sums themselves are kept in the report cells (report-cells.rules.ts).

/** Won over closed: won / (won + lost); null when nothing is closed (no rate, rather than 0%). */
export function winRate(won: number, lost: number): number | null {
  return won + lost === 0 ? null : won / (won + lost);
}

/** An open deal's weighted amount in cents: amount × probability, rounded to the cent. */
export function weightedCents(amountCents: number, probabilityPercent: number): number {
  return Math.round((amountCents * probabilityPercent) / 100);
}

/**
 * The contact rate of a territory over a period: customers contacted in it (each counted once) over the territory's
 * customers; null when the territory has none.
 */
export function contactRate(contactedCustomers: number, customers: number): number | null {
  return customers === 0 ? null : contactedCustomers / customers;
}

/** `2017-03-11` or a timestamp → `2017-Q1` (calendar quarters, UTC). */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** `2017-03-11` or a timestamp → `2017-03`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
