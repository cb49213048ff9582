import { createKafka } from '@rapport/bus';
import { CreditHoldChangedV1, type CloudEvent } from '@rapport/contracts';
import { testKafkaBrokers, waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, type TestSystem } from './harness.js';

// Credit hold through the gateway (finance's side): a rep's customer has an invoice that reaches
// the last dunning level, so the customer goes on hold — shown on the customer through federation
// and announced on Kafka (finance.credit-hold.changed.v1, keyed by the customer, for sales) — and
// comes off when the invoice is paid; a second hold is released by the accountant with a comment,
// which a rep may not do. Sales learns each change from the event and warns on the rep's orders
// (an order for a customer on hold goes through, carrying the hold), across the real services.

let system: TestSystem;
let accountant = '';
let rep = '';
let customerId = '';
let productId = '';
type Kafka = ReturnType<typeof createKafka>;
let consumer: ReturnType<Kafka['consumer']>;
const seen: { key: string | undefined; event: CloudEvent }[] = [];
/** Waits until `count` hold changes of the customer arrived on Kafka. */
const holdEventsArrived = (count: number) => waitFor(async () => (holdEvents().length >= count ? true : undefined), { what: `${count} credit-hold events on Kafka` });
const holdEvents = () =>
  seen.filter((m) => m.event.type === CreditHoldChangedV1.type && m.key === customerId).map((m) => m.event.data as { onHold: boolean; reason: string | null });

/** An order the rep places for the customer (it goes through whatever the hold). */
const placeOrder = async (): Promise<string> =>
  (
    await system.mustOnceCustomerKnown<{ placeOrder: { id: string } }>(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
      i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '1', unitPrice: { amount: '100.00', currency: 'EUR' } }] },
    })
  ).placeOrder.id;
type Warning = { onHold: boolean; reason: string | null } | null;
/** Waits until sales shows the order's credit-hold warning as `wanted` (sales learns holds from finance's events). */
const orderWarning = (orderId: string, wanted: (w: Warning) => boolean) =>
  waitFor(
    async () => {
      const { salesOrder } = await system.must<{ salesOrder: { creditHold: Warning } }>(rep, 'query($id: ID!) { salesOrder(id: $id) { creditHold { onHold reason } } }', {
        id: orderId,
      });
      return wanted(salesOrder.creditHold) ? { warning: salesOrder.creditHold } : undefined;
    },
    { what: 'sales to show the credit hold on the order' },
  );

const RUN = 'mutation { runDunning { reminders { level invoice { number } } } }';
const HOLD = 'query($id: ID!) { customer(id: $id) { name creditHold { onHold reason since releaseComment } } }';
interface Held {
  customer: { name: string; creditHold: { onHold: boolean; reason: string | null; since: string | null; releaseComment: string | null } | null };
}

async function overdueInvoice(amount: string): Promise<{ id: string; number: string }> {
  return (
    await system.mustOnceCustomerKnown<{ issueFreeInvoice: { id: string; number: string } }>(
      accountant,
      'mutation($i: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $i) { id number } }',
      { i: { customerId, currency: 'EUR', issueDate: day(-60), dueDate: day(-30), lines: [{ description: 'Pumps', quantity: '1', unitPrice: amount, taxRate: '19' }] } },
    )
  ).issueFreeInvoice;
}

beforeAll(async () => {
  system = await startTestSystem('finance-credit-hold');
  accountant = (await system.createUser({ email: 'hanna.hold@rapport.example', role: 'ACCOUNTANT' })).token;
  rep = (await system.createUser({ email: 'rudi.hold.rep@rapport.example', role: 'SALES_REP' })).token;
  const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'finance-credit-hold-test', logger: system.logger });
  const prefix = system.subgraphs.finance.topicPrefix;
  consumer = kafka.consumer({ groupId: `${prefix}finance-credit-hold-test` });
  await consumer.connect();
  await consumer.subscribe({ topics: [`${prefix}${CreditHoldChangedV1.topic}`], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.value) seen.push({ key: message.key?.toString(), event: JSON.parse(message.value.toString()) as CloudEvent });
    },
  });
  await system.must(accountant, 'mutation($l: [DunningLevelInput!]!) { setDunningLevels(levels: $l) { level } }', {
    l: [
      { daysAfterDue: 7, text: 'Friendly reminder.' },
      { daysAfterDue: 21, fee: '15.00', text: 'Last reminder before we stop deliveries.' },
    ],
  });
  customerId = (await system.must<{ createCustomer: { id: string } }>(rep, 'mutation { createCustomer(input: { name: "Sperre Test GmbH", kind: COMPANY }) { id } }')).createCustomer
    .id;
  productId = (
    await system.must<{ createProduct: { id: string } }>(
      system.adminToken,
      'mutation { createProduct(input: { sku: "HOLD-PUMP", name: "Pump H-1", listPrice: { amount: "100", currency: "EUR" }, standardCost: { amount: "50", currency: "EUR" } }) { id } }',
    )
  ).createProduct.id;
  await system.untilSellable(productId);
}, 240_000);
afterAll(async () => {
  await consumer?.disconnect();
  await system?.stop();
});

describe('credit hold through the gateway', () => {
  it('puts the customer on hold at the last reminder level, shows it to the rep, announces it on Kafka, and lifts it when the invoice is paid', async () => {
    const invoice = await overdueInvoice('1000.00');
    await system.must(accountant, RUN);
    expect((await system.must<Held>(rep, HOLD, { id: customerId })).customer.creditHold).toBeNull();
    const last = await system.must<{ runDunning: { reminders: { level: number; invoice: { number: string } | null }[] } }>(accountant, RUN);
    expect(last.runDunning.reminders).toEqual([{ level: 2, invoice: { number: invoice.number } }]);

    const held = await system.must<Held>(rep, HOLD, { id: customerId });
    expect(held.customer).toMatchObject({ name: 'Sperre Test GmbH', creditHold: { onHold: true, reason: `${invoice.number} reached reminder level 2, the last` } });
    await holdEventsArrived(1);
    expect(holdEvents()).toEqual([expect.objectContaining({ customerId, onHold: true, reason: `${invoice.number} reached reminder level 2, the last` })]);
    // Sales warns on an order placed while the customer is on hold.
    const heldOrder = await placeOrder();
    expect((await orderWarning(heldOrder, (w) => w !== null)).warning).toEqual({ onHold: true, reason: `${invoice.number} reached reminder level 2, the last` });

    await system.must(accountant, 'mutation($i: ReceivePaymentInput!) { receivePayment(input: $i) { id } }', {
      i: { customerId, amount: { amount: '1190.00', currency: 'EUR' }, method: 'BANK_TRANSFER', receivedOn: day(0), allocations: [{ invoiceId: invoice.id, amount: '1190.00' }] },
    });
    expect((await system.must<Held>(rep, HOLD, { id: customerId })).customer.creditHold).toMatchObject({ onHold: false, since: null });
    await holdEventsArrived(2);
    expect(holdEvents()[1]).toMatchObject({ customerId, onHold: false, reason: null });
    // Released: the warning goes from the orders once sales has the event; a new order carries none.
    expect((await orderWarning(heldOrder, (w) => w === null)).warning).toBeNull();
    expect((await orderWarning(await placeOrder(), (w) => w === null)).warning).toBeNull();
  });

  it('lets the accountant, not the rep, release a hold with a comment', async () => {
    await overdueInvoice('250.00');
    await system.must(accountant, RUN);
    await system.must(accountant, RUN);
    expect((await system.must<Held>(rep, HOLD, { id: customerId })).customer.creditHold).toMatchObject({ onHold: true });
    const release = 'mutation($i: ReleaseCreditHoldInput!) { releaseCreditHold(input: $i) { onHold releaseComment } }';
    const byRep = await system.as(rep, release, { i: { customerId, comment: 'They always pay' } });
    expect(byRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const released = await system.must<{ releaseCreditHold: { onHold: boolean; releaseComment: string } }>(accountant, release, {
      i: { customerId, comment: 'Payment plan agreed on the phone' },
    });
    expect(released.releaseCreditHold).toEqual({ onHold: false, releaseComment: 'Payment plan agreed on the phone' });
    await holdEventsArrived(4);
    expect(holdEvents().map((e) => e.onHold)).toEqual([true, false, true, false]);
  });
});
