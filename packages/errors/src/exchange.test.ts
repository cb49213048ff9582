import { describe, expect, it } from 'vitest';
import { convertUnits, formatRate, invertRate, multiplyRates, ONE_RATE, parseRate, rateMissing } from './exchange.js';
import { formatAmount, parseAmount } from './money.js';

const convert = (amount: string, rate: string, to: string): string => formatAmount(convertUnits(parseAmount('a', amount), parseRate('r', rate), to));

describe('exchange rates', () => {
  it('parses rates up to 10 places and refuses zero, negatives and more places, naming the field', () => {
    expect(formatRate(parseRate('rate', '0.9234'))).toBe('0.9234');
    expect(formatRate(parseRate('rate', '1.0000000001'))).toBe('1.0000000001');
    expect(() => parseRate('rows[3].rate', '1.00000000001')).toThrow(expect.objectContaining({ code: 'INVALID_RATE', field: 'rows[3].rate' }));
    expect(() => parseRate('rate', '0')).toThrow(expect.objectContaining({ code: 'INVALID_RATE', field: 'rate' }));
    expect(() => parseRate('rate', '-1.2')).toThrow(expect.objectContaining({ field: 'rate' }));
    expect(() => parseRate('rate', '1e3')).toThrow(expect.objectContaining({ field: 'rate' }));
  });

  it('converts to the target currency minor unit, rounding half up (away from zero)', () => {
    expect(convert('100.00', '0.9234', 'EUR')).toBe('92.34');
    // 0.125 EUR → 0.13 (half up), -0.125 → -0.13 (away from zero)
    expect(convert('1', '0.125', 'EUR')).toBe('0.13');
    expect(formatAmount(convertUnits(parseAmount('a', '-1'), parseRate('r', '0.125'), 'EUR'))).toBe('-0.13');
    expect(convert('1', '0.1249999999', 'EUR')).toBe('0.12');
    // JPY has no minor unit, KWD three places
    expect(convert('10.00', '161.555', 'JPY')).toBe('1616.00');
    expect(convert('10.00', '0.30755', 'KWD')).toBe('3.076');
    // exact over large amounts: no float drift
    expect(convert('999999999999999.9999', '1.0000000001', 'EUR')).toBe('1000000000100000.00');
  });

  it('inverts a rate at 10 places, half up, and an inverse round-trips within a minor unit', () => {
    expect(formatRate(invertRate(parseRate('r', '0.8')))).toBe('1.25');
    expect(formatRate(invertRate(parseRate('r', '3')))).toBe('0.3333333333');
    expect(formatRate(invertRate(parseRate('r', '1.5')))).toBe('0.6666666667');
    expect(invertRate(ONE_RATE)).toBe(ONE_RATE);
    const usd = '1234.56';
    const eur = formatAmount(convertUnits(parseAmount('a', usd), parseRate('r', '0.9234'), 'EUR'));
    const back = formatAmount(convertUnits(parseAmount('a', eur), invertRate(parseRate('r', '0.9234')), 'USD'));
    const drift = parseAmount('a', back) - parseAmount('a', usd);
    expect(drift >= -100n && drift <= 100n).toBe(true);
  });

  it('a missing rate is a clear error naming the currency and the day', () => {
    const error = rateMissing('input.currency', 'USD', 'EUR', '2026-03-01');
    expect(error).toMatchObject({ code: 'RATE_MISSING', field: 'input.currency' });
    expect(error.message).toContain('USD');
    expect(error.message).toContain('2026-03-01');
  });

  it('chains two rates into a cross rate at 10 places, half up', () => {
    expect(formatRate(multiplyRates(parseRate('a', '0.9'), parseRate('b', '0.85')))).toBe('0.765');
    expect(formatRate(multiplyRates(parseRate('a', '0.3333333333'), parseRate('b', '0.5')))).toBe('0.1666666667');
    expect(formatRate(multiplyRates(ONE_RATE, parseRate('b', '1.2345')))).toBe('1.2345');
  });
});
