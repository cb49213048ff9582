import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../src/compose.js';
import { supergraphPath } from '../src/subgraphs.js';

describe('supergraph composition', () => {
  it('composes every subgraph without errors', () => {
    const { supergraphSdl } = composeSupergraph();
    for (const owner of ['IDENTITY', 'CUSTOMERS', 'SALES', 'SUPPORT', 'INVENTORY', 'PURCHASING', 'FINANCE']) {
      expect(supergraphSdl).toContain(`${owner} @join__graph`);
    }
  });

  it('matches the checked-in supergraph (run `npm run compose` after changing a schema)', () => {
    expect(readFileSync(supergraphPath, 'utf8')).toBe(composeSupergraph().supergraphSdl);
  });
});
