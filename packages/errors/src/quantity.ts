import { badInput } from './app-error.js';
import { formatDecimal, unitsOf } from './decimal.js';

/**
 * Exact arithmetic for quantities of goods: bigint units of a thousandth (the scale of the
 * `numeric(19,3)` columns). Quantities travel as decimal strings, never as floats.
 */
export const QUANTITY_SCALE = 3;
/** 16 digits before the point, as numeric(19,3) holds. */
const SHAPE = /^-?\d{1,16}(\.\d+)?$/;

export interface QuantityRules {
  /** A negative quantity is accepted (a signed adjustment); refused by default. */
  allowNegative?: boolean;
  /** Zero is accepted; refused by default (moving nothing is a mistake). */
  allowZero?: boolean;
}

/**
 * Parses a quantity given by a client into units of a thousandth; BAD_USER_INPUT naming `field`
 * when it is not a decimal string (INVALID_QUANTITY), has more than three decimals
 * (QUANTITY_TOO_PRECISE), is negative (NEGATIVE_QUANTITY) or zero (ZERO_QUANTITY) against `rules`.
 */
export function parseQuantity(field: string, value: string, rules: QuantityRules = {}): bigint {
  const text = value.trim();
  if (!SHAPE.test(text)) throw badInput(field, `${field} must be a decimal string such as "2.5"`, 'INVALID_QUANTITY');
  const fraction = text.split('.')[1] ?? '';
  if (fraction.replace(/0+$/, '').length > QUANTITY_SCALE) throw badInput(field, `${field} may have at most ${QUANTITY_SCALE} decimals`, 'QUANTITY_TOO_PRECISE');
  const units = unitsOf(text, QUANTITY_SCALE);
  if (units < 0n && !rules.allowNegative) throw badInput(field, `${field} must not be negative`, 'NEGATIVE_QUANTITY');
  if (units === 0n && !rules.allowZero) throw badInput(field, `${field} must not be zero`, 'ZERO_QUANTITY');
  return units;
}

/** Units of a quantity as PostgreSQL returns a `numeric` ("12.500"), or as a contract carries it. */
export function quantityUnits(value: string): bigint {
  return parseQuantity('quantity', value, { allowNegative: true, allowZero: true });
}

/** Formats units of a thousandth as a canonical decimal string without trailing zeros ("2", "1.5", "-0.125"). */
export function formatQuantity(units: bigint): string {
  return formatDecimal(units, QUANTITY_SCALE);
}

/** A quantity string (from the database or an event) in canonical form. */
export const normaliseQuantity = (value: string): string => formatQuantity(quantityUnits(value));
