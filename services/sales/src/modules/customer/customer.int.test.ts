import { randomUUID } from 'node:crypto';
import { leanSql } from '@rapport/subgraph-kit';
import { leanAndHydrated, type TestPrincipal, useTwoRepsOwningCustomers } from '@rapport/subgraph-kit/testing';
import { Opportunity } from '../opportunity/opportunity.entity.js';
import { SalesOrder } from '../order/order.entity.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSalesSubgraph } from '../../testing.js';
import { productSnapshot, seedCatalogue } from '../catalogue/catalogue.testing.js';

const subgraph = useSalesSubgraph();
const customers = ['0191b3a0-0000-7000-8000-0000000000c1', '0191b3a0-0000-7000-8000-0000000000c2', '0191b3a0-0000-7000-8000-0000000000c3'];
const productId = '0191b3a0-0000-7000-8000-0000000000a1';
const product = productSnapshot({ productId });

const openOpportunity = 'mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }';
const placeOrder = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }';

async function openFor(customerId: string, title: string): Promise<string> {
  const result = await subgraph.gql<{ openOpportunity: { id: string } }>(openOpportunity, {
    input: { customerId, title, amount: { amount: '1000', currency: 'EUR' } },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.openOpportunity.id;
}

async function orderFor(customerId: string): Promise<string> {
  const result = await subgraph.gql<{ placeOrder: { id: string } }>(placeOrder, {
    input: { customerId, currency: 'EUR', lines: [{ productId, quantity: '1', unitPrice: { amount: '10', currency: 'EUR' } }] },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.placeOrder.id;
}

beforeAll(async () => {
  await seedCatalogue(subgraph, product);
});

describe('Customer fields owned by sales', () => {
  it("resolves N customers' open opportunities and open orders with one query each (_entities batches)", async () => {
    const [c1, c2, c3] = customers as [string, string, string];
    const older = await openFor(c1, 'Older deal');
    const newer = await openFor(c1, 'Newer deal');
    const won = await openFor(c1, 'Won deal');
    const stages = await subgraph.gql<{ pipelineStages: { id: string; name: string }[] }>('{ pipelineStages { id name } }');
    const wonStage = stages.data!.pipelineStages.find((s) => s.name === 'Won')!.id;
    await subgraph.gql('mutation($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { id } }', { id: won, stageId: wonStage });
    const other = await openFor(c2, 'Other deal');
    const open1 = await orderFor(c1);
    const cancelled = await orderFor(c1);
    await subgraph.gql('mutation($id: ID!) { cancelOrder(id: $id) { id } }', { id: cancelled });
    const open2 = await orderFor(c2);

    subgraph.resetQueries();
    type Entity = { id: string; openOpportunities: { id: string; stage: { name: string } }[]; openOrders: { id: string; status: string }[] } | null;
    const result = await subgraph.gql<{ _entities: Entity[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer {
        id openOpportunities { id stage { name } } openOrders { id status } } } }`,
      { r: [c1, c2, c3].map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      {
        id: c1,
        openOpportunities: [
          { id: newer, stage: { name: 'Qualification' } },
          { id: older, stage: { name: 'Qualification' } },
        ],
        openOrders: [{ id: open1, status: 'CONFIRMED' }],
      },
      { id: c2, openOpportunities: [{ id: other, stage: { name: 'Qualification' } }], openOrders: [{ id: open2, status: 'CONFIRMED' }] },
      { id: c3, openOpportunities: [], openOrders: [] },
    ]);
    expect(subgraph.queries.filter((q) => /from "opportunity"/.test(q))).toHaveLength(1);
    expect(subgraph.queries.filter((q) => /from "sales_order"/.test(q))).toHaveLength(1);

    // Those lists are read as plain rows: they hold exactly what hydrated entities would.
    const em = subgraph.service.orm.em.fork();
    const deals = await leanAndHydrated(em, (fork) =>
      fork
        .createQueryBuilder(Opportunity, 'o')
        .select('*')
        .where({ customerId: { $in: [c1, c2] } })
        .orderBy({ id: 'asc' }),
    );
    expect(deals.lean).toHaveLength(4);
    expect(deals.lean).toEqual(deals.hydrated);
    const orders = await leanAndHydrated(em, (fork) =>
      fork
        .createQueryBuilder(SalesOrder, 'so')
        .select('*')
        .where({ customerId: { $in: [c1, c2] } })
        .orderBy({ id: 'asc' }),
    );
    expect(orders.lean).toHaveLength(3);
    expect(orders.lean).toEqual(orders.hydrated);
    // The loaders' hand-written selects (`leanSql`) give the same rows.
    const ids = [c1, c2];
    expect(await leanSql(em.fork(), Opportunity, 'select "o".* from "opportunity" as "o" where "o"."customer_id" in (?, ?) order by "o"."id"', ids)).toEqual(deals.hydrated);
    expect(await leanSql(em.fork(), SalesOrder, 'select "so".* from "sales_order" as "so" where "so"."customer_id" in (?, ?) order by "so"."id"', ids)).toEqual(orders.hydrated);
    // Prepared with the ids as one array (past the five runs after which PostgreSQL may plan it once), and
    // inside a transaction, where it runs through `em.execute` with the array inlined: the same rows.
    const byArray = 'select "so".* from "sales_order" as "so" where "so"."customer_id" = any(?::uuid[]) order by "so"."id"';
    for (let run = 0; run < 7; run++) expect(await leanSql(em.fork(), SalesOrder, byArray, [ids], { prepare: true })).toEqual(orders.hydrated);
    expect(await em.fork().transactional((tx) => leanSql(tx, SalesOrder, byArray, [ids], { prepare: true }))).toEqual(orders.hydrated);
  });

  it('answers a malformed Customer representation with null instead of an error', async () => {
    const result = await subgraph.gql<{ _entities: unknown[] }>('query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id openOrders { id } } } }', {
      r: [{ __typename: 'Customer', id: 'not-a-uuid' }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([null]);
  });
});

describe('who sees the sales fields of a Customer', () => {
  const { team, repA, customerA, customerB } = useTwoRepsOwningCustomers(() => subgraph);
  let opportunityA: string;
  let opportunityB: string;
  let orderA: string;
  let orderB: string;

  type Entity = { id: string; openOpportunities: { id: string }[]; openOrders: { id: string }[] } | null;
  const fieldsOf = async (principal: TestPrincipal): Promise<Entity[]> => {
    const result = await subgraph.gqlAs<{ _entities: Entity[] }>(
      principal,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id openOpportunities { id } openOrders { id } } } }',
      { r: [customerA, customerB].map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(result.errors).toBeUndefined();
    return result.data!._entities;
  };
  const sql = (query: string, params: unknown[]) => subgraph.service.orm.em.fork().getConnection().execute(query, params);
  const queriesOn = (table: string) => subgraph.queries.filter((q) => new RegExp(`from "${table}"`).test(q));

  beforeAll(async () => {
    opportunityA = await openFor(customerA, "A's deal");
    opportunityB = await openFor(customerB, "B's deal");
    orderA = await orderFor(customerA);
    orderB = await orderFor(customerB);
  });

  it("gives a rep their own customers' deals and orders and nothing of another rep's, in one query each", async () => {
    subgraph.resetQueries();
    expect(await fieldsOf(repA)).toEqual([
      { id: customerA, openOpportunities: [{ id: opportunityA }], openOrders: [{ id: orderA }] },
      { id: customerB, openOpportunities: [], openOrders: [] },
    ]);
    expect(queriesOn('opportunity')).toHaveLength(1);
    expect(queriesOn('sales_order')).toHaveLength(1);
  });

  it("gives a rep another rep's deals and orders once that customer is shared with them", async () => {
    await sql('update customer_access set shared_with = ? where customer_id = ?', [`{${repA.userId}}`, customerB]);
    try {
      expect((await fieldsOf(repA))[1]).toEqual({ id: customerB, openOpportunities: [{ id: opportunityB }], openOrders: [{ id: orderB }] });
    } finally {
      await sql("update customer_access set shared_with = '{}' where customer_id = ?", [customerB]);
    }
  });

  it("gives a team head and a director every customer's deals and orders", async () => {
    const everything = [
      { id: customerA, openOpportunities: [{ id: opportunityA }], openOrders: [{ id: orderA }] },
      { id: customerB, openOpportunities: [{ id: opportunityB }], openOrders: [{ id: orderB }] },
    ];
    expect(await fieldsOf({ role: 'SALES_MANAGER', userId: randomUUID(), teamIds: [team] })).toEqual(everything);
    expect(await fieldsOf({ role: 'DIRECTOR', userId: randomUUID() })).toEqual(everything);
  });

  it('gives the warehouse every open order but no deals, and support neither, without querying what they may not see', async () => {
    subgraph.resetQueries();
    expect(await fieldsOf({ role: 'WAREHOUSE_CLERK' })).toEqual([
      { id: customerA, openOpportunities: [], openOrders: [{ id: orderA }] },
      { id: customerB, openOpportunities: [], openOrders: [{ id: orderB }] },
    ]);
    expect(queriesOn('opportunity')).toHaveLength(0);
    subgraph.resetQueries();
    expect(await fieldsOf({ role: 'SUPPORT_AGENT' })).toEqual([
      { id: customerA, openOpportunities: [], openOrders: [] },
      { id: customerB, openOpportunities: [], openOrders: [] },
    ]);
    expect(queriesOn('opportunity')).toHaveLength(0);
    expect(queriesOn('sales_order')).toHaveLength(0);
  });
});
