import { describe, expect, it } from 'vitest';
import { deliver, deliveryStatus, ship, type IShipment } from './shipment.entity.js';

const shipmentFactory = (overrides: Partial<IShipment> = {}): IShipment => ({
  id: '0191b3a0-0000-7000-8000-0000000000d1',
  orderId: '0191b3a0-0000-7000-8000-0000000000e1',
  customerId: '0191b3a0-0000-7000-8000-0000000000c1',
  status: 'PLANNED',
  plannedAt: new Date('2026-11-23T10:00:00Z'),
  shippedAt: null,
  deliveredAt: null,
  trackingNumber: null,
  createdAt: new Date('2026-11-23T10:00:00Z'),
  updatedAt: new Date('2026-11-23T10:00:00Z'),
  ...overrides,
});

const errorOf = (fn: () => unknown): { category?: string; field?: string } | undefined => {
  try {
    fn();
  } catch (error) {
    return error as { category?: string; field?: string };
  }
  return undefined;
};

describe('shipment rules', () => {
  it('ships a planned shipment with its tracking number, then delivers it', () => {
    const shipment = shipmentFactory();
    ship(shipment, 'TRK-1', new Date('2026-11-24T08:00:00Z'));
    expect(shipment).toMatchObject({ status: 'SHIPPED', trackingNumber: 'TRK-1', shippedAt: new Date('2026-11-24T08:00:00Z') });
    deliver(shipment, new Date('2026-11-25T08:00:00Z'));
    expect(shipment).toMatchObject({ status: 'DELIVERED', deliveredAt: new Date('2026-11-25T08:00:00Z') });
  });

  it('refuses to skip or repeat a step', () => {
    expect(errorOf(() => deliver(shipmentFactory()))).toMatchObject({ category: 'CONFLICT', field: 'shipmentId' });
    expect(errorOf(() => ship(shipmentFactory({ status: 'SHIPPED' }), 'TRK-2'))).toMatchObject({ category: 'CONFLICT' });
    expect(errorOf(() => ship(shipmentFactory({ status: 'DELIVERED' }), 'TRK-2'))).toMatchObject({ category: 'CONFLICT' });
    expect(errorOf(() => deliver(shipmentFactory({ status: 'DELIVERED' })))).toMatchObject({ category: 'CONFLICT' });
  });

  it('reports the furthest status of an order’s shipments, NOT_PLANNED without any', () => {
    expect(deliveryStatus([])).toBe('NOT_PLANNED');
    expect(deliveryStatus([{ status: 'PLANNED' }])).toBe('PLANNED');
    expect(deliveryStatus([{ status: 'PLANNED' }, { status: 'DELIVERED' }, { status: 'SHIPPED' }])).toBe('DELIVERED');
  });
});
