// Calendar days as the project writes them: ISO dates (YYYY-MM-DD), counted in UTC, so a day is
// the same wherever the process runs (due dates, payment terms, planned dates, test fixtures).

const DAY_MS = 86_400_000;

/** The calendar day `days` after `day` (before it when negative): `addDays('2026-02-27', 2)` is '2026-03-01'. */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Today in UTC shifted by `offset` days (yesterday is -1), as YYYY-MM-DD; `now` for a fixed clock. */
export const dayFromToday = (offset = 0, now: number = Date.now()): string => new Date(now + offset * DAY_MS).toISOString().slice(0, 10);
