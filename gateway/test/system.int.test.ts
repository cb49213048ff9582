import { createServer as createTcpServer, connect, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { generateSigningKey, signAccessToken } from '@rapport/auth';
import { graphqlRequest, type GraphQLResult } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';
import { dayFromToday } from '@rapport/errors';

let system: TestSystem;
let gatewayUrl = '';
let adminToken = '';

/** Calls the gateway as the signed-in admin (or with the given headers instead). */
async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<GraphQLResult<T>> {
  return graphqlRequest<T>(gatewayUrl, query, variables, headers ?? { authorization: `Bearer ${adminToken}` });
}

async function ok<T>(query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<T> {
  const result = await gql<T>(query, variables, headers);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

beforeAll(async () => {
  system = await startTestSystem('system-test');
  gatewayUrl = system.url;
  adminToken = system.adminToken;
});

afterAll(async () => {
  await system?.stop();
});

describe('the running system through the gateway', () => {
  let repId = '';
  let otherRepId = '';
  let acmeId = '';
  let globexId = '';

  it('answers the flagship question: a rep’s customers with open tickets, deals, orders and overdue receivables', async () => {
    const user = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
    repId = (
      await ok<{ createUser: { id: string } }>(user, {
        input: { email: 'rita@rapport.example', displayName: 'Rita Rep', role: 'SALES_REP', password: 'rita-password-123' },
      })
    ).createUser.id;
    otherRepId = (await ok<{ createUser: { id: string } }>(user, { input: { email: 'oscar@rapport.example', displayName: 'Oscar Other', role: 'SALES_REP' } })).createUser.id;
    const customer = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
    acmeId = (await ok<{ createCustomer: { id: string } }>(customer, { input: { name: 'Acme Pumps', kind: 'COMPANY', ownerId: repId } })).createCustomer.id;
    globexId = (await ok<{ createCustomer: { id: string } }>(customer, { input: { name: 'Globex', kind: 'COMPANY', ownerId: repId } })).createCustomer.id;
    await ok(customer, { input: { name: 'Initech', kind: 'COMPANY', ownerId: otherRepId } });

    await ok(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`, {
      input: { customerId: acmeId, subject: 'Pump leaks', priority: 'HIGH' },
    });
    await ok(`mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }`, {
      input: { customerId: acmeId, title: 'Spare parts 2027', amount: { amount: '12000.50', currency: 'EUR' } },
    });
    const product = await ok<{ createProduct: { id: string } }>(`mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
      input: { sku: 'PUMP-1', name: 'Pump', unit: 'pcs', listPrice: { amount: '199.90', currency: 'EUR' } },
    });
    await system.untilSellable(product.createProduct.id);
    // Stock to reserve: inventory raises an order's shipping notice when it reserves stock for it.
    const stockroom = await ok<{ createWarehouse: { id: string } }>(`mutation { createWarehouse(input: { code: "SYS-1", name: "Main" }) { id } }`);
    await ok(`mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { id } }`, {
      i: { productId: product.createProduct.id, warehouseId: stockroom.createWarehouse.id, quantity: '10' },
    });
    await ok(`mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
      input: { customerId: globexId, currency: 'EUR', lines: [{ productId: product.createProduct.id, quantity: '3', unitPrice: { amount: '199.90', currency: 'EUR' } }] },
    });
    const issue = `mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }`;
    await ok(issue, { input: { customerId: globexId, total: { amount: '0.10', currency: 'EUR' }, issueDate: dayFromToday(-40), dueDate: dayFromToday(-10) } });
    await ok(issue, { input: { customerId: globexId, total: { amount: '0.20', currency: 'EUR' }, issueDate: dayFromToday(-40), dueDate: dayFromToday(-5) } });
    await ok(issue, { input: { customerId: globexId, total: { amount: '99.00', currency: 'EUR' }, issueDate: dayFromToday(0), dueDate: dayFromToday(30) } });

    type Flagship = {
      customers: {
        edges: {
          node: {
            name: string;
            owner: { displayName: string };
            openTickets: { subject: string; priority: string; status: string }[];
            openOpportunities: { title: string; amount: { amount: string; currency: string }; stage: { name: string; probability: number } }[];
            openOrders: { number: string; total: { amount: string }; delivery: { status: string } }[];
            overdueReceivables: { totals: { amount: string; currency: string }[]; invoices: { number: string }[] };
          };
        }[];
      };
    };
    const flagship = `query($ownerId: ID) { customers(filter: { ownerId: $ownerId }, first: 10) { edges { node {
      name owner { displayName }
      openTickets { subject priority status }
      openOpportunities { title amount { amount currency } stage { name probability } }
      openOrders { number total { amount } delivery { status } }
      overdueReceivables { totals { amount currency } invoices { number } }
    } } } }`;
    // The order's delivery state comes from inventory once it has consumed sales.order.confirmed.v2 and reserved the stock (its shipping notice).
    const data = await waitFor(
      async () => {
        const d = await ok<Flagship>(flagship, { ownerId: repId });
        return d.customers.edges.find((e) => e.node.name === 'Globex')?.node.openOrders[0]?.delivery.status === 'PLANNED' ? d : undefined;
      },
      { what: 'the shipping notice for the order', timeoutMs: 20000 },
    );
    const [acme, globex] = data.customers.edges.map((e) => e.node);
    expect(data.customers.edges.map((e) => e.node.name)).toEqual(['Acme Pumps', 'Globex']);
    expect(acme!.owner.displayName).toBe('Rita Rep');
    expect(acme!.openTickets).toEqual([{ subject: 'Pump leaks', priority: 'HIGH', status: 'NEW' }]);
    expect(acme!.openOpportunities).toEqual([{ title: 'Spare parts 2027', amount: { amount: '12000.50', currency: 'EUR' }, stage: { name: 'Qualification', probability: 10 } }]);
    expect(acme!.openOrders).toEqual([]);
    expect(acme!.overdueReceivables).toEqual({ totals: [], invoices: [] });
    expect(globex!.openOrders).toEqual([{ number: expect.stringMatching(/^SO-/), total: { amount: '599.70' }, delivery: { status: 'PLANNED' } }]);
    expect(globex!.overdueReceivables.totals).toEqual([{ amount: '0.30', currency: 'EUR' }]);
    expect(globex!.overdueReceivables.invoices).toHaveLength(2);
  });

  it('puts a ticket opened in support on the customer’s timeline in customers, over Kafka, once', async () => {
    const ticket = await ok<{ openTicket: { id: string } }>(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`, {
      input: { customerId: globexId, subject: 'Invoice copy needed', priority: 'LOW' },
    });
    const timeline = `query($id: ID!) { customer(id: $id) { timeline(first: 20) { edges { node { kind subjectId summary sourceService } } } } }`;
    type Timeline = { customer: { timeline: { edges: { node: { kind: string; subjectId: string; summary: string; sourceService: string } }[] } } };
    const entry = await waitFor(async () => (await ok<Timeline>(timeline, { id: globexId })).customer.timeline.edges.find((e) => e.node.subjectId === ticket.openTicket.id), {
      what: 'the ticket on the timeline',
      timeoutMs: 20000,
    });
    expect(entry.node).toMatchObject({ kind: 'TICKET_OPENED', sourceService: 'support' });
    expect(entry.node.summary).toContain('Invoice copy needed');
    const kinds = (await ok<Timeline>(timeline, { id: globexId })).customer.timeline.edges.map((e) => e.node.kind);
    expect(kinds.filter((k) => k === 'TICKET_OPENED')).toHaveLength(1);
    expect(kinds).toEqual(expect.arrayContaining(['CUSTOMER_CREATED', 'ORDER_CONFIRMED', 'SHIPMENT_PLANNED', 'INVOICE_ISSUED']));
  });

  it('carries the caller’s request id from the gateway into the subgraph and into the event headers', async () => {
    const requestId = `req-${Date.now()}`;
    const ticket = await ok<{ openTicket: { id: string } }>(
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`,
      { input: { customerId: acmeId, subject: 'Traced', priority: 'NORMAL' } },
      { 'x-request-id': requestId, authorization: `Bearer ${adminToken}` },
    );
    const rows = await system.subgraphs.support.service.orm.em
      .fork()
      .getConnection()
      .execute(`select headers->>'x-request-id' as request_id, payload->>'requestid' as envelope from outbox_message where message_key = ?`, [ticket.openTicket.id]);
    expect(rows).toEqual([{ request_id: requestId, envelope: requestId }]);
  });

  it('answers bad input with a coded error naming the field, never a 500, and writes nothing', async () => {
    const before = await system.subgraphs.support.service.orm.em.fork().getConnection().execute('select count(*)::int as n from ticket');
    const open = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
    const malformed = await gql(open, { input: { customerId: 'nope', subject: 'x' } });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerId' });
    const missing = await gql(open, { input: { customerId: acmeId } });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subject' });
    const invalidEnum = await gql(open, { input: { customerId: acmeId, subject: 'x', priority: 'SOMEDAY' } });
    expect(invalidEnum.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.priority' });
    const unknown = await gql(`query { customer(id: "0191b3a0-0000-7000-8000-000000000999") { name } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badMoney = await gql(`mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }`, {
      input: { customerId: acmeId, total: { amount: '12.3456789', currency: 'EUR' }, dueDate: dayFromToday(10) },
    });
    expect(badMoney.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.total.amount' });
    for (const result of [malformed, missing, invalidEnum, unknown, badMoney]) expect(JSON.stringify(result)).not.toMatch(/stacktrace|INTERNAL_SERVER_ERROR/);
    const after = await system.subgraphs.support.service.orm.em.fork().getConnection().execute('select count(*)::int as n from ticket');
    expect(after).toEqual(before);
  });

  it('refuses callers without a valid token at the gateway, whatever identity headers they send', async () => {
    const query = `{ customers(first: 1) { edges { node { name } } } }`;
    const anonymous = await gql(query, {}, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forgedHeaders = await gql(query, {}, { 'x-user-id': repId, 'x-user-role': 'ADMIN', 'x-principal': JSON.stringify({ role: 'ADMIN' }) });
    expect(forgedHeaders.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const otherKey = await generateSigningKey('attacker');
    const { token: forged } = await signAccessToken(otherKey, { userId: repId, email: 'rita@rapport.example', role: 'ADMIN', teamIds: [] });
    const forgedToken = await gql(query, {}, { authorization: `Bearer ${forged}` });
    expect(forgedToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(forgedToken.data ?? null).toBeNull();
  });

  it('lets a signed-in rep through the gateway, and each subgraph verifies the token again', async () => {
    const repToken = await system.signIn('rita@rapport.example', 'rita-password-123');
    const me = await ok<{ me: { displayName: string; role: string } }>(`{ me { displayName role } }`, {}, { authorization: `Bearer ${repToken}` });
    expect(me.me).toEqual({ displayName: 'Rita Rep', role: 'SALES_REP' });
    // Called directly, bypassing the gateway, a subgraph refuses a caller without a token …
    const direct = await graphqlRequest(system.subgraphs.sales.url, `{ salesOrders(first: 1) { edges { cursor } } }`, {}, { 'x-user-id': repId });
    expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // … but still serves its schema for composition.
    const sdl = await graphqlRequest<{ _service: { sdl: string } }>(system.subgraphs.sales.url, `{ _service { sdl } }`);
    expect(sdl.data?._service.sdl).toContain('type SalesOrder');
  });

  it('refuses operations beyond the depth, alias, root-field, cost and size limits before calling any subgraph', async () => {
    const deep = await gql(`{ teams { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } } } }`);
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DEPTH_LIMIT' });
    const aliases = await gql(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(aliases.errors?.[0]?.extensions).toMatchObject({ reason: 'ALIAS_LIMIT' });
    const roots = await gql(`{ ${Array.from({ length: 11 }, () => '__typename').join(' ')} }`);
    expect(roots.errors?.[0]?.extensions).toMatchObject({ reason: 'ROOT_FIELD_LIMIT' });
    const costly = await gql(`{ customers(first: 100) { edges { node { timeline(first: 100) { edges { node { id summary kind } } } } } } }`);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ reason: 'COST_LIMIT' });
    const huge = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(200_000) } }),
    });
    expect(huge.status).toBe(413);
  });

  it('reuses a bounded pool of keep-alive connections to a subgraph', async () => {
    let accepted = 0;
    const target = new URL(system.subgraphs.customers.url);
    const proxy: TcpServer = createTcpServer((socket) => {
      accepted += 1;
      const upstream = connect(Number(target.port), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxied = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
      const gateway = await system.startGateway({ customers: proxied }, 3);
      const query = `{ customers(first: 5) { edges { node { name } } } }`;
      for (let round = 0; round < 2; round += 1) {
        const results = await Promise.all(Array.from({ length: 30 }, () => graphqlRequest(`${gateway.url}/graphql`, query, {}, { authorization: `Bearer ${adminToken}` })));
        expect(results.every((r) => !r.errors)).toBe(true);
      }
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThanOrEqual(3);
    } finally {
      proxy.close();
    }
  });
});
