import { describe, expect, it } from 'vitest';
import { scaleIdSql, scaleParams, scaleProductsParam, type ScaleSpec } from './scale.js';

const spec: ScaleSpec = {
  customers: 995_000,
  repId: '00000000-0000-4000-8000-000000000001',
  repCustomers: 2000,
  otherOwnerIds: ['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'],
  productIds: ['00000000-0000-4000-8000-0000000000aa'],
};

describe('the scale data set', () => {
  it("spaces the rep's customers by an even step, so each of them is one with open work", () => {
    const [from, to, repId, step, repCustomers, others] = scaleParams(spec, 1, 250_000);
    expect([from, to, repId, repCustomers, others]).toEqual([1, 250_000, spec.repId, 2000, `{${spec.otherOwnerIds.join(',')}}`]);
    expect(step).toBe(496);
    expect((step as number) * 2000).toBeLessThanOrEqual(spec.customers);
  });

  it('rejects a rep owning more than half the customers, and a set without other owners or products', () => {
    expect(() => scaleParams({ ...spec, customers: 3000 }, 1, 3000)).toThrow(/repCustomers \(2000\) must be at most half/);
    expect(() => scaleParams({ ...spec, otherOwnerIds: [] }, 1, 10)).toThrow(/otherOwnerIds/);
    expect(() => scaleProductsParam({ ...spec, productIds: [] })).toThrow(/productIds/);
  });

  it('numbers the ids of each kind in a block of its own, counting up in the last digits', () => {
    expect(scaleIdSql('invoice-line', 'x')).toBe("('5ca1e000-000a-4000-8000-' || lpad(to_hex(x), 12, '0'))::uuid");
  });
});
