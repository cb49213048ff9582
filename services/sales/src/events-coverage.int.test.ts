import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type EventCoverage, type MutationCaseEntry, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { describeEventCoverage } from '@rapport/subgraph-kit/event-coverage-suite';
import { afterAll, beforeAll, expect } from 'vitest';
import { createSalesService } from './create-sales-service.js';
import { productSnapshot, seedCatalogue } from './modules/catalogue/catalogue.testing.js';

let subgraph: TestSubgraph;
const customerId = randomUUID();
const productId = randomUUID();
const product = productSnapshot({ productId });

/** Every audited entity of sales and the aggregate its events name. */
const coverage: EventCoverage = {
  Opportunity: { keys: ['id'] },
  SalesOrder: { keys: ['id'] },
  SalesOrderLine: { keys: ['id', 'orderId'] },
  Quotation: { keys: ['id'] },
  QuotationLine: { keys: ['id', 'quotationId'] },
  SalesOrderInvoice: { internal: "a read copy of finance's invoices per order, written only by finance's invoice events (it tells when the order is paid)" },
  DiscountApproval: { keys: ['id', 'quotationId'] },
  DiscountLimit: { internal: 'configuration of discount governance that only sales reads (set by directors and admins; no other service acts on it)' },
  CatalogueProduct: { internal: "a read copy of inventory's catalogue, written only by inventory's product events" },
  OpportunityStageHistory: { keys: ['opportunityId'] },
  Pipeline: { internal: "sales' own pipeline set-up; opportunity events carry the stage name and probability they stand in" },
  PipelineStage: { internal: "sales' own pipeline set-up; opportunity events carry the stage name and probability they stand in" },
  SalesTarget: { internal: 'a goal sales sets itself and measures against its own orders; no other service acts on it' },
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

const quotationMutation = 'mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { id number lines { id } } }';
const draftQuotation = async () =>
  (
    await subgraph.gql<{ createQuotation: { id: string; number: string; lines: { id: string }[] } }>(quotationMutation, {
      input: { customerId, currency: 'EUR', lines: [{ productId, quantity: '2', unitPrice: { amount: '100', currency: 'EUR' }, taxRate: '19' }] },
    })
  ).data!.createQuotation;
const quotationStep = (name: string) => async (id: string) => {
  const result = await subgraph.gql(`mutation($id: ID!) { ${name}(id: $id) { id } }`, { id });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
};
const sentQuotation = async () => {
  const q = await draftQuotation();
  await quotationStep('sendQuotation')(q.id);
  return q;
};
let quotation = { id: '', number: '', lines: [] as { id: string }[] };

/** An admin whose own discount limits are zero, so that what they draft needs someone else's approval. */
const strictAdmin = { role: 'ADMIN' as const, userId: randomUUID() };
const awaitingApproval = async () => {
  const q = await draftQuotation();
  const asked = await subgraph.gqlAs(strictAdmin, 'mutation($id: ID!) { requestQuotationApproval(id: $id) { id } }', { id: q.id });
  if (asked.errors) throw new Error(JSON.stringify(asked.errors));
  return q;
};

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
    announces: ['sales.order.confirmed.v2'],
  },
  cancelOrderLine: {
    run: async (call) => {
      order = (await subgraph.gql<{ placeOrder: { id: string; number: string } }>(orderMutation, { input: { ...orderInput, lines: [orderInput.lines[0], orderInput.lines[0]] } }))
        .data!.placeOrder;
      const lines = (await subgraph.gql<{ salesOrder: { lines: { id: string }[] } }>('query($id: ID!) { salesOrder(id: $id) { lines { id } } }', { id: order.id })).data!.salesOrder
        .lines;
      await call('mutation($o: ID!, $l: ID!) { cancelOrderLine(orderId: $o, lineId: $l) { id } }', { o: order.id, l: lines[1]!.id });
    },
    announces: ['sales.order.cancelled.v2'],
    check: ([event]) => expect(event).toMatchObject({ subject: order.id, data: { whole: false, lines: [{ quantity: '2.5' }] } }),
  },
  createQuotation: {
    run: async (call) => {
      await call(quotationMutation, { input: { customerId, currency: 'EUR', lines: [{ productId, quantity: '1' }] } });
    },
    announces: ['sales.quotation.drafted.v1'],
  },
  updateQuotation: {
    run: async (call) => {
      quotation = await draftQuotation();
      await call('mutation($id: ID!) { updateQuotation(id: $id, input: { terms: "Net 30" }) { id } }', { id: quotation.id });
    },
    announces: ['sales.quotation.changed.v1'],
  },
  addQuotationLine: {
    run: async (call) => {
      quotation = await draftQuotation();
      await call('mutation($id: ID!, $line: SalesLineInput!) { addQuotationLine(quotationId: $id, line: $line) { id } }', {
        id: quotation.id,
        line: { productId, quantity: '1', unitPriceGross: { amount: '119', currency: 'EUR' }, taxRate: '19' },
      });
    },
    announces: ['sales.quotation.changed.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: quotation.id, data: { netTotal: { amount: '300.00', currency: 'EUR' }, grossTotal: { amount: '357.00' } } }),
  },
  removeQuotationLine: {
    run: async (call) => {
      quotation = await draftQuotation();
      await call('mutation($id: ID!, $line: ID!) { removeQuotationLine(quotationId: $id, lineId: $line) { id } }', { id: quotation.id, line: quotation.lines[0]!.id });
    },
    announces: ['sales.quotation.changed.v1'],
  },
  sendQuotation: {
    run: async (call) => {
      quotation = await draftQuotation();
      await call('mutation($id: ID!) { sendQuotation(id: $id) { id } }', { id: quotation.id });
    },
    announces: ['sales.quotation.sent.v1'],
    check: ([event]) =>
      expect(event).toMatchObject({
        topic: 'sales.quotation',
        subject: quotation.id,
        data: { number: quotation.number, customerId, netTotal: { amount: '200.00' }, taxTotal: { amount: '38.00' }, grossTotal: { amount: '238.00' } },
      }),
  },
  acceptQuotation: {
    run: async (call) => {
      quotation = await sentQuotation();
      await call('mutation($id: ID!) { acceptQuotation(id: $id) { id } }', { id: quotation.id });
    },
    announces: ['sales.quotation.accepted.v1'],
  },
  rejectQuotation: {
    run: async (call) => {
      quotation = await sentQuotation();
      await call('mutation($id: ID!) { rejectQuotation(id: $id, reason: "Too expensive") { id } }', { id: quotation.id });
    },
    announces: ['sales.quotation.rejected.v1'],
  },
  copyQuotation: {
    run: async (call) => {
      quotation = await draftQuotation();
      await call('mutation($id: ID!) { copyQuotation(id: $id) { id } }', { id: quotation.id });
    },
    announces: ['sales.quotation.drafted.v1'],
    check: ([event]) => expect(event).toMatchObject({ data: { copiedFromId: quotation.id } }),
  },
  reviseQuotation: {
    run: async (call) => {
      quotation = await sentQuotation();
      await call('mutation($id: ID!) { reviseQuotation(id: $id) { id } }', { id: quotation.id });
    },
    announces: ['sales.quotation.drafted.v1'],
    check: ([event]) => expect(event).toMatchObject({ data: { revisionOfId: quotation.id, number: `${quotation.number}-2` } }),
  },
  convertQuotation: {
    run: async (call) => {
      quotation = await sentQuotation();
      await quotationStep('acceptQuotation')(quotation.id);
      await call('mutation($id: ID!) { convertQuotation(id: $id) { id } }', { id: quotation.id });
    },
    announces: ['sales.order.confirmed.v2', 'sales.quotation.converted.v1'],
  },
  setDiscountLimit: {
    run: async (call) => {
      await call('mutation { setDiscountLimit(input: { role: "SALES_REP", maxLineDiscount: "10", maxTotalDiscount: "5", minMarginPercent: "10" }) { role } }');
    },
    announces: [],
  },
  requestQuotationApproval: {
    run: async (call) => {
      quotation = await draftQuotation();
      await call('mutation($id: ID!) { requestQuotationApproval(id: $id, comment: "Key account") { id } }', { id: quotation.id }, strictAdmin);
    },
    announces: ['sales.quotation.approval-requested.v1'],
    check: ([event]) =>
      expect(event).toMatchObject({
        topic: 'sales.quotation',
        subject: quotation.id,
        data: {
          number: quotation.number,
          requestedBy: strictAdmin.userId,
          comment: 'Key account',
          findings: expect.arrayContaining([expect.objectContaining({ kind: 'LINE_DISCOUNT' })]),
        },
      }),
  },
  approveQuotation: {
    run: async (call) => {
      quotation = await awaitingApproval();
      await call('mutation($id: ID!) { approveQuotation(id: $id, comment: "ok") { id } }', { id: quotation.id });
    },
    announces: ['sales.quotation.approval-decided.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: quotation.id, data: { decision: 'APPROVED', comment: 'ok' } }),
  },
  rejectQuotationApproval: {
    run: async (call) => {
      quotation = await awaitingApproval();
      await call('mutation($id: ID!) { rejectQuotationApproval(id: $id, comment: "too low") { id } }', { id: quotation.id });
    },
    announces: ['sales.quotation.approval-decided.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: quotation.id, data: { decision: 'REJECTED', comment: 'too low' } }),
  },
  cancelOrder: {
    run: async (call) => {
      order = (await subgraph.gql<{ placeOrder: { id: string; number: string } }>(orderMutation, { input: orderInput })).data!.placeOrder;
      await call('mutation($id: ID!) { cancelOrder(id: $id) { id } }', { id: order.id });
    },
    announces: ['sales.order.cancelled.v2'],
    check: ([event]) => {
      expect(event).toMatchObject({ topic: 'sales.order', subject: order.id });
      expect(event!.data).toEqual({
        orderId: order.id,
        customerId,
        number: order.number,
        whole: true,
        lines: [{ lineId: expect.any(String), productId, quantity: '2.5' }],
        reason: null,
        cancelledAt: expect.any(String),
      });
    },
  },
  createPipeline: {
    run: async (call) => {
      await call('mutation { createPipeline(input: { name: "Coverage pipeline" }) { id } }');
    },
    announces: [],
  },
  addPipelineStage: {
    run: async (call) => {
      const { pipelines } = (await subgraph.gql<{ pipelines: { id: string; name: string }[] }>('{ pipelines { id name } }')).data!;
      await call('mutation($p: ID!) { addPipelineStage(pipelineId: $p, input: { name: "Scoping", probability: 20 }) { id } }', { p: pipelines[0]!.id });
    },
    announces: [],
  },
  updatePipelineStage: {
    run: async (call) => {
      await call('mutation($id: ID!) { updatePipelineStage(id: $id, input: { probability: 15 }) { id } }', { id: stages[0]!.id });
    },
    announces: [],
  },
  setSalesTarget: {
    run: async (call) => {
      await call('mutation($i: SetSalesTargetInput!) { setSalesTarget(input: $i) { id } }', {
        i: { periodKind: 'MONTH', periodStart: '2027-01-01', teamId: randomUUID(), amount: { amount: '1000', currency: 'EUR' } },
      });
    },
    announces: [],
  },
};

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService);
  await seedCatalogue(subgraph, product);
  const strict = await subgraph.gql(
    `mutation { setDiscountLimit(input: { userId: "${strictAdmin.userId}", maxLineDiscount: "0", maxTotalDiscount: "0", minMarginPercent: null }) { userId } }`,
  );
  expect(strict.errors).toBeUndefined();
  stages = (await subgraph.gql<{ pipelineStages: Stage[] }>('{ pipelineStages { id name probability closing } }')).data!.pipelineStages.filter((s) => !s.closing);
});
afterAll(async () => subgraph?.stop());

describeEventCoverage('sales', () => subgraph, coverage, cases);
