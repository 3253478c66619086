// Plain data, no schema: the dashboard imports this without loading zod or the reports' arithmetic.

/** A page asks for at most this many reports in one request (GET /api/reports; a dashboard tab shows up to 17). */
export const MAX_REPORTS_AT_ONCE = 20;
