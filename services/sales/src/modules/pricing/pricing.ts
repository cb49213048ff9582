import { badInput, divideHalfUp, formatAmount, formatDecimal, minorUnitOf, MONEY_SCALE, parseAmount, parseDecimal, parseMoneyInput, rescale, type Money } from '@rapport/errors';
import { parseQuantity } from '../order/order.entity.js';

/**
 * How sales prices a document line and totals a document (quotations and orders alike).
 *
 * The rounding rule, stated once: a line's net amount (quantity × net unit price × (1 − discount))
 * is exact and then rounded half up to four places, as is a net unit price computed from a gross
 * one; a document's totals are rounded half up at the currency's minor unit (EUR: cents) per tax
 * rate — net per rate = round(Σ line nets), tax per rate = round(net per rate × rate), gross = net +
 * tax — and the document's net, tax and gross are the sums of those (what Odoo calls rounding
 * globally, and ERPNext does by default: tax on the rate's total, not per line).
 */

/** Percentages (discounts, tax rates) have two decimal places. */
export const PERCENT_SCALE = 2;
const HUNDRED_PERCENT = 100n * 10n ** BigInt(PERCENT_SCALE);
/** A percentage in units of 0.01 % is a fraction of one at this scale (100 % = 10000 = 1.0000). */
const FRACTION_SCALE = PERCENT_SCALE + 2;
/** The largest amount a money column holds, in money units, plus one. */
const AMOUNT_LIMIT = 10n ** 15n * 10n ** BigInt(MONEY_SCALE);

/** A percentage from 0 to 100 with at most two decimals, in units of 0.01 %; BAD_USER_INPUT naming `field` with `code` otherwise. */
export function parsePercent(field: string, value: string, code: string): bigint {
  const units = parseDecimal(field, value, PERCENT_SCALE, { code, maxWholeDigits: 3 });
  if (units > HUNDRED_PERCENT) throw badInput(field, `${field} must be between 0 and 100`, code);
  return units;
}

export const formatPercent = (units: bigint): string => formatDecimal(units, PERCENT_SCALE);

/** What a line's input says about its price; unset fields are filled from `defaults`. */
export interface LinePriceInput {
  quantity: string;
  unitPrice?: Money | null;
  unitPriceGross?: Money | null;
  discountPercent?: string | null;
  taxRate?: string | null;
}

/** The price offered when a line gives none: the customer's last price for the product, else the list price. */
export interface PriceDefaults {
  unitPrice: Money;
  discountPercent: string;
}

/** How a line's unit price was entered: net of tax, or tax-inclusive (the net then computed). */
export type PriceEntry = 'NET' | 'GROSS';

export interface PricedLine {
  quantity: string;
  /** Net unit price, four places. */
  unitPrice: string;
  /** Tax-inclusive unit price, four places: as entered, or computed from the net. */
  unitPriceGross: string;
  priceEntry: PriceEntry;
  discountPercent: string;
  taxRate: string;
  /** quantity × net unit price × (1 − discount), four places. */
  netAmount: string;
}

const inCurrency = (field: string, money: Money, currency: string): string => {
  const parsed = parseMoneyInput(field, money);
  if (parsed.currency !== currency) throw badInput(`${field}.currency`, `${field}.currency must be the document's currency ${currency}`, 'CURRENCY_MISMATCH');
  return parsed.amount;
};

/** Net unit price from a gross one: gross / (1 + rate), half up to four places. */
export const netFromGross = (gross: bigint, rate: bigint): bigint => divideHalfUp(gross * HUNDRED_PERCENT, HUNDRED_PERCENT + rate);

/** Gross unit price from a net one: net × (1 + rate), half up to four places. */
export const grossFromNet = (net: bigint, rate: bigint): bigint => rescale(net * (HUNDRED_PERCENT + rate), MONEY_SCALE + FRACTION_SCALE, MONEY_SCALE);

/** Net amount of a line: quantity × net unit price × (1 − discount), exact, then half up to four places. */
export function lineNetAmount(field: string, quantity: string, unitPrice: bigint, discount: bigint): bigint {
  const q = parseDecimal('quantity', quantity, 3);
  const amount = rescale(q * unitPrice * (HUNDRED_PERCENT - discount), 3 + MONEY_SCALE + FRACTION_SCALE, MONEY_SCALE);
  if (amount >= AMOUNT_LIMIT) throw badInput(field, `${field}: the line amount is larger than the largest amount a document can hold`, 'AMOUNT_TOO_LARGE');
  return amount;
}

/**
 * Validates and prices one line in `currency`; `field` is the line's path (`input.lines.2`), so each
 * refusal names the exact input field. At most one of `unitPrice` (net) and `unitPriceGross` may be
 * given; with neither, `defaults` (last or list price) apply, and their discount too unless one is given.
 */
export function priceLine(field: string, input: LinePriceInput, currency: string, defaults: () => PriceDefaults): PricedLine {
  const quantity = parseQuantity(`${field}.quantity`, input.quantity);
  const taxRate = parsePercent(`${field}.taxRate`, input.taxRate ?? '0', 'INVALID_TAX_RATE');
  if (input.unitPrice && input.unitPriceGross) {
    throw badInput(`${field}.unitPriceGross`, `${field}: give the unit price net (unitPrice) or tax-inclusive (unitPriceGross), not both`, 'PRICE_TWICE');
  }
  let net: bigint;
  let gross: bigint;
  let priceEntry: PriceEntry = 'NET';
  let discountText = input.discountPercent;
  if (input.unitPriceGross) {
    gross = parseAmount(`${field}.unitPriceGross.amount`, inCurrency(`${field}.unitPriceGross`, input.unitPriceGross, currency));
    net = netFromGross(gross, taxRate);
    priceEntry = 'GROSS';
  } else {
    let text: string;
    if (input.unitPrice) text = inCurrency(`${field}.unitPrice`, input.unitPrice, currency);
    else {
      const offered = defaults();
      if (offered.unitPrice.currency !== currency) {
        throw badInput(`${field}.unitPrice`, `${field}.unitPrice: the product's list price is in ${offered.unitPrice.currency}; give a price in ${currency}`, 'CURRENCY_MISMATCH');
      }
      text = offered.unitPrice.amount;
      discountText ??= offered.discountPercent;
    }
    net = parseAmount(`${field}.unitPrice.amount`, text);
    gross = grossFromNet(net, taxRate);
  }
  const discount = parsePercent(`${field}.discountPercent`, discountText ?? '0', 'INVALID_DISCOUNT');
  return {
    quantity,
    unitPrice: formatAmount(net),
    unitPriceGross: formatAmount(gross),
    priceEntry,
    discountPercent: formatPercent(discount),
    taxRate: formatPercent(taxRate),
    netAmount: formatAmount(lineNetAmount(`${field}.quantity`, quantity, net, discount)),
  };
}

/** A document's amounts at one tax rate. */
export interface TaxTotal {
  taxRate: string;
  currency: string;
  net: string;
  tax: string;
  gross: string;
}

export interface DocumentTotals {
  net: string;
  tax: string;
  gross: string;
  /** Per tax rate, lowest rate first. */
  taxes: TaxTotal[];
}

/** A document's totals per tax rate and overall, by the rounding rule above (at `currency`'s minor unit). */
export function documentTotals(lines: readonly { taxRate: string; netAmount: string }[], currency: string, field = 'input.lines'): DocumentTotals {
  const minor = minorUnitOf(currency);
  const byRate = new Map<bigint, bigint>();
  for (const line of lines) {
    const rate = parseDecimal('taxRate', line.taxRate, PERCENT_SCALE);
    byRate.set(rate, (byRate.get(rate) ?? 0n) + parseAmount('netAmount', line.netAmount));
  }
  const toMoney = (units: bigint, scale: number): bigint => rescale(units, scale, MONEY_SCALE);
  let net = 0n;
  let tax = 0n;
  const taxes = [...byRate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rate, sum]) => {
      const rateNet = rescale(sum, MONEY_SCALE, minor);
      const rateTax = rescale(rateNet * rate, minor + FRACTION_SCALE, minor);
      net += rateNet;
      tax += rateTax;
      return {
        taxRate: formatPercent(rate),
        currency,
        net: formatAmount(toMoney(rateNet, minor)),
        tax: formatAmount(toMoney(rateTax, minor)),
        gross: formatAmount(toMoney(rateNet + rateTax, minor)),
      };
    });
  const gross = net + tax;
  if (toMoney(gross, minor) >= AMOUNT_LIMIT) throw badInput(field, `${field}: the total is larger than the largest amount a document can hold`, 'AMOUNT_TOO_LARGE');
  return { net: formatAmount(toMoney(net, minor)), tax: formatAmount(toMoney(tax, minor)), gross: formatAmount(toMoney(gross, minor)), taxes };
}
