import { describe, expect, it } from 'vitest';
import { fieldOfThrown } from '@rapport/errors';
import { normaliseTags } from './customer.entity.js';

describe('customer tags', () => {
  it('lower-cases, trims, collapses spaces and drops duplicates, keeping the first order', () => {
    expect(normaliseTags('input.tags', ['  Key   Account ', 'VIP', 'vip', 'key account', 'export'])).toEqual(['key account', 'vip', 'export']);
  });

  it('rejects an empty, a too long or an oddly spelled tag, naming its position', () => {
    expect(fieldOfThrown(() => normaliseTags('input.tags', ['ok', '  ']))).toBe('input.tags.1');
    expect(fieldOfThrown(() => normaliseTags('input.tags', ['x'.repeat(41)]))).toBe('input.tags.0');
    expect(fieldOfThrown(() => normaliseTags('input.tags', ['-dash-first']))).toBe('input.tags.0');
  });

  it('accepts twenty different tags and refuses a twenty-first', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(normaliseTags('input.tags', [...twenty, 'T0'])).toHaveLength(20);
    expect(fieldOfThrown(() => normaliseTags('input.tags', [...twenty, 't20']))).toBe('input.tags');
  });
});
