import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type EventCoverage, type MutationCaseEntry, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { describeEventCoverage } from '@rapport/subgraph-kit/event-coverage-suite';
import { afterAll, beforeAll, expect } from 'vitest';
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

describeEventCoverage('purchasing', () => subgraph, coverage, cases);
