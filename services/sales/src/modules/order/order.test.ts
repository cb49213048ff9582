import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '@rapport/errors';
import { documentTotals, lineNetAmount } from '../pricing/pricing.js';
import { cancelRest, formatQuantity, orderNumber, parseQuantity, shortUnits, type ISalesOrder, type ISalesOrderLine } from './order.entity.js';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { field?: string }).field;
  }
  return undefined;
};

const net = (field: string, quantity: string, unitPrice: string, discount = 0n): string => formatAmount(lineNetAmount(field, quantity, parseAmount('p', unitPrice), discount));

describe('order pricing', () => {
  it('multiplies quantity by unit price exactly, without float error', () => {
    expect(net('l', '3', '0.10')).toBe('0.30');
    expect(net('l', '1.5', '19.99')).toBe('29.985');
    expect(net('l', '0.333', '0.0001')).toBe('0.00');
    expect(net('l', '2', '999999999999.9999')).toBe('1999999999999.9998');
  });

  it('rounds a line total half up to four decimals', () => {
    expect(net('l', '0.005', '0.0100')).toBe('0.0001');
    expect(net('l', '0.001', '0.0499')).toBe('0.00');
    expect(net('l', '0.125', '1.0001')).toBe('0.125');
  });

  it('rejects a line or order total that does not fit a money column, naming the field', () => {
    expect(fieldOf(() => net('input.lines.0.quantity', '999999999999', '999999999999'))).toBe('input.lines.0.quantity');
    expect(
      fieldOf(() =>
        documentTotals(
          [
            { taxRate: '0', netAmount: '999999999999999' },
            { taxRate: '0', netAmount: '1' },
          ],
          'EUR',
        ),
      ),
    ).toBe('input.lines');
  });

  it('accepts positive quantities with up to three decimals and nothing else', () => {
    expect(parseQuantity('q', '2.500')).toBe('2.5');
    expect(parseQuantity('q', ' 10 ')).toBe('10');
    expect(fieldOf(() => parseQuantity('q', '0'))).toBe('q');
    expect(fieldOf(() => parseQuantity('q', '-1'))).toBe('q');
    expect(fieldOf(() => parseQuantity('q', '1.2345'))).toBe('q');
    expect(fieldOf(() => parseQuantity('q', 'two'))).toBe('q');
  });

  it('formats quantities and order numbers for people', () => {
    expect(formatQuantity('2.000')).toBe('2');
    expect(formatQuantity('0.250')).toBe('0.25');
    expect(orderNumber('42')).toBe('SO-000042');
  });
});

const order = (): ISalesOrder => ({ number: 'SO-000001', status: 'CONFIRMED', cancelledAt: null }) as ISalesOrder;
const line = (position: number, quantity: string, overrides: Partial<ISalesOrderLine> = {}): ISalesOrderLine =>
  ({ id: `l${position}`, position, quantity, cancelledQuantity: '0', reservedQuantity: '0', shortQuantity: '0', ...overrides }) as ISalesOrderLine;

describe('cancelling what is open', () => {
  it("cancels one line's rest and keeps the order open while another line is", () => {
    const o = order();
    const lines = [line(0, '3'), line(1, '1.5', { cancelledQuantity: '0.5' })];
    expect(cancelRest(o, lines, [lines[1]!]).map((c) => c.quantity)).toEqual(['1']);
    expect(lines[1]!.cancelledQuantity).toBe('1.5');
    expect(o.status).toBe('CONFIRMED');
    expect(cancelRest(o, lines, [lines[0]!]).map((c) => c.quantity)).toEqual(['3']);
    expect(o.status).toBe('CANCELLED');
  });

  it('refuses a line with nothing left open, and a cancelled order', () => {
    const o = order();
    const lines = [line(0, '2', { cancelledQuantity: '2' }), line(1, '1')];
    expect(() => cancelRest(o, lines, [lines[0]!])).toThrow(expect.objectContaining({ code: 'ORDER_LINE_NOT_CANCELLABLE' }));
    cancelRest(o, lines, [lines[1]!]);
    expect(() => cancelRest(o, lines, [lines[1]!])).toThrow(expect.objectContaining({ code: 'ORDER_NOT_CANCELLABLE' }));
  });
});

describe('a line short of stock', () => {
  it('shows the shortage reported less what was reserved since, never more than is open', () => {
    expect(shortUnits(line(0, '10', { reservedQuantity: '6', shortQuantity: '4' }))).toBe(4000n);
    expect(shortUnits(line(0, '10', { reservedQuantity: '8', shortQuantity: '4' }))).toBe(2000n);
    expect(shortUnits(line(0, '10', { reservedQuantity: '10', shortQuantity: '4' }))).toBe(0n);
    expect(shortUnits(line(0, '10', { cancelledQuantity: '9', shortQuantity: '4' }))).toBe(1000n);
  });
});
