/** How many tickets met, missed and are still running within one SLA target, and the share met. */
export interface SlaAttainment {
  met: number;
  missed: number;
  pending: number;
  /** met ÷ (met + missed) × 100, one decimal place, rounded half up; null when nothing is decided. */
  percent: string | null;
}

/**
 * `met` out of `decided` as a percentage with exactly one decimal place, rounded half up
 * ("66.7" for 2 of 3, "6.3" for 1 of 16), in integer arithmetic so no binary fraction can tip a
 * half either way; null when nothing is decided. Both counts must be whole, 0 ≤ met ≤ decided.
 */
export function attainmentPercent(met: number, decided: number): string | null {
  if (!Number.isInteger(met) || !Number.isInteger(decided) || met < 0 || met > decided) {
    throw new RangeError(`attainment needs whole counts with 0 ≤ met ≤ decided, got ${met} of ${decided}`);
  }
  if (decided === 0) return null;
  // Tenths of a percent, rounded half up: floor((met × 1000 + decided ÷ 2) ÷ decided), doubled to stay whole.
  const tenths = Math.floor((met * 2000 + decided) / (2 * decided));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** The attainment of one target from the counts of each outcome. */
export const slaAttainment = (met: number, missed: number, pending: number): SlaAttainment => ({
  met,
  missed,
  pending,
  percent: attainmentPercent(met, met + missed),
});
