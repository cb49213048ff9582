import { describe, expect, it } from 'vitest';
import { fieldOfThrown as fieldOf, formatAmount, parseAmount } from '@rapport/errors';
import { documentTotals, lineNetAmount } from '../pricing/pricing.js';
import { applyState, cancelRest, deriveStatus, orderNumber, parseQuantity, shortUnits, toInvoiceUnits, type ISalesOrder, type ISalesOrderLine } from './order.entity.js';

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

  it('formats order numbers for people', () => {
    expect(orderNumber('42')).toBe('SO-000042');
  });
});

const order = (): ISalesOrder => ({ number: 'SO-000001', status: 'CONFIRMED', cancelledAt: null, deliveredAt: null, paidAt: null, completedAt: null }) as ISalesOrder;
const line = (position: number, quantity: string, overrides: Partial<ISalesOrderLine> = {}): ISalesOrderLine =>
  ({
    id: `l${position}`,
    position,
    quantity,
    cancelledQuantity: '0',
    reservedQuantity: '0',
    shortQuantity: '0',
    deliveredQuantity: '0',
    invoicedQuantity: '0',
    returnedQuantity: '0',
    ...overrides,
  }) as ISalesOrderLine;
const at = new Date('2026-12-05T12:00:00.000Z');

describe('cancelling what is undelivered', () => {
  it("cancels one line's rest and keeps the order open while another line is", () => {
    const o = order();
    const lines = [line(0, '3'), line(1, '1.5', { cancelledQuantity: '0.5' })];
    expect(cancelRest(o, lines, [lines[1]!]).map((c) => c.quantity)).toEqual(['1']);
    expect(lines[1]!.cancelledQuantity).toBe('1.5');
    applyState(o, lines, [], at);
    expect(o.status).toBe('CONFIRMED');
    expect(cancelRest(o, lines, [lines[0]!]).map((c) => c.quantity)).toEqual(['3']);
    applyState(o, lines, [], at);
    expect(o).toMatchObject({ status: 'CANCELLED', cancelledAt: at });
  });

  it('refuses a line with nothing left open, and a cancelled order', () => {
    const o = order();
    const lines = [line(0, '2', { cancelledQuantity: '2' }), line(1, '1')];
    expect(() => cancelRest(o, lines, [lines[0]!])).toThrow(expect.objectContaining({ code: 'ORDER_LINE_NOT_CANCELLABLE' }));
    cancelRest(o, lines, [lines[1]!]);
    applyState(o, lines, [], at);
    expect(() => cancelRest(o, lines, [lines[1]!])).toThrow(expect.objectContaining({ code: 'ORDER_NOT_CANCELLABLE' }));
  });

  it('cancels only the undelivered rest: a delivered quantity stays, and the order is delivered, not cancelled', () => {
    const o = order();
    const lines = [line(0, '10', { deliveredQuantity: '4' })];
    expect(cancelRest(o, lines, lines).map((c) => c.quantity)).toEqual(['6']);
    applyState(o, lines, [], at);
    expect(o).toMatchObject({ status: 'DELIVERED', deliveredAt: at, cancelledAt: null });
    expect(() => cancelRest(o, lines, lines)).toThrow(expect.objectContaining({ code: 'ORDER_NOT_CANCELLABLE' }));
  });

  it('refuses a fully delivered line', () => {
    const lines = [line(0, '2', { deliveredQuantity: '2' }), line(1, '1')];
    expect(() => cancelRest(order(), lines, [lines[0]!])).toThrow(expect.objectContaining({ code: 'ORDER_LINE_NOT_CANCELLABLE' }));
  });
});

describe("an order's state derived from its quantities", () => {
  const issued = { issuedAt: at, paidAt: null };
  const paid = { issuedAt: at, paidAt: at };
  it.each([
    ['nothing happened', [line(0, '2'), line(1, '1')], [], 'CONFIRMED'],
    ['one line partly shipped', [line(0, '2', { deliveredQuantity: '1' }), line(1, '1')], [], 'PARTLY_DELIVERED'],
    ['everything shipped', [line(0, '2', { deliveredQuantity: '2' }), line(1, '1', { deliveredQuantity: '1' })], [], 'DELIVERED'],
    ['the rest of a partly shipped line cancelled', [line(0, '2', { deliveredQuantity: '1.5', cancelledQuantity: '0.5' })], [], 'DELIVERED'],
    ['part invoiced', [line(0, '2', { deliveredQuantity: '2', invoicedQuantity: '1' })], [issued], 'PARTLY_INVOICED'],
    ['all invoiced, unpaid', [line(0, '2', { deliveredQuantity: '2', invoicedQuantity: '2' })], [issued], 'INVOICED'],
    ['all invoiced, one of two invoices paid', [line(0, '2', { deliveredQuantity: '2', invoicedQuantity: '2' })], [issued, paid], 'INVOICED'],
    ['invoiced, then credited back', [line(0, '2', { deliveredQuantity: '2', invoicedQuantity: '0' })], [issued], 'DELIVERED'],
    ['paid in full but not all shipped', [line(0, '2', { deliveredQuantity: '1', invoicedQuantity: '2' })], [paid], 'PAID'],
    ['shipped, invoiced and paid', [line(0, '2', { deliveredQuantity: '2', invoicedQuantity: '2' })], [paid, paid], 'COMPLETED'],
    [
      'paid invoices but a line not invoiced',
      [line(0, '2', { deliveredQuantity: '2', invoicedQuantity: '2' }), line(1, '1', { deliveredQuantity: '1' })],
      [paid],
      'PARTLY_INVOICED',
    ],
    ['invoiced and paid, then 1 returned and credited', [line(0, '2', { deliveredQuantity: '2', invoicedQuantity: '1', returnedQuantity: '1' })], [paid], 'COMPLETED'],
    ['invoiced, then 1 returned and credited, unpaid', [line(0, '2', { deliveredQuantity: '2', invoicedQuantity: '1', returnedQuantity: '1' })], [issued], 'INVOICED'],
    ['1 returned before invoicing, the rest invoiced', [line(0, '3', { deliveredQuantity: '3', invoicedQuantity: '2', returnedQuantity: '1' })], [issued], 'INVOICED'],
    ['1 returned, 1 of the other 2 invoiced', [line(0, '3', { deliveredQuantity: '3', invoicedQuantity: '1', returnedQuantity: '1' })], [issued], 'PARTLY_INVOICED'],
    ['everything returned before invoicing: still delivered', [line(0, '2', { deliveredQuantity: '2', returnedQuantity: '2' })], [], 'DELIVERED'],
    ['everything cancelled', [line(0, '2', { cancelledQuantity: '2' })], [], 'CANCELLED'],
    ['shipped although cancelled (a race the warehouse lost)', [line(0, '2', { cancelledQuantity: '2', deliveredQuantity: '2' })], [], 'DELIVERED'],
  ] as const)('%s → %s', (_what, lines, invoices, expected) => {
    expect(deriveStatus(lines, invoices)).toBe(expected);
  });

  it('stamps each milestone once and clears it when the state leaves it', () => {
    const o = order();
    const lines = [line(0, '2', { deliveredQuantity: '2', invoicedQuantity: '2' })];
    applyState(o, lines, [paid], at);
    expect(o).toMatchObject({ status: 'COMPLETED', deliveredAt: at, paidAt: at, completedAt: at });
    const later = new Date('2026-12-06T00:00:00.000Z');
    applyState(o, lines, [paid], later);
    expect(o.completedAt).toBe(at);
    lines[0]!.invoicedQuantity = '1';
    applyState(o, lines, [paid], later);
    expect(o).toMatchObject({ status: 'PARTLY_INVOICED', deliveredAt: at, paidAt: null, completedAt: null });
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

describe('what is left to invoice of a line', () => {
  it('counts on delivery: delivered less returned less invoiced', () => {
    expect(toInvoiceUnits(line(0, '10', { deliveredQuantity: '4' }))).toBe(4000n);
    expect(toInvoiceUnits(line(0, '10', { deliveredQuantity: '4', invoicedQuantity: '2.5' }))).toBe(1500n);
    expect(toInvoiceUnits(line(0, '10', { deliveredQuantity: '4', returnedQuantity: '1', invoicedQuantity: '3' }))).toBe(0n);
    expect(toInvoiceUnits(line(0, '10'))).toBe(0n);
  });

  it('counts on what was ordered once invoiced ahead of delivery (prepaid), never negative', () => {
    expect(toInvoiceUnits(line(0, '4', { invoicedQuantity: '4' }))).toBe(0n);
    expect(toInvoiceUnits(line(0, '10', { invoicedQuantity: '4' }))).toBe(6000n);
    expect(toInvoiceUnits(line(0, '10', { invoicedQuantity: '4', cancelledQuantity: '6' }))).toBe(0n);
    expect(toInvoiceUnits(line(0, '4', { invoicedQuantity: '4', deliveredQuantity: '4' }))).toBe(0n);
    // Delivered 3, invoiced 3, 1 returned and its credit note not yet in: nothing to invoice, not −1.
    expect(toInvoiceUnits(line(0, '3', { deliveredQuantity: '3', invoicedQuantity: '3', returnedQuantity: '1' }))).toBe(0n);
  });
});
