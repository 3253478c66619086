/** The bounds of the user's own calendar day, in their time zone: what My day and the counters of work ask for. */
export function today(): { dayStart: string; dayEnd: string } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { dayStart: start.toISOString(), dayEnd: end.toISOString() };
}

/** A date as a date input shows it (YYYY-MM-DD), in the rep's own time zone. */
export const localDate = (at: Date) => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
