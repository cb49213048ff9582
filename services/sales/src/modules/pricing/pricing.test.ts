import { describe, expect, it } from 'vitest';
import { documentTotals, priceLine } from './pricing.js';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const noDefaults = () => {
  throw new Error('defaults must not be asked for when a price is given');
};

describe('pricing a line', () => {
  it('applies the discount exactly and rounds the line half up to four places', () => {
    const line = priceLine('input.lines.0', { quantity: '3', unitPrice: eur('0.3333'), discountPercent: '12.5', taxRate: '19' }, 'EUR', noDefaults);
    // 3 × 0.3333 × 0.875 = 0.8749125 → 0.8749
    expect(line).toEqual({ quantity: '3', unitPrice: '0.3333', unitPriceGross: '0.3966', priceEntry: 'NET', discountPercent: '12.5', taxRate: '19', netAmount: '0.8749' });
  });

  it('computes the net unit price from a tax-inclusive one, four places, and shows both', () => {
    const line = priceLine('input.lines.0', { quantity: '1', unitPriceGross: eur('1290'), taxRate: '19' }, 'EUR', noDefaults);
    // 1290 / 1.19 = 1084.03361… → 1084.0336
    expect(line).toMatchObject({ unitPrice: '1084.0336', unitPriceGross: '1290.00', priceEntry: 'GROSS', netAmount: '1084.0336' });
  });

  it('takes the offered price and discount when the line gives no price', () => {
    const line = priceLine('input.lines.0', { quantity: '2' }, 'EUR', () => ({ unitPrice: eur('10.50'), discountPercent: '5' }));
    expect(line).toMatchObject({ unitPrice: '10.50', discountPercent: '5', taxRate: '0', netAmount: '19.95' });
  });

  it('refuses bad input naming the field', () => {
    const cases: [Parameters<typeof priceLine>[1], string, string][] = [
      [{ quantity: '-1', unitPrice: eur('1') }, 'input.lines.0.quantity', 'NEGATIVE_QUANTITY'],
      [{ quantity: '1.2345', unitPrice: eur('1') }, 'input.lines.0.quantity', 'QUANTITY_TOO_PRECISE'],
      [{ quantity: '1', unitPrice: eur('1.23456') }, 'input.lines.0.unitPrice.amount', 'INVALID_AMOUNT'],
      [{ quantity: '1', unitPrice: eur('-1') }, 'input.lines.0.unitPrice.amount', 'NEGATIVE_AMOUNT'],
      [{ quantity: '1', unitPrice: { amount: '1', currency: 'USD' } }, 'input.lines.0.unitPrice.currency', 'CURRENCY_MISMATCH'],
      [{ quantity: '1', unitPrice: eur('1'), discountPercent: '100.01' }, 'input.lines.0.discountPercent', 'INVALID_DISCOUNT'],
      [{ quantity: '1', unitPrice: eur('1'), discountPercent: '5.555' }, 'input.lines.0.discountPercent', 'INVALID_DISCOUNT'],
      [{ quantity: '1', unitPrice: eur('1'), taxRate: '-7' }, 'input.lines.0.taxRate', 'INVALID_TAX_RATE'],
      [{ quantity: '1', unitPrice: eur('1'), unitPriceGross: eur('1.19') }, 'input.lines.0.unitPriceGross', 'PRICE_TWICE'],
    ];
    for (const [input, field, code] of cases) {
      expect(() => priceLine('input.lines.0', input, 'EUR', noDefaults), field).toThrow(expect.objectContaining({ field, code }));
    }
  });
});

describe('totalling a document', () => {
  it('rounds per tax rate at the currency minor unit, half up, and sums the rates', () => {
    const totals = documentTotals(
      [
        { taxRate: '19', netAmount: '10.005' },
        { taxRate: '19', netAmount: '0.0001' },
        { taxRate: '7', netAmount: '3.3333' },
      ],
      'EUR',
    );
    // 19 %: net 10.0051 → 10.01, tax 1.9019 → 1.90; 7 %: net 3.33, tax 0.2331 → 0.23
    expect(totals).toEqual({
      net: '13.34',
      tax: '2.13',
      gross: '15.47',
      taxes: [
        { taxRate: '7', currency: 'EUR', net: '3.33', tax: '0.23', gross: '3.56' },
        { taxRate: '19', currency: 'EUR', net: '10.01', tax: '1.90', gross: '11.91' },
      ],
    });
  });

  it('rounds to whole units for a currency without minor unit', () => {
    expect(documentTotals([{ taxRate: '10', netAmount: '1000.5' }], 'JPY')).toMatchObject({ net: '1001.00', tax: '100.00', gross: '1101.00' });
  });
});
