import { type AppError, badInput } from './app-error.js';
import { divideHalfUp, formatDecimal, minorUnitOf, parseDecimal } from './decimal.js';
import { MONEY_SCALE } from './money.js';

/**
 * Exchange rates and conversion, exact on bigint. A rate says what ONE unit of `from` is worth in
 * `to` (1 USD = 0.9234 EUR is the pair USD→EUR at "0.9234"), held at `RATE_SCALE` places
 * (`numeric(20,10)`).
 *
 * Rounding follows Rapport's one rule (decimal.ts): half up, away from zero — converted amounts at
 * the target currency's minor unit, an inverted rate at `RATE_SCALE` places.
 */
export const RATE_SCALE = 10;

/** Parses a rate (a positive decimal string with at most 10 places); BAD_USER_INPUT naming `field` otherwise. */
export function parseRate(field: string, value: string): bigint {
  const units = parseDecimal(field, value, RATE_SCALE, { code: 'INVALID_RATE', maxWholeDigits: 9 });
  if (units <= 0n) throw badInput(field, `${field} must be greater than zero`, 'INVALID_RATE');
  return units;
}

/** A rate's canonical text: its places up to 10, trailing zeros trimmed ("0.9234", "1"). */
export const formatRate = (units: bigint): string => formatDecimal(units, RATE_SCALE);

/** The rate of the reverse pair (`to`→`from`): 1 / rate at 10 places, half up. */
export function invertRate(rateUnits: bigint): bigint {
  if (rateUnits <= 0n) throw new Error('a rate is positive');
  return divideHalfUp(10n ** BigInt(RATE_SCALE * 2), rateUnits);
}

/** The cross rate of two rates chained (a→b × b→c = a→c) at 10 places, half up. */
export function multiplyRates(first: bigint, second: bigint): bigint {
  if (first <= 0n || second <= 0n) throw new Error('a rate is positive');
  return divideHalfUp(first * second, 10n ** BigInt(RATE_SCALE));
}

/** The identity rate (a currency to itself), in rate units. */
export const ONE_RATE = 10n ** BigInt(RATE_SCALE);

/**
 * Converts an amount (money units, 4 places) at a rate (rate units) into money units of the
 * target currency, rounded half up at that currency's minor unit (EUR cents, JPY yen).
 */
export function convertUnits(amountUnits: bigint, rateUnits: bigint, toCurrency: string): bigint {
  const minor = minorUnitOf(toCurrency);
  // amount (scale 4) × rate (scale 10) = scale 14; down to the minor unit, then back to scale 4.
  const inMinor = divideHalfUp(amountUnits * rateUnits, 10n ** BigInt(MONEY_SCALE + RATE_SCALE - minor));
  return inMinor * 10n ** BigInt(MONEY_SCALE - minor);
}

/** No rate from `from` to `to` on or before `day`: BAD_USER_INPUT naming `field`, the currency and the day. */
export const rateMissing = (field: string, from: string, to: string, day: string): AppError =>
  badInput(field, `no exchange rate from ${from} to ${to} on or before ${day}: an accountant sets one first`, 'RATE_MISSING');
