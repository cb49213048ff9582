import { randomUUID } from 'node:crypto';
import {
  mutationFieldsOf,
  runMutationCase,
  startTestSubgraph,
  type EventCoverage,
  type MutationCaseEntry,
  type TestSubgraph,
} from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from './create-purchasing-service.js';

let subgraph: TestSubgraph;
const buyer = { userId: randomUUID(), role: 'BUYER' as const };

/** Every audited entity of purchasing and the aggregate its events name. */
const coverage: EventCoverage = {
  Supplier: { keys: ['id'] },
};

const createSupplier = async (name: string): Promise<string> => {
  const result = await subgraph.gql<{ createSupplier: { id: string } }>('mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }', {
    input: { name, currency: 'EUR' },
  });
  return result.data!.createSupplier.id;
};

let supplierId = '';
/** One case per Mutation field: a new field fails the first test until it is listed here. */
const cases: Record<string, MutationCaseEntry> = {
  createSupplier: {
    run: async (call) => {
      const data = await call<{ createSupplier: { id: string } }>(
        'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }',
        { input: { name: 'Events Valves AB', email: 'orders@events-valves.example', currency: 'SEK', paymentTermsDays: 45 } },
        buyer,
      );
      supplierId = data.createSupplier.id;
    },
    announces: ['purchasing.supplier.created.v1'],
    check: ([event]) => {
      expect(event).toMatchObject({ topic: 'purchasing.supplier', subject: supplierId });
      expect(event!.data).toEqual({
        supplierId,
        name: 'Events Valves AB',
        email: 'orders@events-valves.example',
        phone: null,
        currency: 'SEK',
        paymentTermsDays: 45,
        createdAt: expect.any(String),
      });
    },
  },
  deleteSupplier: {
    run: async (call) => {
      supplierId = await createSupplier('Events Castings');
      await call('mutation($id: ID!) { deleteSupplier(id: $id) { id } }', { id: supplierId }, buyer);
    },
    announces: ['purchasing.supplier.deleted.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: supplierId, data: { supplierId, deletedAt: expect.any(String) } }),
  },
  restoreSupplier: {
    run: async (call) => {
      supplierId = await createSupplier('Events Forgings');
      await subgraph.gql('mutation($id: ID!) { deleteSupplier(id: $id) { id } }', { id: supplierId });
      await call('mutation($id: ID!) { restoreSupplier(id: $id) { id } }', { id: supplierId });
    },
    announces: ['purchasing.supplier.restored.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: supplierId, data: { supplierId, restoredAt: expect.any(String) } }),
  },
};

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService);
});
afterAll(async () => subgraph?.stop());

describe('every change in purchasing is announced', () => {
  it('has a case for every Mutation field', async () => {
    expect(Object.keys(cases).sort()).toEqual(await mutationFieldsOf(subgraph));
  });

  for (const [field, entry] of Object.entries(cases)) {
    if (!('run' in entry)) continue;
    it(`${field} writes ${entry.announces.join(', ')} in the same transaction as every change it makes`, async () => {
      const changes = await runMutationCase(subgraph, coverage, field, entry);
      expect(changes.audited.length + changes.events.length).toBeGreaterThan(0);
      expect(changes.unannounced).toEqual([]);
      expect(changes.events.map((e) => e.type)).toEqual(expect.arrayContaining(entry.announces));
      await entry.check?.(changes.events);
    });
  }
});
