import { randomUUID } from 'node:crypto';
import { type GraphQLResult, type TestPrincipal, useTwoRepsOwningCustomers } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSalesSubgraph } from '../../testing.js';
import { productSnapshot, seedCatalogue } from '../catalogue/catalogue.testing.js';

const subgraph = useSalesSubgraph();
const pump = productSnapshot({ name: 'Pump P-40', listPrice: { amount: '1290.00', currency: 'EUR' } });
const valve = productSnapshot({ name: 'Valve V-2', listPrice: { amount: '19.99', currency: 'EUR' } });
const retired = productSnapshot({ name: 'Old pump', active: false });

const eur = (amount: string) => ({ amount, currency: 'EUR' });
interface Money {
  amount: string;
  currency: string;
}
interface QLine {
  id: string;
  productId: string;
  description: string;
  quantity: string;
  unitPrice: Money;
  unitPriceGross: Money;
  priceEntry: string;
  discountPercent: string;
  taxRate: string;
  netAmount: Money;
  lastPrice: { unitPrice: Money; discount: string; orderNumber: string; date: string } | null;
}
interface Q {
  id: string;
  number: string;
  revision: number;
  status: string;
  currency: string;
  validUntil: string;
  terms: string | null;
  customer: { id: string };
  opportunity: { id: string } | null;
  lines: QLine[];
  netTotal: Money;
  taxTotal: Money;
  grossTotal: Money;
  taxes: { taxRate: string; net: Money; tax: Money; gross: Money }[];
  copiedFrom: { id: string } | null;
  revisionOf: { id: string } | null;
  supersededBy: { id: string } | null;
  rejectionReason: string | null;
  order: { id: string; number: string } | null;
}
const fields = `id number revision status currency validUntil terms customer { id } opportunity { id }
  lines { id productId description quantity unitPrice { amount currency } unitPriceGross { amount currency } priceEntry discountPercent taxRate netAmount { amount currency }
          lastPrice { unitPrice { amount currency } discount orderNumber date } }
  netTotal { amount currency } taxTotal { amount currency } grossTotal { amount currency } taxes { taxRate net { amount currency } tax { amount currency } gross { amount currency } }
  copiedFrom { id } revisionOf { id } supersededBy { id } rejectionReason order { id number }`;

async function ok<T>(result: Promise<GraphQLResult<T>>): Promise<T> {
  const r = await result;
  expect(r.errors).toBeUndefined();
  if (!r.data) throw new Error('no data');
  return r.data;
}
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

const create = (input: Record<string, unknown>, as?: TestPrincipal) =>
  as
    ? subgraph.gqlAs<{ createQuotation: Q }>(as, `mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { ${fields} } }`, { input })
    : subgraph.gql<{ createQuotation: Q }>(`mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { ${fields} } }`, { input });
const draft = async (
  customerId: string,
  lines: Record<string, unknown>[] = [{ productId: pump.productId, quantity: '2', unitPrice: eur('1000'), taxRate: '19' }],
  extra: Record<string, unknown> = {},
) => (await ok(create({ customerId, currency: 'EUR', lines, ...extra }))).createQuotation;
const step =
  (name: string, args = '') =>
  (id: string) =>
    subgraph.gql<Record<string, Q>>(`mutation($id: ID!) { ${name}(id: $id${args}) { ${fields} } }`, { id });
const send = step('sendQuotation');
const accept = step('acceptQuotation');
const reject = step('rejectQuotation', ', reason: "Too expensive"');
const revise = step('reviseQuotation');
const convert = (id: string, lines?: { quotationLineId: string; quantity?: string }[]) =>
  subgraph.gql<{
    convertQuotation: {
      id: string;
      number: string;
      quotation: { id: string };
      total: Money;
      taxTotal: Money;
      grossTotal: Money;
      lines: { quantity: string; unitPrice: Money; discountPercent: string; taxRate: string; lineTotal: Money }[];
    };
  }>(
    `mutation($id: ID!, $lines: [ConvertQuotationLineInput!]) { convertQuotation(id: $id, lines: $lines) { id number quotation { id } total { amount currency } taxTotal { amount currency } grossTotal { amount currency }
      lines { quantity unitPrice { amount currency } discountPercent taxRate lineTotal { amount currency } } } }`,
    { id, lines },
  );
const read = async (id: string) => (await ok(subgraph.gql<{ quotation: Q }>(`query($id: ID!) { quotation(id: $id) { ${fields} } }`, { id }))).quotation;
const reason = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions;

beforeAll(async () => {
  await seedCatalogue(subgraph, pump, valve, retired);
});

describe('quotations', () => {
  it('numbers quotations Q-000001, … without gaps, also when drafted concurrently', async () => {
    const customerId = randomUUID();
    const drafts = await Promise.all(Array.from({ length: 6 }, () => draft(customerId)));
    const numbers = drafts.map((q) => q.number).sort();
    expect(numbers).toEqual(['Q-000001', 'Q-000002', 'Q-000003', 'Q-000004', 'Q-000005', 'Q-000006']);
    // A refused draft takes no number.
    expect(reason(await create({ customerId, currency: 'EUR', lines: [{ productId: retired.productId, quantity: '1' }] }))).toMatchObject({ reason: 'PRODUCT_INACTIVE' });
    expect((await draft(customerId)).number).toBe('Q-000007');
  });

  it('prices lines exactly: discounts, tax-inclusive prices with both shown, totals per tax rate rounded half up at the cent', async () => {
    const q = await draft(randomUUID(), [
      { productId: pump.productId, quantity: '3', unitPrice: eur('0.3333'), discountPercent: '12.5', taxRate: '19' },
      { productId: valve.productId, description: 'Valve, brass', quantity: '1', unitPriceGross: eur('1290'), taxRate: '19' },
      { productId: valve.productId, quantity: '2.5', unitPrice: eur('3.3333'), taxRate: '7' },
    ]);
    expect(q.lines.map((l) => [l.description, l.unitPrice.amount, l.unitPriceGross.amount, l.priceEntry, l.discountPercent, l.netAmount.amount])).toEqual([
      ['Pump P-40', '0.3333', '0.3966', 'NET', '12.5', '0.8749'],
      ['Valve, brass', '1084.0336', '1290.00', 'GROSS', '0', '1084.0336'],
      ['Valve V-2', '3.3333', '3.5666', 'NET', '0', '8.3333'],
    ]);
    // 19 %: 0.8749 + 1084.0336 = 1084.9085 → 1084.91, tax 206.1329 → 206.13; 7 %: 8.3333 → 8.33, tax 0.5831 → 0.58.
    expect(q.taxes).toEqual([
      { taxRate: '7', net: eur('8.33'), tax: eur('0.58'), gross: eur('8.91') },
      { taxRate: '19', net: eur('1084.91'), tax: eur('206.13'), gross: eur('1291.04') },
    ]);
    expect([q.netTotal, q.taxTotal, q.grossTotal]).toEqual([eur('1093.24'), eur('206.71'), eur('1299.95')]);
    expect(q).toMatchObject({ status: 'DRAFT', revision: 1, currency: 'EUR', terms: null, copiedFrom: null });
  });

  it("offers the customer's last order price and discount for a line without a price, else the list price, and shows the last price on the line", async () => {
    const customerId = randomUUID();
    const order = await ok(
      subgraph.gql<{ placeOrder: { number: string; confirmedAt: string } }>('mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { number confirmedAt } }', {
        input: { customerId, currency: 'EUR', lines: [{ productId: pump.productId, quantity: '1', unitPrice: eur('1150'), discountPercent: '5' }] },
      }),
    );
    const q = await draft(customerId, [
      { productId: pump.productId, quantity: '1', taxRate: '19' },
      { productId: valve.productId, quantity: '1' },
    ]);
    expect(q.lines[0]).toMatchObject({ unitPrice: eur('1150.00'), discountPercent: '5', netAmount: eur('1092.50') });
    expect(q.lines[0]!.lastPrice).toEqual({ unitPrice: eur('1150.00'), discount: '5', orderNumber: order.placeOrder.number, date: order.placeOrder.confirmedAt.slice(0, 10) });
    expect(q.lines[1]).toMatchObject({ unitPrice: eur('19.99'), discountPercent: '0', lastPrice: null });
    const elsewhere = await draft(randomUUID(), [{ productId: pump.productId, quantity: '1' }]);
    expect(elsewhere.lines[0]).toMatchObject({ unitPrice: eur('1290.00'), lastPrice: null });
    // An order line shows the price of the order before it.
    const next = await ok(
      subgraph.gql<{ placeOrder: { lines: { unitPrice: Money; lastPrice: { unitPrice: Money; discount: string; orderNumber: string } | null }[] } }>(
        'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { lines { unitPrice { amount currency } lastPrice { unitPrice { amount currency } discount orderNumber } } } }',
        { input: { customerId, currency: 'EUR', lines: [{ productId: pump.productId, quantity: '1' }] } },
      ),
    );
    expect(next.placeOrder.lines[0]).toEqual({ unitPrice: eur('1150.00'), lastPrice: { unitPrice: eur('1150.00'), discount: '5', orderNumber: order.placeOrder.number } });
    const first = await ok(
      subgraph.gql<{ salesOrders: { edges: { node: { number: string; lines: { lastPrice: unknown }[] } }[] } }>(
        `query($c: ID!) { salesOrders(filter: { customerId: $c }) { edges { node { number lines { lastPrice { orderNumber } } } } } }`,
        { c: customerId },
      ),
    );
    expect(first.salesOrders.edges.map((e) => [e.node.number, e.node.lines[0]!.lastPrice])).toEqual([
      [expect.any(String), { orderNumber: order.placeOrder.number }],
      [order.placeOrder.number, null],
    ]);
  });

  it('is edited only as a draft: lines added and removed with totals recomputed, then sent, accepted and converted into an order once', async () => {
    const q = await draft(randomUUID(), [], { terms: 'Net 30 days' });
    const added = await ok(
      subgraph.gql<{ addQuotationLine: Q }>(`mutation($id: ID!, $line: SalesLineInput!) { addQuotationLine(quotationId: $id, line: $line) { ${fields} } }`, {
        id: q.id,
        line: { productId: pump.productId, quantity: '2', unitPrice: eur('1000'), discountPercent: '10', taxRate: '19' },
      }),
    );
    const twice = await ok(
      subgraph.gql<{ addQuotationLine: Q }>(`mutation($id: ID!, $line: SalesLineInput!) { addQuotationLine(quotationId: $id, line: $line) { ${fields} } }`, {
        id: q.id,
        line: { productId: valve.productId, quantity: '4', unitPrice: eur('20'), taxRate: '19' },
      }),
    );
    expect(twice.addQuotationLine.grossTotal).toEqual(eur('2237.20'));
    const removed = await ok(
      subgraph.gql<{ removeQuotationLine: Q }>(`mutation($id: ID!, $line: ID!) { removeQuotationLine(quotationId: $id, lineId: $line) { ${fields} } }`, {
        id: q.id,
        line: twice.addQuotationLine.lines[1]!.id,
      }),
    );
    expect(removed.removeQuotationLine).toMatchObject({ netTotal: eur('1800.00'), taxTotal: eur('342.00'), grossTotal: eur('2142.00') });
    expect(added.addQuotationLine.lines).toHaveLength(1);

    expect((await send(q.id)).data!.sendQuotation!.status).toBe('SENT');
    const edit = await subgraph.gql(`mutation($id: ID!) { updateQuotation(id: $id, input: { terms: "changed" }) { id } }`, { id: q.id });
    expect(reason(edit)).toMatchObject({ code: 'CONFLICT', reason: 'QUOTATION_NOT_EDITABLE' });
    const early = await convert(q.id);
    expect(reason(early)).toMatchObject({ code: 'CONFLICT', reason: 'QUOTATION_NOT_ACCEPTED' });
    expect((await accept(q.id)).data!.acceptQuotation!.status).toBe('ACCEPTED');

    const order = (await ok(convert(q.id))).convertQuotation;
    expect(order).toMatchObject({ quotation: { id: q.id }, total: eur('1800.00'), taxTotal: eur('342.00'), grossTotal: eur('2142.00') });
    expect(order.lines).toEqual([{ quantity: '2', unitPrice: eur('1000.00'), discountPercent: '10', taxRate: '19', lineTotal: eur('1800.00') }]);
    expect(await read(q.id)).toMatchObject({ status: 'CONVERTED', order: { id: order.id, number: order.number } });
    expect(reason(await convert(q.id))).toMatchObject({ code: 'CONFLICT', reason: 'QUOTATION_ALREADY_CONVERTED' });
    const outbox = await sql<{ type: string }>("select payload->>'type' as type from outbox_message where message_key in (?, ?) order by position", [q.id, order.id]);
    expect(outbox.map((o) => o.type)).toEqual(
      expect.arrayContaining(['sales.quotation.drafted.v1', 'sales.quotation.sent.v1', 'sales.quotation.accepted.v1', 'sales.quotation.converted.v1', 'sales.order.confirmed.v2']),
    );
  });

  it('converts chosen lines and quantities, never more than quoted', async () => {
    const q = await draft(randomUUID(), [
      { productId: pump.productId, quantity: '5', unitPrice: eur('100'), taxRate: '19' },
      { productId: valve.productId, quantity: '3', unitPrice: eur('10'), taxRate: '7' },
    ]);
    await send(q.id);
    await accept(q.id);
    const tooMuch = await convert(q.id, [{ quotationLineId: q.lines[0]!.id, quantity: '5.001' }]);
    expect(reason(tooMuch)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines.0.quantity', reason: 'MORE_THAN_QUOTED' });
    const foreign = await convert(q.id, [{ quotationLineId: randomUUID() }]);
    expect(reason(foreign)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines.0.quotationLineId' });
    expect((await read(q.id)).status).toBe('ACCEPTED');
    const order = (await ok(convert(q.id, [{ quotationLineId: q.lines[0]!.id, quantity: '2' }]))).convertQuotation;
    expect(order.lines.map((l) => [l.quantity, l.lineTotal.amount])).toEqual([['2', '200.00']]);
    expect(order.grossTotal).toEqual(eur('238.00'));
  });

  it('shows a sent quotation past its validity as EXPIRED, refuses to accept it (QUOTATION_EXPIRED), and revises it as Q-…-2 keeping the old', async () => {
    const q = await draft(randomUUID());
    await send(q.id);
    // Time passes: the validity date is yesterday.
    await sql(`update quotation set valid_until = current_date - 1 where id = ?`, [q.id]);
    expect((await read(q.id)).status).toBe('EXPIRED');
    expect(reason(await accept(q.id))).toMatchObject({ code: 'CONFLICT', reason: 'QUOTATION_EXPIRED' });
    const expired = await ok(subgraph.gql<{ quotations: { edges: { node: { id: string } }[] } }>('{ quotations(filter: { status: EXPIRED }) { edges { node { id } } } }'));
    expect(expired.quotations.edges.map((e) => e.node.id)).toContain(q.id);

    const next = (await ok(revise(q.id))).reviseQuotation!;
    expect(next).toMatchObject({ number: `${q.number}-2`, revision: 2, status: 'DRAFT', revisionOf: { id: q.id }, grossTotal: q.grossTotal });
    expect(next.validUntil > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(await read(q.id)).toMatchObject({ status: 'EXPIRED', supersededBy: { id: next.id }, lines: q.lines });
    expect(reason(await revise(q.id))).toMatchObject({ code: 'CONFLICT', reason: 'QUOTATION_NOT_REVISABLE' });
    await send(next.id);
    expect((await ok(revise(next.id))).reviseQuotation!.number).toBe(`${q.number}-3`);
  });

  it('refuses to accept a superseded version, and records a rejection with its reason', async () => {
    const q = await draft(randomUUID());
    await send(q.id);
    await revise(q.id);
    expect(reason(await accept(q.id))).toMatchObject({ code: 'CONFLICT', reason: 'QUOTATION_NOT_ACCEPTABLE' });
    const other = await draft(randomUUID());
    await send(other.id);
    expect((await ok(reject(other.id))).rejectQuotation).toMatchObject({ status: 'REJECTED', rejectionReason: 'Too expensive' });
    expect(reason(await accept(other.id))).toMatchObject({ code: 'CONFLICT', reason: 'QUOTATION_NOT_ACCEPTABLE' });
  });

  it('copies a quotation as a new draft, for the same or another customer', async () => {
    const customerId = randomUUID();
    const q = await draft(customerId, undefined, { terms: 'Ex works' });
    await send(q.id);
    const same = (await ok(subgraph.gql<{ copyQuotation: Q }>(`mutation($id: ID!) { copyQuotation(id: $id) { ${fields} } }`, { id: q.id }))).copyQuotation;
    const otherCustomer = randomUUID();
    const other = (
      await ok(subgraph.gql<{ copyQuotation: Q }>(`mutation($id: ID!, $c: ID!) { copyQuotation(id: $id, customerId: $c) { ${fields} } }`, { id: q.id, c: otherCustomer }))
    ).copyQuotation;
    for (const copy of [same, other]) {
      expect(copy).toMatchObject({ status: 'DRAFT', revision: 1, copiedFrom: { id: q.id }, terms: 'Ex works', grossTotal: q.grossTotal });
      expect(copy.number).not.toBe(q.number);
      expect(copy.lines.map((l) => [l.productId, l.quantity, l.unitPrice, l.taxRate])).toEqual(q.lines.map((l) => [l.productId, l.quantity, l.unitPrice, l.taxRate]));
    }
    expect([same.customer.id, other.customer.id]).toEqual([customerId, otherCustomer]);
    expect((await read(q.id)).status).toBe('SENT');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const customerId = randomUUID();
    const line = { productId: pump.productId, quantity: '1', unitPrice: eur('10') };
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const otherOpportunity = (
      await ok(
        subgraph.gql<{ openOpportunity: { id: string } }>('mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }', {
          input: { customerId: randomUUID(), title: 'Elsewhere', amount: eur('1') },
        }),
      )
    ).openOpportunity.id;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ lines: [line, { ...line, productId: randomUUID() }] }, 'input.lines.1.productId', 'PRODUCT_NOT_FOUND'],
      [{ lines: [{ ...line, productId: retired.productId }] }, 'input.lines.0.productId', 'PRODUCT_INACTIVE'],
      [{ lines: [{ ...line, unitPrice: { amount: '10', currency: 'USD' } }] }, 'input.lines.0.unitPrice.currency', 'CURRENCY_MISMATCH'],
      [{ currency: 'USD', lines: [{ productId: pump.productId, quantity: '1' }] }, 'input.lines.0.unitPrice', 'CURRENCY_MISMATCH'],
      [{ lines: [{ ...line, quantity: '-1' }] }, 'input.lines.0.quantity', 'NEGATIVE_QUANTITY'],
      [{ lines: [{ ...line, quantity: '1.0001' }] }, 'input.lines.0.quantity', 'QUANTITY_TOO_PRECISE'],
      [{ lines: [{ ...line, unitPrice: eur('1.00001') }] }, 'input.lines.0.unitPrice.amount', 'INVALID_AMOUNT'],
      [{ lines: [{ ...line, unitPrice: eur('-5') }] }, 'input.lines.0.unitPrice.amount', 'NEGATIVE_AMOUNT'],
      [{ lines: [{ ...line, discountPercent: '100.01' }] }, 'input.lines.0.discountPercent', 'INVALID_DISCOUNT'],
      [{ validUntil: yesterday }, 'input.validUntil', 'VALIDITY_IN_PAST'],
      [{ opportunityId: otherOpportunity }, 'input.opportunityId', 'OPPORTUNITY_OF_ANOTHER_CUSTOMER'],
    ];
    const before = await sql<{ n: number }>('select count(*)::int as n from quotation');
    for (const [overrides, field, code] of cases) {
      expect(reason(await create({ customerId, currency: 'EUR', lines: [line], ...overrides })), field).toMatchObject({ code: 'BAD_USER_INPUT', field, reason: code });
    }
    expect(await sql<{ n: number }>('select count(*)::int as n from quotation')).toEqual(before);
  });
});

describe('quotations through federation and visibility', () => {
  const { repA, repB, customerA, customerB } = useTwoRepsOwningCustomers(() => subgraph);

  it('answers Customer.openQuotations and Opportunity.quotations, each batched, with only the quotations the caller may see', async () => {
    const opportunityA = (
      await ok(
        subgraph.gqlAs<{ openOpportunity: { id: string } }>(repA, 'mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }', {
          input: { customerId: customerA, title: 'Plant', amount: eur('5000') },
        }),
      )
    ).openOpportunity.id;
    const line = [{ productId: pump.productId, quantity: '1', unitPrice: eur('10') }];
    const open = (await ok(create({ customerId: customerA, currency: 'EUR', opportunityId: opportunityA, lines: line }, repA))).createQuotation;
    const rejected = (await ok(create({ customerId: customerA, currency: 'EUR', opportunityId: opportunityA, lines: line }, repA))).createQuotation;
    await send(rejected.id);
    await reject(rejected.id);
    const ofB = (await ok(create({ customerId: customerB, currency: 'EUR', lines: line }, repB))).createQuotation;

    subgraph.resetQueries();
    const entities = await ok(
      subgraph.gqlAs<{ _entities: unknown[] }>(
        repA,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { openQuotations { id } } ... on Opportunity { quotations { id status } } ... on Quotation { id } } }`,
        {
          r: [
            { __typename: 'Customer', id: customerA },
            { __typename: 'Customer', id: customerB },
            { __typename: 'Opportunity', id: opportunityA },
            { __typename: 'Quotation', id: open.id },
            { __typename: 'Quotation', id: ofB.id },
          ],
        },
      ),
    );
    expect(entities._entities).toEqual([
      { openQuotations: [{ id: open.id }] },
      { openQuotations: [] },
      {
        quotations: [
          { id: rejected.id, status: 'REJECTED' },
          { id: open.id, status: 'DRAFT' },
        ],
      },
      { id: open.id },
      null,
    ]);
    expect(subgraph.queries.filter((q) => /from "quotation" as "q"/.test(q))).toHaveLength(3);
    const other = await subgraph.gqlAs(repA, `query($id: ID!) { quotation(id: $id) { id } }`, { id: ofB.id });
    expect(reason(other)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const sendOther = await subgraph.gqlAs(repA, `mutation($id: ID!) { sendQuotation(id: $id) { id } }`, { id: ofB.id });
    expect(reason(sendOther)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps quotations from departments outside sales (FORBIDDEN)', async () => {
    for (const role of ['WAREHOUSE_CLERK', 'ACCOUNTANT', 'SUPPORT_AGENT'] as const) {
      expect(reason(await subgraph.gqlAs({ role }, '{ quotations { edges { node { id } } } }')), role).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
