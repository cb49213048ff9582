import { describe, expect, it } from 'vitest';
import { deliveryStatus, deriveStatus, requireStatus } from './shipment.entity.js';

const errorOf = (fn: () => unknown): { category?: string; field?: string } | undefined => {
  try {
    fn();
  } catch (error) {
    return error as { category?: string; field?: string };
  }
  return undefined;
};

const open = { shippedAt: null, deliveredAt: null };
const at = new Date('2026-11-24T08:00:00Z');

describe('shipment rules', () => {
  it('derives PLANNED while a line plans something, CANCELLED when nothing is planned and nothing went out', () => {
    expect(deriveStatus(open, [{ planned: '0' }, { planned: '0.001' }])).toBe('PLANNED');
    expect(deriveStatus(open, [{ planned: '0' }, { planned: '0.000' }])).toBe('CANCELLED');
    expect(deriveStatus(open, [])).toBe('CANCELLED');
  });

  it('derives SHIPPED once it left and DELIVERED once it arrived, whatever its lines', () => {
    expect(deriveStatus({ shippedAt: at, deliveredAt: null }, [{ planned: '0' }])).toBe('SHIPPED');
    expect(deriveStatus({ shippedAt: at, deliveredAt: at }, [{ planned: '2' }])).toBe('DELIVERED');
  });

  it('refuses a step from any other status with CONFLICT naming the shipment', () => {
    expect(errorOf(() => requireStatus({ id: 'x', status: 'SHIPPED' }, 'PLANNED', 'shipped'))).toMatchObject({ category: 'CONFLICT', field: 'shipmentId' });
    expect(errorOf(() => requireStatus({ id: 'x', status: 'CANCELLED' }, 'PLANNED', 'shipped'))).toMatchObject({ category: 'CONFLICT' });
    expect(errorOf(() => requireStatus({ id: 'x', status: 'PLANNED' }, 'PLANNED', 'shipped'))).toBeUndefined();
  });

  it('reports the furthest status of an order’s live notices, NOT_PLANNED without any (cancelled ones do not count)', () => {
    expect(deliveryStatus([])).toBe('NOT_PLANNED');
    expect(deliveryStatus([{ status: 'CANCELLED' }])).toBe('NOT_PLANNED');
    expect(deliveryStatus([{ status: 'PLANNED' }, { status: 'CANCELLED' }])).toBe('PLANNED');
    expect(deliveryStatus([{ status: 'PLANNED' }, { status: 'DELIVERED' }, { status: 'SHIPPED' }])).toBe('DELIVERED');
  });
});
