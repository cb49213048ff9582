import { countAuditEntries, raceBehindRow, startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from './create-purchasing-service.js';

let subgraph: TestSubgraph;
const RACERS = 20;

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService);
});
afterAll(async () => subgraph?.stop());

describe('concurrent transitions of one supplier', () => {
  it('20 concurrent deleteSupplier calls, then 20 restoreSupplier: one of each wins, the others CONFLICT, one audit entry each', async () => {
    const created = await subgraph.gql<{ createSupplier: { id: string } }>('mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }', {
      input: { name: 'Raced Valves AB', currency: 'SEK' },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createSupplier.id;
    const em = () => subgraph.service.orm.em.fork();

    const deleted = await raceBehindRow(subgraph.database.url, 'supplier', id, () => subgraph.gql('mutation($id: ID!) { deleteSupplier(id: $id) { id } }', { id }), RACERS);
    expect(deleted.other).toEqual([]);
    expect(deleted.won).toHaveLength(1);
    expect(deleted.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Supplier', id, 'DELETE')).toBe(1);

    const restored = await raceBehindRow(subgraph.database.url, 'supplier', id, () => subgraph.gql('mutation($id: ID!) { restoreSupplier(id: $id) { id } }', { id }), RACERS);
    expect(restored.other).toEqual([]);
    expect(restored.won).toHaveLength(1);
    expect(restored.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Supplier', id, 'RESTORE')).toBe(1);
  });
});
