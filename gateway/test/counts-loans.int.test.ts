import { createKafka } from '@rapport/bus';
import type { CloudEvent } from '@rapport/contracts';
import { testKafkaBrokers, waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, type TestSystem } from './harness.js';

// Stock counts and loans end to end, through the gateway and over real Kafka: the warehouse counts
// a shelf, reviews the differences at standard cost and posts them (announced on Kafka keyed by the
// count); goods go out on loan to a customer of the customers service, the overdue check announces
// the loan once (a to-do for the rep who owns the customer), part comes back and the customer keeps the rest: sales makes it an order, which
// inventory reports shipped at once (no reservation, no second move), so finance may invoice it.

let system: TestSystem;
let clerk = '';
let rep = '';
let repId = '';
let productId = '';
let warehouseId = '';
let customerId = '';
let loanNumber = '';
type Kafka = ReturnType<typeof createKafka>;
let consumer: ReturnType<Kafka['consumer']>;
/** What arrived on inventory's count and loan topics, with each message's key. */
const messages: { key: string | undefined; event: CloudEvent }[] = [];
const eventsOf = (type: string, key: string) => messages.filter((m) => m.event.type === type && m.key === key).map((m) => m.event);

const onHand = async (): Promise<string | undefined> =>
  (
    await system.must<{ product: { stock: { warehouse: { id: string } | null; onHand: string }[] } }>(
      clerk,
      'query($id: ID!) { product(id: $id) { stock { warehouse { id } onHand } } }',
      {
        id: productId,
      },
    )
  ).product.stock.find((l) => l.warehouse?.id === warehouseId)?.onHand;

beforeAll(async () => {
  system = await startTestSystem('counts-loans');
  clerk = (await system.createUser({ email: 'carl.counter@rapport.example', displayName: 'Carl Counter', role: 'WAREHOUSE_CLERK' })).token;
  ({ token: rep, id: repId } = await system.createUser({ email: 'lena.loans@rapport.example', displayName: 'Lena Loans', role: 'SALES_REP' }));
  const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'counts-loans-test', logger: system.logger });
  const prefix = system.subgraphs.inventory.topicPrefix;
  consumer = kafka.consumer({ groupId: `${prefix}counts-loans-test` });
  await consumer.connect();
  await consumer.subscribe({ topics: [`${prefix}inventory.count`, `${prefix}inventory.loan`], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.value) messages.push({ key: message.key?.toString(), event: JSON.parse(message.value.toString()) as CloudEvent });
    },
  });
  const created = await system.must<{ createProduct: { id: string }; createWarehouse: { id: string } }>(
    clerk,
    `mutation {
      createProduct(input: { sku: "E2E-CNT-1", name: "Pressure gauge", listPrice: { amount: "40", currency: "EUR" }, standardCost: { amount: "17.5", currency: "EUR" } }) { id }
      createWarehouse(input: { code: "CNT-HAM", name: "Hamburg" }) { id }
    }`,
  );
  [productId, warehouseId] = [created.createProduct.id, created.createWarehouse.id];
  await system.must(clerk, 'mutation($p: ID!, $w: ID!) { receiveStock(input: { productId: $p, warehouseId: $w, quantity: "20" }) { id } }', { p: productId, w: warehouseId });
  // The rep's own customer: a rep sees the loans of the customers they may see, as with deliveries.
  customerId = (await system.must<{ createCustomer: { id: string } }>(rep, 'mutation { createCustomer(input: { name: "Loan Probe GmbH", kind: COMPANY }) { id } }')).createCustomer
    .id;
}, 240_000);
afterAll(async () => {
  await consumer?.disconnect();
  if (!system) return;
  await system.expectStockBalanced();
  await system.stop();
});

describe('stock counts and loans, as clients see them', () => {
  it('counts a shelf, reviews the difference at standard cost and posts it; the posting is announced on Kafka', async () => {
    const { createStockCount: count } = await system.must<{ createStockCount: { id: string; number: string; state: string } }>(
      clerk,
      'mutation($w: ID!) { createStockCount(input: { warehouseId: $w, note: "year end" }) { id number state } }',
      { w: warehouseId },
    );
    expect(count.state).toBe('OPEN');
    const imported = await system.must<{ importCountedQuantities: { applied: boolean; errors: { row: number; field: string }[] } }>(
      clerk,
      'mutation($c: ID!) { importCountedQuantities(input: { countId: $c, csv: "code;counted\\nE2E-CNT-1;17\\nNOPE;1", dryRun: true }) { applied errors { row field } } }',
      { c: count.id },
    );
    expect(imported.importCountedQuantities).toEqual({ applied: false, errors: [{ row: 3, field: 'code' }] });
    await system.must(clerk, 'mutation($c: ID!, $p: ID!) { enterCountedQuantities(input: { countId: $c, lines: [{ productId: $p, counted: "17" }] }) { id } }', {
      c: count.id,
      p: productId,
    });
    const review = await system.must<{
      stockCount: {
        warehouse: { id: string };
        differenceValue: { amount: string }[];
        lines: { product: { name: string }; expected: string; difference: string; differenceValue: { amount: string } }[];
      };
    }>(
      clerk,
      'query($c: ID!) { stockCount(id: $c) { warehouse { id } differenceValue { amount } lines(onlyDifferences: true) { product { name } expected difference differenceValue { amount } } } }',
      { c: count.id },
    );
    expect(review.stockCount).toEqual({
      warehouse: { id: warehouseId },
      differenceValue: [{ amount: '-52.50' }],
      lines: [{ product: { name: 'Pressure gauge' }, expected: '20', difference: '-3', differenceValue: { amount: '-52.50' } }],
    });

    const forbidden = await system.as(rep, 'mutation($c: ID!) { postStockCount(countId: $c) { id } }', { c: count.id });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const posted = await system.must<{ postStockCount: { state: string } }>(clerk, 'mutation($c: ID!) { postStockCount(countId: $c) { state } }', { c: count.id });
    expect(posted.postStockCount.state).toBe('POSTED');
    expect(await onHand()).toBe('17');
    const again = await system.as(clerk, 'mutation($c: ID!) { postStockCount(countId: $c) { state } }', { c: count.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });

    const [event] = await waitFor(
      async () => {
        const found = eventsOf('inventory.count.posted.v1', count.id);
        return found.length > 0 ? found : undefined;
      },
      { what: 'the count posting on Kafka' },
    );
    expect(event!.data).toMatchObject({ countId: count.id, number: count.number, warehouseId, lines: [{ productId, expected: '20', counted: '17', difference: '-3' }] });
  });

  it('cancels an open count: nothing is posted, and it cannot be posted or cancelled again', async () => {
    const { createStockCount: count } = await system.must<{ createStockCount: { id: string } }>(
      clerk,
      'mutation($w: ID!) { createStockCount(input: { warehouseId: $w, note: "aborted" }) { id } }',
      { w: warehouseId },
    );
    const before = await onHand();
    const cancelled = await system.must<{ cancelStockCount: { id: string; state: string } }>(clerk, 'mutation($c: ID!) { cancelStockCount(countId: $c) { id state } }', {
      c: count.id,
    });
    expect(cancelled.cancelStockCount).toEqual({ id: count.id, state: 'CANCELLED' });
    for (const op of ['postStockCount', 'cancelStockCount']) {
      const again = await system.as(clerk, `mutation($c: ID!) { ${op}(countId: $c) { id } }`, { c: count.id });
      expect(again.errors?.[0]?.extensions, op).toMatchObject({ code: 'CONFLICT' });
    }
    expect(await onHand()).toBe(before);
    const listed = await system.must<{ stockCount: { state: string } | null }>(clerk, 'query($c: ID!) { stockCount(id: $c) { state } }', { c: count.id });
    expect(listed.stockCount).toEqual({ state: 'CANCELLED' });
  });

  it('lends goods to a customer, flags the loan overdue once, takes part back and converts the rest into a sale', async () => {
    const { lendStock: loan } = await system.must<{ lendStock: { id: string; number: string; state: string; overdue: boolean; customer: { id: string; name: string } } }>(
      clerk,
      'mutation($i: LendStockInput!) { lendStock(input: $i) { id number state overdue customer { id name } } }',
      { i: { kind: 'LOAN', customerId, warehouseId, productId, quantity: '4', expectedReturnDate: day(-2), note: 'demo unit' } },
    );
    expect(loan).toMatchObject({ state: 'OUT', overdue: true, customer: { id: customerId, name: 'Loan Probe GmbH' } });
    expect(await onHand()).toBe('13');

    // Inventory learns that the rep owns the customer from customers' event.
    const overdue = await waitFor(
      async () => {
        const { loans } = await system.must<{ loans: { edges: { node: { id: string } }[] } }>(rep, 'query { loans(filter: { overdue: true }) { edges { node { id } } } }');
        return loans.edges.length ? loans.edges.map((e) => e.node.id) : undefined;
      },
      { what: "the rep to see her customer's overdue loan" },
    );
    expect(overdue).toEqual([loan.id]);
    const flagged = await system.must<{ flagOverdueLoans: { id: string }[] }>(clerk, 'mutation { flagOverdueLoans { id } }');
    expect(flagged.flagOverdueLoans.map((l) => l.id)).toEqual([loan.id]);
    expect((await system.must<{ flagOverdueLoans: { id: string }[] }>(clerk, 'mutation { flagOverdueLoans { id } }')).flagOverdueLoans).toEqual([]);
    // The reminder reaches the rep who owns the customer: a to-do in her reminders (customers, from the overdue event).
    const todo = await waitFor(
      async () => {
        const { activities } = await system.must<{
          activities: { edges: { node: { kind: string; subject: string; nextStepDue: string; assignee: { id: string } | null; customer: { id: string } } }[] };
        }>(rep, 'query($f: ActivityFilter) { activities(filter: $f) { edges { node { kind subject nextStepDue assignee { id } customer { id } } } } }', {
          f: { assigneeId: repId, dueBefore: day(1) },
        });
        return activities.edges.length ? activities.edges.map((e) => e.node) : undefined;
      },
      { what: 'the overdue loan to-do of the rep' },
    );
    expect(todo).toEqual([{ kind: 'TASK', subject: `Loan ${loan.number} is overdue`, nextStepDue: day(0), assignee: { id: repId }, customer: { id: customerId } }]);

    const over = await system.as(clerk, 'mutation($l: ID!) { returnLoan(input: { loanId: $l, quantity: "5" }) { id } }', { l: loan.id });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quantity' });
    const back = await system.must<{ returnLoan: { state: string; open: string } }>(
      clerk,
      'mutation($l: ID!) { returnLoan(input: { loanId: $l, quantity: "1" }) { state open } }',
      {
        l: loan.id,
      },
    );
    expect(back.returnLoan).toEqual({ state: 'PARTLY_RETURNED', open: '3' });
    const kept = await system.must<{ convertLoan: { state: string; converted: string; overdue: boolean } }>(
      clerk,
      'mutation($l: ID!) { convertLoan(input: { loanId: $l, unitPrice: { amount: "35", currency: "EUR" } }) { state converted overdue } }',
      { l: loan.id },
    );
    expect(kept.convertLoan).toEqual({ state: 'KEPT', converted: '3', overdue: false });
    expect(await onHand()).toBe('14');

    const announced = await waitFor(
      async () => {
        const types = messages.filter((m) => m.key === loan.id).map((m) => m.event.type);
        return types.length >= 4 ? types : undefined;
      },
      { what: 'the loan events on Kafka' },
    );
    expect(announced).toEqual(['inventory.loan.lent.v1', 'inventory.loan.overdue.v1', 'inventory.loan.returned.v1', 'inventory.loan.converted.v2']);
    expect(eventsOf('inventory.loan.converted.v2', loan.id)[0]!.data).toMatchObject({
      customerId,
      productId,
      quantity: '3',
      unitPrice: { amount: '35.00', currency: 'EUR' },
      unitCost: { amount: '17.50', currency: 'EUR' },
    });
    loanNumber = loan.number;
  });

  it('makes the kept goods a sales order in sales, delivered at once and invoiceable in finance, without reserving or moving stock again', async () => {
    type Order = {
      id: string;
      status: string;
      origin: string;
      loanNumber: string | null;
      lines: { productId: string; quantity: string; unitPrice: { amount: string }; reservedQuantity: string; deliveredQuantity: string; toInvoiceQuantity: string }[];
    };
    const order = await waitFor(
      async () => {
        const { salesOrders } = await system.must<{ salesOrders: { edges: { node: Order }[] } }>(
          rep,
          'query($c: ID!) { salesOrders(filter: { customerId: $c }) { edges { node { id status origin loanNumber lines { productId quantity unitPrice { amount } reservedQuantity deliveredQuantity toInvoiceQuantity } } } } }',
          { c: customerId },
        );
        const found = salesOrders.edges.map((e) => e.node).find((o) => o.loanNumber === loanNumber);
        return found?.status === 'DELIVERED' ? found : undefined;
      },
      { what: "the kept loan's order, delivered, in sales" },
    );
    expect(order).toMatchObject({
      origin: 'LOAN',
      lines: [{ productId, quantity: '3', unitPrice: { amount: '35.00' }, reservedQuantity: '0', deliveredQuantity: '3', toInvoiceQuantity: '3' }],
    });
    const accountant = (await system.createUser({ email: 'lotte.ledger@rapport.example', displayName: 'Lotte Ledger', role: 'ACCOUNTANT' })).token;
    const lines = await waitFor(
      async () => {
        const { invoiceableLines } = await system.must<{ invoiceableLines: { ordered: string; delivered: string; invoiceable: string }[] }>(
          accountant,
          'query($o: ID!) { invoiceableLines(orderId: $o) { ordered delivered invoiceable } }',
          { o: order.id },
        );
        return invoiceableLines.length && invoiceableLines[0]!.delivered === '3' ? invoiceableLines : undefined;
      },
      { what: "finance to see the kept loan's order delivered" },
    );
    expect(lines).toEqual([{ ordered: '3', delivered: '3', invoiceable: '3' }]);
    // Nothing reserved, nothing moved: the goods left once, when lent (the ledger check runs after the file too).
    expect(await onHand()).toBe('14');
    const { product } = await system.must<{ product: { stock: { warehouse: { id: string } | null; reserved: string }[] } }>(
      clerk,
      'query($id: ID!) { product(id: $id) { stock { warehouse { id } reserved } } }',
      { id: productId },
    );
    expect(product.stock.find((l) => l.warehouse?.id === warehouseId)?.reserved).toBe('0');
    await system.expectStockBalanced();
  });
});
