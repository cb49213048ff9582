import { badInput, formatAmount, formatDecimal, MONEY_SCALE, minorUnitOf, parseDecimal, rescale, unitsOf } from '@rapport/errors';

/**
 * The arithmetic of invoices and credit notes, exact on bigint (never a float). Stated once:
 * a line's net is quantity × unit price less its discount, rounded half up at the currency's minor
 * unit; tax is computed per tax rate on the sum of that rate's line nets, rounded half up at the
 * minor unit; gross = net + tax. Amounts are held in units of `MONEY_SCALE` (4 places).
 */

/** Places of a quantity (numeric(19,3)). */
const QUANTITY_PLACES = 3;
/** Places of a percentage (numeric(7,4)). */
export const PERCENT_PLACES = 4;
/** 100 % in units of PERCENT_PLACES. */
const HUNDRED_PERCENT = 100n * 10n ** BigInt(PERCENT_PLACES);

/** Parses a percentage 0..100 with up to four places, naming `field` when it is not one. */
export function parsePercent(field: string, value: string, max = HUNDRED_PERCENT): bigint {
  const units = parseDecimal(field, value, PERCENT_PLACES, { code: 'INVALID_PERCENT', maxWholeDigits: 3 });
  if (units > max) throw badInput(field, `${field} must be at most ${formatAmount(max * 10n ** BigInt(MONEY_SCALE - PERCENT_PLACES))}`, 'INVALID_PERCENT');
  return units;
}

/** A stored percentage ("19.0000") as clients read it ("19", "7.5"). */
export const percentText = (stored: string): string => formatDecimal(unitsOf(stored.trim(), PERCENT_PLACES), PERCENT_PLACES);

/** Rounds an amount at `scale` half up to the currency's minor unit and returns it at MONEY_SCALE. */
const toMinor = (units: bigint, scale: number, currency: string): bigint => {
  const minor = minorUnitOf(currency);
  return rescale(rescale(units, scale, minor), minor, MONEY_SCALE);
};

/** An amount (at MONEY_SCALE) rounded half up to the currency's minor unit (JPY 0 places, EUR 2, KWD 3), at MONEY_SCALE. */
export const roundToMinor = (units: bigint, currency: string): bigint => toMinor(units, MONEY_SCALE, currency);

/** Whether `units` (at MONEY_SCALE) is a whole number of the currency's minor unit. */
export const isWholeMinor = (units: bigint, currency: string): boolean => units % 10n ** BigInt(MONEY_SCALE - minorUnitOf(currency)) === 0n;

/** A line's net: quantity (3 places) × unit price (4 places) × (1 − discount %), half up at the minor unit. */
export function lineNet(quantityUnits: bigint, unitPriceUnits: bigint, discountUnits: bigint, currency: string): bigint {
  const exact = quantityUnits * unitPriceUnits * (HUNDRED_PERCENT - discountUnits);
  return toMinor(exact, QUANTITY_PLACES + MONEY_SCALE + PERCENT_PLACES + 2, currency);
}

/** Tax on a net amount (MONEY_SCALE) at a rate in percent (PERCENT_PLACES), half up at the minor unit. */
export const taxOn = (netUnits: bigint, rateUnits: bigint, currency: string): bigint => toMinor(netUnits * rateUnits, MONEY_SCALE + PERCENT_PLACES + 2, currency);

export interface TaxGroup {
  rate: bigint;
  net: bigint;
  tax: bigint;
}

export interface DocumentTotals {
  taxes: TaxGroup[];
  net: bigint;
  tax: bigint;
  gross: bigint;
}

/** Totals of a document from its lines' nets and rates: one group per rate (lowest first), then net, tax, gross. */
export function documentTotals(lines: readonly { net: bigint; rate: bigint }[], currency: string): DocumentTotals {
  const byRate = new Map<bigint, bigint>();
  for (const line of lines) byRate.set(line.rate, (byRate.get(line.rate) ?? 0n) + line.net);
  const taxes = [...byRate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rate, net]) => ({ rate, net, tax: taxOn(net, rate, currency) }));
  const net = taxes.reduce((sum, g) => sum + g.net, 0n);
  const tax = taxes.reduce((sum, g) => sum + g.tax, 0n);
  return { taxes, net, tax, gross: net + tax };
}

/** What an invoice bills, or what credit notes took, at one tax rate. */
export interface RateSums {
  net: bigint;
  tax: bigint;
}

/**
 * Tax per rate of a credit note taking `nets` (by rate) from an invoice that billed `invoiced` (by
 * rate) and of which earlier credit notes took `prior`: the tax on the net, half up, except that
 * the credit note that takes the last of a rate's net takes exactly the tax left at that rate, and
 * no credit note takes more tax than is left. So an invoice credited in any number of parts is
 * credited exactly its gross, never a cent more or less.
 */
export function creditTaxGroups(nets: ReadonlyMap<bigint, bigint>, invoiced: ReadonlyMap<bigint, RateSums>, prior: ReadonlyMap<bigint, RateSums>, currency: string): TaxGroup[] {
  return [...nets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rate, net]) => {
      const billed = invoiced.get(rate) ?? { net: 0n, tax: 0n };
      const before = prior.get(rate) ?? { net: 0n, tax: 0n };
      const taxLeft = billed.tax - before.tax;
      const computed = taxOn(net, rate, currency);
      const tax = before.net + net >= billed.net || computed > taxLeft ? taxLeft : computed;
      return { rate, net, tax };
    });
}

/** Calendar days are counted once, in `@rapport/errors`. */
export { addDays } from '@rapport/errors';
