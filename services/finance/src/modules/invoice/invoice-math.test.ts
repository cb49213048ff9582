import { formatAmount, parseAmount, quantityUnits } from '@rapport/errors';
import { describe, expect, it } from 'vitest';
import { addDays, creditTaxGroups, documentTotals, lineNet, parsePercent, percentText, taxOn } from './invoice-math.js';

const pct = (text: string) => parsePercent('p', text);
const net = (quantity: string, price: string, discount: string, currency = 'EUR') =>
  formatAmount(lineNet(quantityUnits(quantity), parseAmount('p', price), pct(discount), currency));

describe('invoice arithmetic', () => {
  it('rounds a line net half up at the currency minor unit', () => {
    expect(net('3', '33.33', '0')).toBe('99.99');
    expect(net('1', '0.125', '0')).toBe('0.13'); // half up
    expect(net('1', '0.1249', '0')).toBe('0.12');
    expect(net('2.5', '10', '12.5')).toBe('21.88'); // 21.875 half up
    expect(net('7', '13.5', '0', 'JPY')).toBe('95.00'); // 94.5 yen → 95
    expect(net('1', '1.2345', '0', 'KWD')).toBe('1.235'); // three places
    expect(net('1', '100', '100')).toBe('0.00');
  });

  it('computes tax per rate on the sum of that rate’s nets, not per line', () => {
    // Three lines of 0.05 at 19 %: per line 0.0095 → 0.01 each (0.03), on the sum 0.15 → 0.0285 → 0.03; and 0.10 × 2 at 7 %.
    const totals = documentTotals(
      [
        { net: parseAmount('n', '0.05'), rate: pct('19') },
        { net: parseAmount('n', '0.05'), rate: pct('19') },
        { net: parseAmount('n', '0.05'), rate: pct('19') },
        { net: parseAmount('n', '0.10'), rate: pct('7') },
        { net: parseAmount('n', '0.10'), rate: pct('7') },
      ],
      'EUR',
    );
    expect(totals.taxes.map((g) => formatAmount(g.net))).toEqual(['0.20', '0.15']); // lowest rate first
    expect(totals.taxes.map((g) => formatAmount(g.tax))).toEqual(['0.01', '0.03']); // 7 % of 0.20 = 0.014 → 0.01
    expect(formatAmount(totals.gross)).toBe('0.39');
    expect(formatAmount(taxOn(parseAmount('n', '99.99'), pct('7'), 'EUR'))).toBe('7.00');
  });

  it('lets the credit note that takes the last of a rate take exactly the tax left', () => {
    const rate = pct('19');
    const invoiced = new Map([[rate, { net: parseAmount('n', '0.15'), tax: parseAmount('t', '0.03') }]]);
    const first = creditTaxGroups(new Map([[rate, parseAmount('n', '0.05')]]), invoiced, new Map(), 'EUR');
    expect(formatAmount(first[0]!.tax)).toBe('0.01');
    const prior = new Map([[rate, { net: parseAmount('n', '0.05'), tax: first[0]!.tax }]]);
    const last = creditTaxGroups(new Map([[rate, parseAmount('n', '0.10')]]), invoiced, prior, 'EUR');
    expect(formatAmount(last[0]!.tax)).toBe('0.02'); // 0.019 would round to 0.02 anyway; what is left is 0.02
    const overTaxed = creditTaxGroups(new Map([[rate, parseAmount('n', '0.10')]]), invoiced, new Map([[rate, { net: 0n, tax: parseAmount('t', '0.03') }]]), 'EUR');
    expect(overTaxed[0]!.tax).toBe(0n); // no tax left to credit
  });

  it('refuses a percentage above 100 or with more than four places, naming the field', () => {
    expect(() => parsePercent('input.lines[0].discountPercent', '100.01')).toThrow(/input\.lines\[0\]\.discountPercent/);
    expect(() => parsePercent('input.taxRate', '7.12345')).toThrow(/input\.taxRate/);
    expect(percentText('19.0000')).toBe('19');
    expect(percentText('5.5000')).toBe('5.5');
  });

  it('adds payment terms across month and year ends', () => {
    expect(addDays('2026-01-10', 14)).toBe('2026-01-24');
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
