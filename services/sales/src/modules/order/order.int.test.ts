import { randomUUID } from 'node:crypto';
import { expectHiddenLikeUnknown, useTwoRepsOwningCustomers, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { productSnapshot, seedCatalogue } from '../catalogue/catalogue.testing.js';
import { representations, useSalesSubgraph } from '../../testing.js';

const customerId = '0191b3a0-0000-7000-8000-0000000000c1';
const pumpId = '0191b3a0-0000-7000-8000-0000000000a1';
const valveId = '0191b3a0-0000-7000-8000-0000000000a2';
const unknownId = '0191b3a0-0000-7000-8000-000000000999';
const retiredId = '0191b3a0-0000-7000-8000-0000000000a3';
const subgraph = useSalesSubgraph({
  seed: (started) =>
    seedCatalogue(
      started,
      productSnapshot({ productId: pumpId, name: 'Pump' }),
      productSnapshot({ productId: valveId, name: 'Valve' }),
      productSnapshot({ productId: retiredId, name: 'Old pump', active: false }),
    ),
});

interface Line {
  id: string;
  productId: string;
  product: { id: string };
  quantity: string;
  unitPrice: { amount: string; currency: string };
  lineTotal: { amount: string; currency: string };
}
interface OrderResult {
  id: string;
  number: string;
  status: string;
  customer: { id: string };
  lines: Line[];
  total: { amount: string; currency: string };
  confirmedAt: string;
  cancelledAt: string | null;
}

const fields =
  'id number status customer { id } lines { id productId product { id } quantity unitPrice { amount currency } lineTotal { amount currency } } total { amount currency } confirmedAt cancelledAt';
const placeOrder = `mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { ${fields} } }`;
const cancelOrder = `mutation Cancel($id: ID!) { cancelOrder(id: $id) { ${fields} } }`;

const orderFactory = (overrides: Record<string, unknown> = {}) => ({
  customerId,
  currency: 'EUR',
  lines: [
    { productId: pumpId, quantity: '3', unitPrice: { amount: '0.10', currency: 'EUR' } },
    { productId: valveId, quantity: '1.5', unitPrice: { amount: '19.99', currency: 'EUR' } },
  ],
  ...overrides,
});

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const count = async (table: string): Promise<number> => (await sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n ?? 0;

async function place(overrides: Record<string, unknown> = {}): Promise<OrderResult> {
  const result = await subgraph.gql<{ placeOrder: OrderResult }>(placeOrder, { input: orderFactory(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!.placeOrder;
}

describe('sales orders', () => {
  it('places an order with exact totals and writes sales.order.confirmed.v2 to the outbox in the same transaction', async () => {
    const order = await place();
    expect(order).toMatchObject({
      number: 'SO-000001',
      status: 'CONFIRMED',
      customer: { id: customerId },
      // The lines' 30.285 rounded half up at the currency's minor unit (cents).
      total: { amount: '30.29', currency: 'EUR' },
      cancelledAt: null,
      lines: [
        { productId: pumpId, product: { id: pumpId }, quantity: '3', unitPrice: { amount: '0.10', currency: 'EUR' }, lineTotal: { amount: '0.30', currency: 'EUR' } },
        { productId: valveId, product: { id: valveId }, quantity: '1.5', unitPrice: { amount: '19.99', currency: 'EUR' }, lineTotal: { amount: '29.985', currency: 'EUR' } },
      ],
    });
    const outbox = await sql<{ type: string; topic: string; payload: { data: Record<string, unknown> } }>('select type, topic, payload from outbox_message where message_key = ?', [
      order.id,
    ]);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ type: 'sales.order.confirmed.v2', topic: 'sales.order' });
    expect(outbox[0]?.payload.data).toEqual({
      orderId: order.id,
      customerId,
      number: 'SO-000001',
      currency: 'EUR',
      total: { amount: '30.29', currency: 'EUR' },
      warehouseId: null,
      lines: [
        { lineId: order.lines[0]!.id, productId: pumpId, quantity: '3', unitPrice: { amount: '0.10', currency: 'EUR' }, discountPercent: '0', taxRate: '0' },
        { lineId: order.lines[1]!.id, productId: valveId, quantity: '1.5', unitPrice: { amount: '19.99', currency: 'EUR' }, discountPercent: '0', taxRate: '0' },
      ],
      confirmedAt: order.confirmedAt,
    });
  });

  it('numbers orders from a sequence', async () => {
    const second = await place();
    const third = await place();
    expect([second.number, third.number]).toEqual(['SO-000002', 'SO-000003']);
  });

  it('rejects a line in another currency, naming that line, and writes nothing', async () => {
    const ordersBefore = await count('sales_order');
    const linesBefore = await count('sales_order_line');
    const outboxBefore = await count('outbox_message');
    const result = await subgraph.gql(placeOrder, {
      input: orderFactory({
        lines: [
          { productId: pumpId, quantity: '1', unitPrice: { amount: '10', currency: 'EUR' } },
          { productId: valveId, quantity: '1', unitPrice: { amount: '10', currency: 'USD' } },
        ],
      }),
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.1.unitPrice.currency' });
    expect([await count('sales_order'), await count('sales_order_line'), await count('outbox_message')]).toEqual([ordersBefore, linesBefore, outboxBefore]);
  });

  it('rejects bad input naming the field', async () => {
    const line = { productId: pumpId, quantity: '1', unitPrice: { amount: '10', currency: 'EUR' } };
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ customerId: '42' }, 'input.customerId'],
      [{ currency: 'euro' }, 'input.currency'],
      [{ lines: [] }, 'input.lines'],
      [{ lines: [line, { ...line, productId: 'pump' }] }, 'input.lines.1.productId'],
      [{ lines: [{ ...line, quantity: '0' }] }, 'input.lines.0.quantity'],
      [{ lines: [{ ...line, quantity: '1.2345' }] }, 'input.lines.0.quantity'],
      [{ lines: [{ ...line, quantity: '-2' }] }, 'input.lines.0.quantity'],
      [{ lines: [{ ...line, unitPrice: { amount: '-1', currency: 'EUR' } }] }, 'input.lines.0.unitPrice.amount'],
      [{ lines: [{ ...line, unitPrice: { amount: '1.23456', currency: 'EUR' } }] }, 'input.lines.0.unitPrice.amount'],
      [{ lines: [line, { ...line, productId: unknownId }] }, 'input.lines.1.productId', 'PRODUCT_NOT_FOUND'],
      [{ lines: [{ ...line, productId: retiredId }] }, 'input.lines.0.productId', 'PRODUCT_INACTIVE'],
      [{ lines: [{ ...line, discountPercent: '100.5' }] }, 'input.lines.0.discountPercent', 'INVALID_DISCOUNT'],
      [{ lines: [{ ...line, discountPercent: '-1' }] }, 'input.lines.0.discountPercent', 'INVALID_DISCOUNT'],
      [{ lines: [{ ...line, taxRate: '19.001' }] }, 'input.lines.0.taxRate', 'INVALID_TAX_RATE'],
    ];
    for (const [overrides, field, reason] of cases) {
      const result = await subgraph.gql(placeOrder, { input: orderFactory(overrides) });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
    }
  });

  it('cancels a confirmed order once and refuses to cancel it again', async () => {
    const order = await place();
    const cancelled = await subgraph.gql<{ cancelOrder: OrderResult }>(cancelOrder, { id: order.id });
    expect(cancelled.data!.cancelOrder.status).toBe('CANCELLED');
    expect(cancelled.data!.cancelOrder.cancelledAt).toMatch(/Z$/);
    const again = await subgraph.gql(cancelOrder, { id: order.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_NOT_CANCELLABLE' });
    const reread = await subgraph.gql<{ salesOrder: OrderResult }>(`{ salesOrder(id: "${order.id}") { status } }`);
    expect(reread.data!.salesOrder.status).toBe('CANCELLED');
  });

  it('answers an unknown order id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await subgraph.gql(`{ salesOrder(id: "${unknownId}") { id } }`);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const cancelUnknown = await subgraph.gql(cancelOrder, { id: unknownId });
    expect(cancelUnknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const malformed = await subgraph.gql('{ salesOrder(id: "SO-1") { id } }');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('lists orders newest first, filtered by customer and status, paged by cursor', async () => {
    const otherCustomer = '0191b3a0-0000-7000-8000-0000000000c2';
    const placed = [await place({ customerId: otherCustomer }), await place({ customerId: otherCustomer }), await place({ customerId: otherCustomer })];
    const page = `query Page($after: String) { salesOrders(filter: { customerId: "${otherCustomer}", status: CONFIRMED }, first: 2, after: $after) {
      edges { node { number } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { salesOrders: { edges: { node: { number: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const one = await subgraph.gql<Page>(page);
    expect(one.data!.salesOrders.edges.map((e) => e.node.number)).toEqual([placed[2]!.number, placed[1]!.number]);
    expect(one.data!.salesOrders.pageInfo.hasNextPage).toBe(true);
    const two = await subgraph.gql<Page>(page, { after: one.data!.salesOrders.pageInfo.endCursor });
    expect(two.data!.salesOrders.edges.map((e) => e.node.number)).toEqual([placed[0]!.number]);
    expect(two.data!.salesOrders.pageInfo.hasNextPage).toBe(false);
    const cancelled = await subgraph.gql<Page>('{ salesOrders(filter: { status: CANCELLED }) { edges { node { number } } pageInfo { hasNextPage endCursor } } }');
    expect(cancelled.data!.salesOrders.edges).toHaveLength(1);
    const bad = await subgraph.gql<Page>(page, { after: 'garbage' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('resolves N SalesOrder references with one SQL query, and their lines with one more (_entities batches)', async () => {
    const ids = [(await place()).id, (await place()).id, (await place()).id];
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: ({ id: string; number: string; lines: Line[] } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on SalesOrder { id number lines { quantity } } } }',
      { r: [...ids, unknownId].map((id) => ({ __typename: 'SalesOrder', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.slice(0, ids.length).map((o) => o?.id)).toEqual(ids);
    expect(result.data!._entities.slice(0, ids.length).every((o) => o?.lines.length === 2)).toBe(true);
    expect(result.data!._entities.at(-1)).toBeNull();
    expect(subgraph.queries.filter((q) => /from "sales_order"/.test(q))).toHaveLength(1);
    expect(subgraph.queries.filter((q) => /from "sales_order_line"/.test(q))).toHaveLength(1);
  });
});

describe('who sees sales orders', () => {
  const { team, repA, repB, customerA, customerB } = useTwoRepsOwningCustomers(() => subgraph);
  let orderA: string;
  let orderB: string;

  type Page = { salesOrders: { edges: { node: { id: string; customer: { id: string } } }[] } };
  const list = '{ salesOrders(first: 100) { edges { node { id customer { id } } } } }';
  const listedBy = async (principal: TestPrincipal): Promise<string[]> => {
    const result = await subgraph.gqlAs<Page>(principal, list);
    expect(result.errors).toBeUndefined();
    return result.data!.salesOrders.edges.map((e) => e.node.id);
  };
  const shareB = (userIds: string[]) => sql('update customer_access set shared_with = ? where customer_id = ?', [`{${userIds.join(',')}}`, customerB]);

  beforeAll(async () => {
    orderA = (await place({ customerId: customerA })).id;
    orderB = (await place({ customerId: customerB })).id;
  });

  it("lists to a rep only their own customers' orders", async () => {
    const result = await subgraph.gqlAs<Page>(repA, list);
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.salesOrders.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toContain(orderA);
    expect(nodes.every((n) => n.customer.id === customerA)).toBe(true);
    expect(await listedBy(repB)).toEqual([orderB]);
  });

  it("answers a rep asking for another rep's order by id with NOT_FOUND, as for an unknown id", async () => {
    const own = await subgraph.gqlAs<{ salesOrder: { id: string } }>(repA, `{ salesOrder(id: "${orderA}") { id } }`);
    expect(own.data!.salesOrder.id).toBe(orderA);
    await expectHiddenLikeUnknown(subgraph, repA, 'query($id: ID!) { salesOrder(id: $id) { id } }', orderB);
  });

  it("resolves no SalesOrder reference or Customer open order of another rep's customer, still in one query each", async () => {
    subgraph.resetQueries();
    const result = await subgraph.gqlAs<{ _entities: ({ id: string; openOrders?: { id: string }[] } | null)[] }>(
      repA,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on SalesOrder { id } ... on Customer { id openOrders { id } } } }`,
      {
        r: [...representations('SalesOrder', orderA, orderB), ...representations('Customer', customerA, customerB)],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([{ id: orderA }, null, { id: customerA, openOrders: [{ id: orderA }] }, { id: customerB, openOrders: [] }]);
    expect(subgraph.queries.filter((q) => /from "sales_order"/.test(q))).toHaveLength(2);
  });

  it("lets a rep place and cancel orders for their own customers but not for another rep's (NOT_FOUND, nothing written)", async () => {
    // At the list price: a rep's discount limits apply (approval.int.test.ts tries them).
    const mine = await subgraph.gqlAs<{ placeOrder: OrderResult }>(repA, placeOrder, {
      input: orderFactory({ customerId: customerA, lines: [{ productId: pumpId, quantity: '3', unitPrice: { amount: '1290', currency: 'EUR' } }] }),
    });
    expect(mine.errors, JSON.stringify(mine.errors)).toBeUndefined();
    const cancelled = await subgraph.gqlAs<{ cancelOrder: OrderResult }>(repA, cancelOrder, { id: mine.data!.placeOrder.id });
    expect(cancelled.data!.cancelOrder.status).toBe('CANCELLED');

    const ordersBefore = await count('sales_order');
    const outboxBefore = await count('outbox_message');
    const placeForB = await subgraph.gqlAs(repA, placeOrder, { input: orderFactory({ customerId: customerB }) });
    expect(placeForB.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
    const cancelB = await subgraph.gqlAs(repA, cancelOrder, { id: orderB });
    expect(cancelB.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await count('sales_order')).toBe(ordersBefore);
    expect(await count('outbox_message')).toBe(outboxBefore);
    expect((await sql<{ status: string }>('select status from sales_order where id = ?', [orderB]))[0]?.status).toBe('CONFIRMED');
  });

  it("shows a rep another rep's orders once that customer is shared with them", async () => {
    await shareB([repA.userId]);
    try {
      expect(await listedBy(repA)).toEqual(expect.arrayContaining([orderA, orderB]));
      const shared = await subgraph.gqlAs<{ salesOrder: { id: string } }>(repA, `{ salesOrder(id: "${orderB}") { id } }`);
      expect(shared.data!.salesOrder.id).toBe(orderB);
    } finally {
      await shareB([]);
    }
    expect(await listedBy(repA)).not.toContain(orderB);
  });

  it("shows a team head their team's orders, and a head of another team none of them", async () => {
    expect(await listedBy({ role: 'SALES_MANAGER', userId: randomUUID(), teamIds: [team] })).toEqual(expect.arrayContaining([orderA, orderB]));
    const otherHead = await listedBy({ role: 'SALES_MANAGER', userId: randomUUID(), teamIds: [randomUUID()] });
    expect(otherHead).not.toContain(orderA);
    expect(otherHead).not.toContain(orderB);
  });

  it('shows a director every order', async () => {
    const all = await listedBy({ role: 'DIRECTOR', userId: randomUUID() });
    expect(all).toEqual(expect.arrayContaining([orderA, orderB]));
    expect(all.length).toBe(await count('sales_order'));
  });

  it('lets the warehouse and finance read every order but change none (FORBIDDEN)', async () => {
    for (const role of ['WAREHOUSE_CLERK', 'ACCOUNTANT'] as const) {
      expect(await listedBy({ role }), role).toEqual(expect.arrayContaining([orderA, orderB]));
      const placed = await subgraph.gqlAs({ role }, placeOrder, { input: orderFactory({ customerId: customerA }) });
      expect(placed.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
      const cancelled = await subgraph.gqlAs({ role }, cancelOrder, { id: orderA });
      expect(cancelled.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await sql<{ status: string }>('select status from sales_order where id = ?', [orderA]))[0]?.status).toBe('CONFIRMED');
  });

  it('shows the warehouse no prices or totals (its role sees no prices beyond cost), finance all of them', async () => {
    const priced = `{ salesOrder(id: "${orderA}") { lines { unitPrice { amount } unitPriceGross { amount } lineTotal { amount } lastPrice { unitPrice { amount } } } total { amount } taxTotal { amount } grossTotal { amount } taxes { taxRate } } }`;
    const clerk = await subgraph.gqlAs<{ salesOrder: Record<string, unknown> & { lines: Record<string, unknown>[] } }>({ role: 'WAREHOUSE_CLERK' }, priced);
    expect(clerk.errors).toBeUndefined();
    expect(clerk.data!.salesOrder).toMatchObject({ total: null, taxTotal: null, grossTotal: null, taxes: [] });
    expect(clerk.data!.salesOrder.lines.every((l) => l.unitPrice === null && l.unitPriceGross === null && l.lineTotal === null && l.lastPrice === null)).toBe(true);
    const accountant = await subgraph.gqlAs<{ salesOrder: { total: { amount: string } | null; lines: { unitPrice: unknown }[]; taxes: unknown[] } }>(
      { role: 'ACCOUNTANT' },
      priced,
    );
    expect(accountant.data!.salesOrder.total).toEqual({ amount: expect.any(String) });
    expect(accountant.data!.salesOrder.lines.every((l) => l.unitPrice !== null)).toBe(true);
    expect(accountant.data!.salesOrder.taxes.length).toBeGreaterThan(0);
  });

  it('refuses orders to support and purchasing (FORBIDDEN), and resolves no references for them without querying', async () => {
    for (const role of ['SUPPORT_AGENT', 'BUYER'] as const) {
      const listed = await subgraph.gqlAs({ role }, list);
      expect(listed.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
      const read = await subgraph.gqlAs({ role }, `{ salesOrder(id: "${orderA}") { id } }`);
      expect(read.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
    }
    subgraph.resetQueries();
    const refs = await subgraph.gqlAs<{ _entities: unknown[] }>({ role: 'BUYER' }, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on SalesOrder { id } } }', {
      r: [{ __typename: 'SalesOrder', id: orderA }],
    });
    expect(refs.errors).toBeUndefined();
    expect(refs.data!._entities).toEqual([null]);
    expect(subgraph.queries.filter((q) => /from "sales_order"/.test(q))).toHaveLength(0);
  });
});
