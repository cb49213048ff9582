import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type EventCoverage, type MutationCaseEntry, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { describeEventCoverage } from '@rapport/subgraph-kit/event-coverage-suite';
import { afterAll, beforeAll, expect } from 'vitest';
import { createSalesService } from './create-sales-service.js';

let subgraph: TestSubgraph;
const customerId = randomUUID();
const productId = randomUUID();

/** Every audited entity of sales and the aggregate its events name. */
const coverage: EventCoverage = {
  Opportunity: { keys: ['id'] },
  SalesOrder: { keys: ['id'] },
  SalesOrderLine: { keys: ['id', 'orderId'] },
};

interface Stage {
  id: string;
  name: string;
  probability: number;
  closing: boolean;
}
let stages: Stage[] = [];
const openMutation = 'mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }';
const orderMutation = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id number } }';
const openOpportunity = async (title: string): Promise<string> =>
  (await subgraph.gql<{ openOpportunity: { id: string } }>(openMutation, { input: { customerId, title, amount: { amount: '1000', currency: 'EUR' } } })).data!.openOpportunity.id;
const orderInput = { customerId, currency: 'EUR', lines: [{ productId, quantity: '2.5', unitPrice: { amount: '10.20', currency: 'EUR' } }] };

let opportunityId = '';
let order = { id: '', number: '' };
/** One case per Mutation field: a new field fails the first test until it is listed here. */
const cases: Record<string, MutationCaseEntry> = {
  openOpportunity: {
    run: async (call) => {
      await call(openMutation, { input: { customerId, title: 'Pumps 2027', amount: { amount: '5000', currency: 'EUR' } } });
    },
    announces: ['sales.opportunity.opened.v1'],
  },
  moveOpportunity: {
    run: async (call) => {
      opportunityId = await openOpportunity('Seals 2027');
      await call('mutation($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { id } }', { id: opportunityId, stageId: stages[1]!.id });
    },
    announces: ['sales.opportunity.stage-changed.v1'],
    check: ([event]) => {
      expect(event).toMatchObject({ topic: 'sales.opportunity', subject: opportunityId });
      expect(event!.data).toEqual({
        opportunityId,
        customerId,
        fromStage: stages[0]!.name,
        toStage: stages[1]!.name,
        probability: stages[1]!.probability,
        changedAt: expect.any(String),
      });
    },
  },
  deleteOpportunity: {
    run: async (call) => {
      opportunityId = await openOpportunity('Valves 2027');
      await call('mutation($id: ID!) { deleteOpportunity(id: $id) { id } }', { id: opportunityId });
    },
    announces: ['sales.opportunity.deleted.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: opportunityId, data: { opportunityId, customerId, deletedAt: expect.any(String) } }),
  },
  restoreOpportunity: {
    run: async (call) => {
      opportunityId = await openOpportunity('Gaskets 2027');
      await subgraph.gql('mutation($id: ID!) { deleteOpportunity(id: $id) { id } }', { id: opportunityId });
      await call('mutation($id: ID!) { restoreOpportunity(id: $id) { id } }', { id: opportunityId });
    },
    announces: ['sales.opportunity.restored.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: opportunityId, data: { opportunityId, customerId, restoredAt: expect.any(String) } }),
  },
  placeOrder: {
    run: async (call) => {
      await call(orderMutation, { input: orderInput });
    },
    announces: ['sales.order.confirmed.v1'],
  },
  cancelOrder: {
    run: async (call) => {
      order = (await subgraph.gql<{ placeOrder: { id: string; number: string } }>(orderMutation, { input: orderInput })).data!.placeOrder;
      await call('mutation($id: ID!) { cancelOrder(id: $id) { id } }', { id: order.id });
    },
    announces: ['sales.order.cancelled.v1'],
    check: ([event]) => {
      expect(event).toMatchObject({ topic: 'sales.order', subject: order.id });
      expect(event!.data).toEqual({
        orderId: order.id,
        customerId,
        number: order.number,
        total: { amount: '25.50', currency: 'EUR' },
        lines: [{ productId, quantity: expect.stringMatching(/^2\.50*$/) }],
        cancelledAt: expect.any(String),
      });
    },
  },
};

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService);
  stages = (await subgraph.gql<{ pipelineStages: Stage[] }>('{ pipelineStages { id name probability closing } }')).data!.pipelineStages.filter((s) => !s.closing);
});
afterAll(async () => subgraph?.stop());

describeEventCoverage('sales', () => subgraph, coverage, cases);
