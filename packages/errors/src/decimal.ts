import { badInput } from './app-error.js';

/**
 * Exact decimals of any fixed scale on bigint: quantities (3 places), percentages (2 places), and the
 * rounding of money to a currency's minor unit. A value is held as scaled units (`12.5` at scale 3
 * is `12500n`); strings travel in and out, never floats.
 *
 * Rounding rule (one for all of Rapport): half up, i.e. half away from zero, applied only where a
 * document says it rounds (money.ts' helpers for four-place amounts; `roundToMinorUnit` for totals).
 */

/** Parses a decimal string with at most `scale` places into units at that scale; BAD_USER_INPUT naming `field` otherwise. */
export function parseDecimal(field: string, value: string, scale: number, options: { code?: string; allowNegative?: boolean; maxWholeDigits?: number } = {}): bigint {
  const text = value.trim();
  const whole = options.maxWholeDigits ?? 15;
  const pattern = new RegExp(`^-?\\d{1,${whole}}(\\.\\d{1,${Math.max(scale, 1)}})?$`);
  if (!pattern.test(text) || (scale === 0 && text.includes('.'))) {
    throw badInput(
      field,
      `${field} must be a decimal string with at most ${scale} decimal places, e.g. "${scale ? `2.${'5'.padEnd(scale, '0')}` : '2'}"`,
      options.code ?? 'INVALID_DECIMAL',
    );
  }
  if (text.startsWith('-') && !options.allowNegative) throw badInput(field, `${field} must not be negative`, options.code ?? 'INVALID_DECIMAL');
  return unitsOf(text, scale);
}

/**
 * Units at `scale` of a decimal string already checked for its shape (`-?digits(.digits)?`);
 * places beyond `scale` are cut, so check precision first where it matters. The one conversion
 * from text that money, quantities and percentages share.
 */
export function unitsOf(text: string, scale: number): bigint {
  // One BigInt parse of the digits (whole part, then the places padded to `scale`): every amount read
  // goes through here, so it avoids the split, the second parse and the power a step each.
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const digits = dot < 0 ? body + '0'.repeat(scale) : body.slice(0, dot) + body.slice(dot + 1, dot + 1 + scale).padEnd(scale, '0');
  const units = BigInt(digits || '0');
  return negative ? -units : units;
}

/** 10^0 .. 10^31, computed once: the scales money, quantities, percentages and rates use. */
const POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 32 }, (_, i) => 10n ** BigInt(i));
const powerOfTen = (n: number): bigint => POWERS_OF_TEN[n] ?? 10n ** BigInt(n);

/** Formats units at `scale` as a decimal string with at least `minPlaces` places, trailing zeros beyond them trimmed. */
export function formatDecimal(units: bigint, scale: number, minPlaces = 0): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const factor = powerOfTen(scale);
  let fraction = scale ? (abs % factor).toString().padStart(scale, '0') : '';
  while (fraction.length > minPlaces && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative && abs !== 0n ? '-' : ''}${(abs / factor).toString()}${fraction ? `.${fraction}` : ''}`;
}

/** Rescales units from `fromScale` to `toScale`, rounding half up (away from zero) when places are dropped. */
export function rescale(units: bigint, fromScale: number, toScale: number): bigint {
  if (toScale >= fromScale) return units * powerOfTen(toScale - fromScale);
  const divisor = powerOfTen(fromScale - toScale);
  const abs = units < 0n ? -units : units;
  const rounded = (abs + divisor / 2n) / divisor;
  return units < 0n ? -rounded : rounded;
}

/** `numerator / denominator` rounded half up (away from zero) to a whole number of units; scale the numerator first for places. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}

/** ISO 4217 currencies whose minor unit is not two places (the rest have two). */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** How many decimal places a currency's minor unit has (ISO 4217): JPY 0, EUR 2, KWD 3. */
export const minorUnitOf = (currency: string): number => MINOR_UNITS[currency] ?? 2;

/**
 * `minorUnitOf` in SQL: the places of the currency code in `column` (an SQL expression), from the same
 * table. A lookup in a constant jsonb object: a CASE over the codes costs several times more per row.
 */
export const minorUnitSql = (column: string): string => `coalesce(('${JSON.stringify(MINOR_UNITS)}'::jsonb ->> (${column})::text)::int, 2)`;
