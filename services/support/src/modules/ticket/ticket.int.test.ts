import { type GraphQLResult } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useSupportSubgraph } from '../../testing.js';

const subgraph = useSupportSubgraph();
const customerA = '0191b3a0-0000-7000-8000-00000000000a';
const customerB = '0191b3a0-0000-7000-8000-00000000000b';
const customerC = '0191b3a0-0000-7000-8000-00000000000c';
const unknownId = '0191b3a0-0000-7000-8000-000000000999';

interface TicketView {
  id: string;
  number: string;
  customer: { id: string };
  subject: string;
  description: string | null;
  priority: string;
  status: string;
  openedAt: string;
  resolvedAt: string | null;
}
const ticketFields = 'id number customer { id } subject description priority status openedAt resolvedAt';

const openTicketMutation = `mutation Open($input: OpenTicketInput!) { openTicket(input: $input) { ${ticketFields} } }`;
const resolveTicketMutation = `mutation Resolve($id: ID!) { resolveTicket(id: $id) { ${ticketFields} } }`;

const ticketFactory = (overrides: Record<string, unknown> = {}) => ({ customerId: customerA, subject: 'Pump leaks after service', ...overrides });

async function openTicket(overrides: Record<string, unknown> = {}): Promise<TicketView> {
  const result = await subgraph.gql<{ openTicket: TicketView }>(openTicketMutation, { input: ticketFactory(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!.openTicket;
}

const sql = subgraph.sql;
const counts = async () => sql<{ tickets: number; events: number }>('select (select count(*)::int from ticket) as tickets, (select count(*)::int from outbox_message) as events');

/** Newest first by (openedAt, id), the order the API promises. */
const newestFirst = (a: TicketView, b: TicketView) => b.openedAt.localeCompare(a.openedAt) || b.id.localeCompare(a.id);

describe('support subgraph: tickets', () => {
  it('opens a numbered NEW ticket with NORMAL priority and writes support.ticket.opened.v1 in the same flush', async () => {
    const ticket = await openTicket({ description: '  Drips from the seal.  ' });
    expect(ticket).toMatchObject({
      number: 'T-000001',
      customer: { id: customerA },
      subject: 'Pump leaks after service',
      description: 'Drips from the seal.',
      priority: 'NORMAL',
      status: 'NEW',
      resolvedAt: null,
    });
    const outbox = await sql<{ type: string; message_key: string; payload: { data: Record<string, unknown> } }>(
      'select type, message_key, payload from outbox_message where message_key = ?',
      [ticket.id],
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ type: 'support.ticket.opened.v1', message_key: ticket.id });
    expect(outbox[0]!.payload.data).toEqual({
      ticketId: ticket.id,
      customerId: customerA,
      number: 'T-000001',
      subject: 'Pump leaks after service',
      priority: 'NORMAL',
      openedAt: ticket.openedAt,
    });
  });

  it('numbers tickets from the sequence and keeps the priority asked for', async () => {
    const ticket = await openTicket({ priority: 'URGENT' });
    expect(ticket.number).toBe('T-000002');
    expect(ticket.priority).toBe('URGENT');
  });

  it('rejects a blank subject, naming the field, and writes nothing', async () => {
    const before = await counts();
    const result = await subgraph.gql(openTicketMutation, { input: ticketFactory({ subject: '   ' }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subject' });
    expect(await counts()).toEqual(before);
  });

  it('rejects a malformed customer id and an unknown priority with the field', async () => {
    const badCustomer = await subgraph.gql(openTicketMutation, { input: ticketFactory({ customerId: 'acme' }) });
    expect(badCustomer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerId' });
    const badPriority = await subgraph.gql(openTicketMutation, { input: ticketFactory({ priority: 'CRITICAL' }) });
    expect(badPriority.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.priority' });
  });

  it('resolves an open ticket and writes support.ticket.resolved.v1 in the same flush', async () => {
    const ticket = await openTicket({ customerId: customerB });
    const result = await subgraph.gql<{ resolveTicket: TicketView }>(resolveTicketMutation, { id: ticket.id });
    expect(result.errors).toBeUndefined();
    const resolved = result.data!.resolveTicket;
    expect(resolved.status).toBe('RESOLVED');
    expect(Date.parse(resolved.resolvedAt!)).toBeGreaterThanOrEqual(Date.parse(ticket.openedAt));
    const outbox = await sql<{ type: string; payload: { data: Record<string, unknown> } }>('select type, payload from outbox_message where message_key = ? order by position', [
      ticket.id,
    ]);
    // Every transition also writes support.ticket.status-changed.v1 (tested with the other events).
    expect(outbox.map((m) => m.type).filter((t) => t !== 'support.ticket.status-changed.v1')).toEqual(['support.ticket.opened.v1', 'support.ticket.resolved.v1']);
    expect(outbox.find((m) => m.type === 'support.ticket.resolved.v1')!.payload.data).toEqual({
      ticketId: ticket.id,
      customerId: customerB,
      number: ticket.number,
      resolvedAt: resolved.resolvedAt,
    });
  });

  it('refuses to resolve a ticket that is already resolved with CONFLICT, and writes no second event', async () => {
    const ticket = await openTicket();
    await subgraph.gql(resolveTicketMutation, { id: ticket.id });
    const before = await counts();
    const again = await subgraph.gql(resolveTicketMutation, { id: ticket.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
  });

  it('answers an unknown ticket id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await subgraph.gql(`query { ticket(id: "${unknownId}") { id } }`);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const unknownResolve = await subgraph.gql(resolveTicketMutation, { id: unknownId });
    expect(unknownResolve.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await subgraph.gql('query { ticket(id: "42") { id } }');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('reads one ticket by id', async () => {
    const ticket = await openTicket({ subject: 'Invoice address wrong' });
    const result = await subgraph.gql<{ ticket: TicketView }>(`query($id: ID!) { ticket(id: $id) { ${ticketFields} } }`, { id: ticket.id });
    expect(result.data!.ticket).toEqual(ticket);
  });

  it('pages tickets newest first by cursor and filters by customer, status and priority', async () => {
    const opened = [];
    for (const priority of ['LOW', 'HIGH', 'LOW', 'HIGH', 'LOW']) opened.push(await openTicket({ customerId: customerC, priority }));
    const page = `query Page($filter: TicketFilter, $after: String) { tickets(filter: $filter, first: 2, after: $after) {
      edges { node { ${ticketFields} } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { tickets: { edges: { node: TicketView }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const seen: TicketView[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const result: GraphQLResult<Page> = await subgraph.gql<Page>(page, { filter: { customerId: customerC }, after });
      expect(result.errors).toBeUndefined();
      seen.push(...result.data!.tickets.edges.map((e) => e.node));
      expect(result.data!.tickets.pageInfo.hasNextPage).toBe(i < 2);
      after = result.data!.tickets.pageInfo.endCursor;
    }
    expect(seen).toEqual([...opened].sort(newestFirst));

    const high = await subgraph.gql<Page>(page, { filter: { customerId: customerC, priority: 'HIGH' } });
    expect(high.data!.tickets.edges.map((e) => e.node.id)).toEqual(
      opened
        .filter((t) => t.priority === 'HIGH')
        .sort(newestFirst)
        .map((t) => t.id),
    );

    await subgraph.gql(resolveTicketMutation, { id: opened[0]!.id });
    const resolved = await subgraph.gql<Page>(page, { filter: { customerId: customerC, status: 'RESOLVED' } });
    expect(resolved.data!.tickets.edges.map((e) => e.node.id)).toEqual([opened[0]!.id]);

    const bad = await subgraph.gql<Page>(page, { after: 'garbage' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('resolves N Ticket references with one SQL query (_entities batches)', async () => {
    const list = await subgraph.gql<{ tickets: { edges: { node: { id: string } }[] } }>('{ tickets(first: 10) { edges { node { id } } } }');
    const ids = list.data!.tickets.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: ({ id: string; number: string } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id number } } }',
      { r: [...ids, unknownId, 'not-a-uuid'].map((id) => ({ __typename: 'Ticket', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.slice(0, ids.length).map((t) => t?.id)).toEqual(ids);
    expect(result.data!._entities.slice(ids.length)).toEqual([null, null]);
    expect(subgraph.queries.filter((q) => /from "ticket"/.test(q))).toHaveLength(1);
  });

  it("adds each customer's open tickets, newest first, for N customers in one SQL query", async () => {
    const customerD = '0191b3a0-0000-7000-8000-00000000000d';
    const customerE = '0191b3a0-0000-7000-8000-00000000000e';
    const noTickets = '0191b3a0-0000-7000-8000-00000000000f';
    const d1 = await openTicket({ customerId: customerD, subject: 'First' });
    const d2 = await openTicket({ customerId: customerD, subject: 'Second' });
    const d3 = await openTicket({ customerId: customerD, subject: 'Resolved one' });
    await subgraph.gql(resolveTicketMutation, { id: d3.id });
    const e1 = await openTicket({ customerId: customerE, subject: 'Other customer' });

    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: { id: string; openTickets: { id: string; status: string; customer: { id: string } }[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id openTickets { id status customer { id } } } } }',
      { r: [customerD, customerE, noTickets].map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(result.errors).toBeUndefined();
    const [d, e, none] = result.data!._entities;
    expect(d!.openTickets.map((t) => t.id)).toEqual([d1, d2].sort(newestFirst).map((t) => t.id));
    expect(d!.openTickets.every((t) => t.status === 'NEW' && t.customer.id === customerD)).toBe(true);
    expect(e!.openTickets.map((t) => t.id)).toEqual([e1.id]);
    expect(none).toEqual({ id: noTickets, openTickets: [] });
    expect(subgraph.queries.filter((q) => /from "ticket"/.test(q))).toHaveLength(1);
  });
});
