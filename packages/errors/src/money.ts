import { badInput } from './app-error.js';
import { formatDecimal, minorUnitOf, minorUnitSql, unitsOf } from './decimal.js';

/**
 * Decimal arithmetic for money, exact, on bigint with a fixed scale of 4 (the scale of the
 * `numeric(19,4)` columns). Amounts travel as strings; never as floats.
 */
export const MONEY_SCALE = 4;
const DECIMAL = /^-?\d{1,15}(\.\d{1,4})?$/;
const CURRENCY = /^[A-Z]{3}$/;

export interface Money {
  /** Decimal string, e.g. "1250.50". */
  amount: string;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
}

/** Parses a decimal string into scaled units; throws BAD_USER_INPUT naming `field` when malformed. */
export function parseAmount(field: string, value: string): bigint {
  const text = value.trim();
  if (!DECIMAL.test(text)) throw badInput(field, `${field} must be a decimal string with at most 4 decimals, e.g. "1250.50"`, 'INVALID_AMOUNT');
  return unitsOf(text, MONEY_SCALE);
}

/** Formats scaled units as a decimal string with two to four decimals ("12.50", "0.1250"). */
export function formatAmount(units: bigint): string {
  return formatDecimal(units, MONEY_SCALE, 2);
}

/**
 * An amount of `currency` as Rapport shows it: at least the currency's minor unit of places (JPY
 * "1250", EUR "1250.50", KWD "1.250"), up to the four kept, trailing zeros beyond the minor unit
 * trimmed. Exact: nothing is rounded (totals are rounded where a document says so, not here).
 */
export function formatMoneyAmount(units: bigint, currency: string): string {
  return formatDecimal(units, MONEY_SCALE, minorUnitOf(currency.trim()));
}

/**
 * `formatMoneyAmount` in SQL, for reports of many rows: the text PostgreSQL gives for `amount` (a
 * numeric expression with at most four places) in `currency` (an expression holding the code).
 */
export const moneyAmountSql = (amount: string, currency: string): string => `round(${amount}, greatest(${minorUnitSql(currency)}, scale(trim_scale(${amount}))))::text`;

/** Normalises any decimal string (as PostgreSQL returns `numeric`) to the canonical format. */
export const normaliseAmount = (value: string): string => formatAmount(parseAmount('amount', value));

/** A decimal string (as PostgreSQL returns `numeric`) as `formatMoneyAmount` shows an amount of `currency`. */
export const normaliseMoneyAmount = (value: string, currency: string): string => formatMoneyAmount(parseAmount('amount', value), currency);

export function requireCurrency(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!CURRENCY.test(code)) throw badInput(field, `${field} must be an ISO 4217 currency code such as EUR`, 'INVALID_CURRENCY');
  return code;
}

/** Validates money input: amount non-negative unless allowed, currency a 3-letter code. */
export function parseMoneyInput(field: string, input: Money, options: { allowNegative?: boolean } = {}): Money {
  const units = parseAmount(`${field}.amount`, input.amount);
  if (!options.allowNegative && units < 0n) throw badInput(`${field}.amount`, `${field}.amount must not be negative`, 'NEGATIVE_AMOUNT');
  return { amount: formatAmount(units), currency: requireCurrency(`${field}.currency`, input.currency) };
}

export function addAmounts(...values: string[]): string {
  return formatAmount(values.reduce((sum, v) => sum + parseAmount('amount', v), 0n));
}
