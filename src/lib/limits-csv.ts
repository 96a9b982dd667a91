/** The CSV import's limits, read by limits.ts (kept apart so neither imports the database). */
export const MAX_CSV_ROWS = 20_000;
export const MAX_CSV_FIELD = 20_000;
export const MAX_CSV_CHARS = 10 * 1024 * 1024;
