import { badInput, formatAmount, formatDecimal, minorUnitOf, MONEY_SCALE, parseDecimal, quantityUnits, rescale, unitsOf } from '@rapport/errors';

/**
 * Exact amounts of purchase documents (orders and bills alike), on bigint, never floats. A line's
 * net amount is quantity × unit price, exact, rounded half up to four places; a document's totals
 * are rounded half up at the currency's minor unit per tax rate (net per rate = round(Σ line nets),
 * tax = round(net × rate)), and its net, tax and gross are the sums over the rates — as sales does.
 */
const PERCENT_SCALE = 2;
const HUNDRED = 100n * 10n ** BigInt(PERCENT_SCALE);
const AMOUNT_LIMIT = 10n ** 15n * 10n ** BigInt(MONEY_SCALE);

/** A tax rate in percent, 0–100 with at most two decimals; BAD_USER_INPUT naming `field` otherwise. */
export function parseTaxRate(field: string, value: string): string {
  const units = parseDecimal(field, value, PERCENT_SCALE, { code: 'INVALID_TAX_RATE', maxWholeDigits: 3 });
  if (units > HUNDRED) throw badInput(field, `${field} must be between 0 and 100`, 'INVALID_TAX_RATE');
  return formatDecimal(units, PERCENT_SCALE);
}

/** quantity × unit price, four places (half up); AMOUNT_TOO_LARGE naming `field` beyond what a column holds. */
export function lineNet(field: string, quantity: string, unitPrice: string): string {
  const amount = rescale(quantityUnits(quantity) * unitsOf(unitPrice, MONEY_SCALE), 3 + MONEY_SCALE, MONEY_SCALE);
  if (amount >= AMOUNT_LIMIT) throw badInput(field, `${field}: the line amount is larger than a document can hold`, 'AMOUNT_TOO_LARGE');
  return formatAmount(amount);
}

export interface Totals {
  net: string;
  tax: string;
  gross: string;
}

/** The totals of lines (`netAmount` at `taxRate`) in `currency`. */
export function documentTotals(lines: readonly { netAmount: string; taxRate: string }[], currency: string): Totals {
  const minor = minorUnitOf(currency);
  const byRate = new Map<bigint, bigint>();
  for (const line of lines) {
    const rate = unitsOf(line.taxRate, PERCENT_SCALE);
    byRate.set(rate, (byRate.get(rate) ?? 0n) + unitsOf(line.netAmount, MONEY_SCALE));
  }
  let net = 0n;
  let tax = 0n;
  for (const [rate, sum] of byRate) {
    const rateNet = rescale(sum, MONEY_SCALE, minor);
    net += rateNet;
    tax += rescale(rateNet * rate, minor + PERCENT_SCALE + 2, minor);
  }
  const toMoney = (units: bigint) => formatAmount(rescale(units, minor, MONEY_SCALE));
  return { net: toMoney(net), tax: toMoney(tax), gross: toMoney(net + tax) };
}

/** Sum of amounts as four-place units. */
export const amountUnits = (value: string): bigint => unitsOf(value, MONEY_SCALE);
