import { randomUUID } from 'node:crypto';
import { expectHiddenLikeUnknown, type GraphQLResult, leanAndHydrated, testCast, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantCustomerAccess, openTicketFor, useSupportSubgraph } from '../../testing.js';
import { leanSql } from '@rapport/subgraph-kit';
import { Ticket } from './ticket.entity.js';

const { team: teamT1, head: managerOfT1, otherHead: managerOfOtherTeam, director, agent } = testCast();
const subgraph = useSupportSubgraph();
const repAId = randomUUID();
const repBId = randomUUID();
const customerOfA = randomUUID();
const customerOfB = randomUUID();
/** Owned by rep B; shared with rep A during one test. */
const sharedLater = randomUUID();

const repA: TestPrincipal = { role: 'SALES_REP', userId: repAId, teamIds: [teamT1] };

const openTicketMutation = 'mutation Open($input: OpenTicketInput!) { openTicket(input: $input) { id customer { id } status } }';
const resolveTicketMutation = 'mutation Resolve($id: ID!) { resolveTicket(id: $id) { id status } }';
const ticketQuery = 'query One($id: ID!) { ticket(id: $id) { id customer { id } } }';
const ticketsQuery = 'query List($filter: TicketFilter) { tickets(filter: $filter, first: 100) { edges { node { id customer { id } } } } }';
const ticketEntities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id subject } } }';
const customerEntities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id openTickets { id } } } }';

const sql = subgraph.sql;
const counts = async () => sql<{ tickets: number; events: number }>('select (select count(*)::int from ticket) as tickets, (select count(*)::int from outbox_message) as events');

type Listed = { id: string; customer: { id: string } };
async function listed(principal: TestPrincipal, filter: Record<string, unknown> = {}): Promise<Listed[]> {
  const result = await subgraph.gqlAs<{ tickets: { edges: { node: Listed }[] } }>(principal, ticketsQuery, { filter });
  expect(result.errors).toBeUndefined();
  return result.data!.tickets.edges.map((e) => e.node);
}
const listedIds = async (principal: TestPrincipal, filter: Record<string, unknown> = {}): Promise<string[]> => (await listed(principal, filter)).map((t) => t.id).sort();

async function ticketRefs(principal: TestPrincipal, ids: string[]): Promise<({ id: string } | null)[]> {
  const result = await subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(principal, ticketEntities, { r: ids.map((id) => ({ __typename: 'Ticket', id })) });
  expect(result.errors).toBeUndefined();
  return result.data!._entities;
}

async function openTicketsOf(principal: TestPrincipal, customerIds: string[]): Promise<string[][]> {
  const result = await subgraph.gqlAs<{ _entities: { id: string; openTickets: { id: string }[] }[] }>(principal, customerEntities, {
    r: customerIds.map((id) => ({ __typename: 'Customer', id })),
  });
  expect(result.errors).toBeUndefined();
  return result.data!._entities.map((c) => c.openTickets.map((t) => t.id));
}

const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const ticketQueries = () => subgraph.queries.filter((q) => /from "ticket"/.test(q));

let ticketOfA: string;
let ticketOfB: string;
let ticketShared: string;

beforeAll(async () => {
  await grantCustomerAccess(
    subgraph,
    { customerId: customerOfA, ownerId: repAId, teamId: teamT1 },
    { customerId: customerOfB, ownerId: repBId, teamId: teamT1 },
    { customerId: sharedLater, ownerId: repBId, teamId: teamT1 },
  );
  ticketOfA = await openTicketFor(subgraph, customerOfA, 'Ticket of A');
  ticketOfB = await openTicketFor(subgraph, customerOfB, 'Ticket of B');
  ticketShared = await openTicketFor(subgraph, sharedLater, 'Ticket shared later');
});

describe('support subgraph: who sees which tickets', () => {
  it('reads tickets as plain rows (open tickets) holding exactly what hydrated entities hold', async () => {
    const { lean, hydrated } = await leanAndHydrated(subgraph.service.orm.em.fork(), (em) =>
      em
        .createQueryBuilder(Ticket, 't')
        .select('*')
        .where({ id: { $in: [ticketOfA, ticketOfB, ticketShared] } })
        .orderBy({ id: 'asc' }),
    );
    expect(lean).toHaveLength(3);
    expect(lean).toEqual(hydrated);
    // The open-tickets loader's hand-written select (`leanSql`) gives the same rows.
    const ids = [ticketOfA, ticketOfB, ticketShared];
    expect(await leanSql(subgraph.service.orm.em.fork(), Ticket, 'select "t".* from "ticket" as "t" where "t"."id" in (?, ?, ?) order by "t"."id"', ids)).toEqual(hydrated);
  });

  it("lists only the tickets of a rep's own customers", async () => {
    const tickets = await listed(repA);
    expect(tickets.map((t) => t.id)).toContain(ticketOfA);
    expect(new Set(tickets.map((t) => t.customer.id))).toEqual(new Set([customerOfA]));
    expect(await listedIds(repA, { customerId: customerOfB })).toEqual([]);
  });

  it("answers a rep asking for another rep's ticket with NOT_FOUND, exactly like an unknown id", async () => {
    const own = await subgraph.gqlAs<{ ticket: { id: string } }>(repA, ticketQuery, { id: ticketOfA });
    expect(own.data!.ticket.id).toBe(ticketOfA);
    await expectHiddenLikeUnknown(subgraph, repA, ticketQuery, ticketOfB);
  });

  it("gives a rep nothing of another rep's customer through _entities, still in one SQL query each", async () => {
    subgraph.resetQueries();
    expect((await ticketRefs(repA, [ticketOfA, ticketOfB])).map((t) => t?.id ?? null)).toEqual([ticketOfA, null]);
    expect(ticketQueries()).toHaveLength(1);
    subgraph.resetQueries();
    expect(await openTicketsOf(repA, [customerOfA, customerOfB])).toEqual([[ticketOfA], []]);
    expect(ticketQueries()).toHaveLength(1);
  });

  it("lets a rep neither resolve another rep's ticket nor open one for their customer (NOT_FOUND), writing nothing", async () => {
    const before = await counts();
    const resolve = await subgraph.gqlAs(repA, resolveTicketMutation, { id: ticketOfB });
    expect(resolve.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const open = await subgraph.gqlAs(repA, openTicketMutation, { input: { customerId: customerOfB, subject: 'Not mine' } });
    expect(open.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
    expect(await counts()).toEqual(before);
    const [row] = await sql<{ status: string }>('select status from ticket where id = ?', [ticketOfB]);
    expect(row!.status).toBe('NEW');
  });

  it('lets a rep open and resolve tickets of their own customer', async () => {
    const opened = await subgraph.gqlAs<{ openTicket: { id: string; customer: { id: string } } }>(repA, openTicketMutation, {
      input: { customerId: customerOfA, subject: 'Mine to open' },
    });
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openTicket.customer.id).toBe(customerOfA);
    const resolved = await subgraph.gqlAs<{ resolveTicket: { status: string } }>(repA, resolveTicketMutation, { id: opened.data!.openTicket.id });
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveTicket.status).toBe('RESOLVED');
  });

  it("shows a rep another rep's tickets once the customer is shared with them", async () => {
    expect(await listedIds(repA, { customerId: sharedLater })).toEqual([]);
    expect(codeOf(await subgraph.gqlAs(repA, ticketQuery, { id: ticketShared }))).toBe('NOT_FOUND');
    await sql('update customer_access set shared_with = ? where customer_id = ?', [`{${repAId}}`, sharedLater]);
    expect(await listedIds(repA)).toEqual(expect.arrayContaining([ticketOfA, ticketShared]));
    expect(await listedIds(repA, { customerId: sharedLater })).toEqual([ticketShared]);
    const one = await subgraph.gqlAs<{ ticket: { id: string } }>(repA, ticketQuery, { id: ticketShared });
    expect(one.data!.ticket.id).toBe(ticketShared);
    expect((await ticketRefs(repA, [ticketShared]))[0]?.id).toBe(ticketShared);
    expect(await openTicketsOf(repA, [sharedLater])).toEqual([[ticketShared]]);
  });

  it('shows a sales manager the tickets of every customer of their team, and none of another team', async () => {
    const all = [ticketOfA, ticketOfB, ticketShared];
    expect(await listedIds(managerOfT1)).toEqual(expect.arrayContaining(all));
    expect((await ticketRefs(managerOfT1, [ticketOfA, ticketOfB])).map((t) => t?.id)).toEqual([ticketOfA, ticketOfB]);
    expect(await openTicketsOf(managerOfT1, [customerOfA, customerOfB])).toEqual([[ticketOfA], [ticketOfB]]);
    expect(await listedIds(managerOfOtherTeam)).toEqual([]);
  });

  it('forbids roles without access to tickets the root fields, and gives them nothing through _entities without a query', async () => {
    for (const role of ['WAREHOUSE_CLERK', 'BUYER', 'ACCOUNTANT'] as const) {
      const caller = { role, userId: randomUUID() };
      expect(codeOf(await subgraph.gqlAs(caller, ticketsQuery)), role).toBe('FORBIDDEN');
      expect(codeOf(await subgraph.gqlAs(caller, ticketQuery, { id: ticketOfA })), role).toBe('FORBIDDEN');
      expect(codeOf(await subgraph.gqlAs(caller, openTicketMutation, { input: { customerId: customerOfA, subject: 'No' } })), role).toBe('FORBIDDEN');
      expect(codeOf(await subgraph.gqlAs(caller, resolveTicketMutation, { id: ticketOfA })), role).toBe('FORBIDDEN');
      subgraph.resetQueries();
      expect(await ticketRefs(caller, [ticketOfA])).toEqual([null]);
      expect(await openTicketsOf(caller, [customerOfA])).toEqual([[]]);
      expect(ticketQueries()).toHaveLength(0);
    }
  });

  it('shows directors and support agents every ticket, and lets agents work any of them', async () => {
    for (const caller of [director, agent]) {
      expect(await listedIds(caller)).toEqual(expect.arrayContaining([ticketOfA, ticketOfB, ticketShared]));
      expect((await ticketRefs(caller, [ticketOfB]))[0]?.id).toBe(ticketOfB);
    }
    const another = await openTicketFor(subgraph, customerOfB, 'For the agent');
    const resolved = await subgraph.gqlAs<{ resolveTicket: { status: string } }>(agent, resolveTicketMutation, { id: another });
    expect(resolved.data!.resolveTicket.status).toBe('RESOLVED');
  });
});
