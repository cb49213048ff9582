import { describe, expect, it } from 'vitest';
import { byAllocationRule } from './reservation.service.js';

describe('the allocation rule', () => {
  const level = (warehouseId: string, onHand: bigint, reserved = 0n) => ({ warehouseId, onHand, reserved });
  const codes: Record<string, string> = { w1: 'BER-1', w2: 'AMS-1', w3: 'MUC-1', w4: 'ams-2' };

  it('takes the warehouse with the most available stock first, then the lower code', () => {
    const ordered = byAllocationRule([level('w1', 5000n), level('w2', 5000n), level('w3', 9000n, 3000n), level('w4', 2000n)], (id) => codes[id]!);
    expect(ordered.map((l) => l.warehouseId)).toEqual(['w3', 'w2', 'w1', 'w4']);
  });

  it('puts warehouses with nothing or less than nothing available last', () => {
    const ordered = byAllocationRule([level('w1', -1000n), level('w2', 0n), level('w3', 1n)], (id) => codes[id]!);
    expect(ordered.map((l) => l.warehouseId)).toEqual(['w3', 'w2', 'w1']);
  });
});
