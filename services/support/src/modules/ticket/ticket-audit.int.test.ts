import { randomUUID } from 'node:crypto';
import { graphqlRequest, type GraphQLResult, testCast, type TestPrincipal, testPrincipal, testToken } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantCustomerAccess, openTicketFor, useSupportSubgraph } from '../../testing.js';

const { team, rep, head, agent, repElsewhere: outsider } = testCast();
const subgraph = useSupportSubgraph();
const customerId = randomUUID();

interface Entry {
  action: string;
  actorId: string | null;
  requestId: string | null;
  changes: { field: string; from: string | null; to: string | null }[];
}
type History = { ticket: { history: Entry[] } };
const historyQuery = 'query($id: ID!) { ticket(id: $id) { history { action actorId requestId changes { field from to } } } }';
const openMutation = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';
const deleteMutation = 'mutation($id: ID!) { deleteTicket(id: $id) { id deletedAt } }';
const restoreMutation = 'mutation($id: ID!) { restoreTicket(id: $id) { id deletedAt } }';

const sql = subgraph.sql;
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

async function historyOf(principal: TestPrincipal, id: string): Promise<Entry[]> {
  const result = await subgraph.gqlAs<History>(principal, historyQuery, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.ticket.history;
}

const openTicket = (principal: TestPrincipal, subject: string): Promise<string> => openTicketFor(subgraph, customerId, subject, principal);

beforeAll(async () => {
  await grantCustomerAccess(subgraph, { customerId: customerId, ownerId: rep.userId, teamId: team });
});

describe('ticket audit trail and soft deletion', () => {
  let id = '';

  it('records who opened a ticket, under the request that did it, with every field from nothing', async () => {
    const requestId = `req-${randomUUID()}`;
    const opened = await graphqlRequest<{ openTicket: { id: string } }>(
      subgraph.url,
      openMutation,
      { input: { customerId, subject: 'Pump leaks' } },
      {
        authorization: `Bearer ${await testToken(rep)}`,
        'x-request-id': requestId,
      },
    );
    expect(opened.errors).toBeUndefined();
    id = opened.data!.openTicket.id;
    const history = await historyOf(rep, id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'CREATE', actorId: rep.userId, requestId });
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'subject', from: null, to: '"Pump leaks"' },
        { field: 'status', from: null, to: '"NEW"' },
        { field: 'customerId', from: null, to: JSON.stringify(customerId) },
      ]),
    );
  });

  it('records a resolution as an update of status and resolvedAt, by the agent who resolved it', async () => {
    const resolved = await subgraph.gqlAs<{ resolveTicket: { resolvedAt: string } }>(agent, 'mutation($id: ID!) { resolveTicket(id: $id) { resolvedAt } }', { id });
    expect(resolved.errors).toBeUndefined();
    const [latest] = await historyOf(agent, id);
    expect(latest).toMatchObject({ action: 'UPDATE', actorId: agent.userId });
    expect(latest!.changes).toContainEqual({ field: 'status', from: '"NEW"', to: '"RESOLVED"' });
    expect(latest!.changes).toContainEqual({ field: 'resolvedAt', from: null, to: JSON.stringify(resolved.data!.resolveTicket.resolvedAt) });
    expect(latest!.changes.map((c) => c.field)).not.toContain('updatedAt');
  });

  it('deletes softly: the ticket vanishes from lists, lookups, references and open tickets, answering NOT_FOUND like an unknown id', async () => {
    const live = await openTicket(rep, 'Still open');
    const doomed = await openTicket(rep, 'Opened by mistake');
    const deleted = await subgraph.gqlAs<{ deleteTicket: { id: string; deletedAt: string | null } }>(rep, deleteMutation, { id: doomed });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteTicket.deletedAt).toBeTruthy();

    const lookup = await subgraph.gqlAs(rep, 'query($id: ID!) { ticket(id: $id) { id } }', { id: doomed });
    const unknown = await subgraph.gqlAs(rep, 'query($id: ID!) { ticket(id: $id) { id } }', { id: randomUUID() });
    expect(lookup.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(lookup.errors?.[0]?.extensions).toEqual(unknown.errors?.[0]?.extensions);
    const list = await subgraph.gqlAs<{ tickets: { edges: { node: { id: string } }[] } }>(head, '{ tickets(first: 100) { edges { node { id } } } }');
    const listed = list.data!.tickets.edges.map((e) => e.node.id);
    expect(listed).toContain(live);
    expect(listed).not.toContain(doomed);
    const refs = await subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(agent, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id } } }', {
      r: [
        { __typename: 'Ticket', id: doomed },
        { __typename: 'Ticket', id: live },
      ],
    });
    expect(refs.data!._entities).toEqual([null, { id: live }]);
    const customer = await subgraph.gqlAs<{ _entities: { openTickets: { id: string }[] }[] }>(
      rep,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { openTickets { id } } } }',
      { r: [{ __typename: 'Customer', id: customerId }] },
    );
    expect(customer.data!._entities[0]!.openTickets.map((t) => t.id)).toEqual([live]);
    const resolve = await subgraph.gqlAs(agent, 'mutation($id: ID!) { resolveTicket(id: $id) { id } }', { id: doomed });
    expect(resolve.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('records deletion and restoration by whom, lets only those with restore rights restore, and refuses to repeat either', async () => {
    const deleted = await subgraph.gqlAs<{ deleteTicket: { deletedAt: string } }>(rep, deleteMutation, { id });
    expect(deleted.errors).toBeUndefined();
    expect(codeOf(await subgraph.gqlAs(rep, deleteMutation, { id }))).toBe('CONFLICT');

    const byRep = await subgraph.gqlAs(rep, restoreMutation, { id });
    expect(byRep.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const [row] = await sql<{ deleted_at: Date | null }>('select deleted_at from ticket where id = ?', [id]);
    expect(row!.deleted_at).not.toBeNull();
    expect(codeOf(await subgraph.gqlAs(outsider, restoreMutation, { id }))).toBe('FORBIDDEN');
    const otherHead = testPrincipal('SALES_MANAGER', [randomUUID()]);
    expect(codeOf(await subgraph.gqlAs(otherHead, restoreMutation, { id }))).toBe('NOT_FOUND');

    const restored = await subgraph.gqlAs<{ restoreTicket: { id: string; deletedAt: string | null } }>(head, restoreMutation, { id });
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.restoreTicket).toEqual({ id, deletedAt: null });
    expect(codeOf(await subgraph.gqlAs(head, restoreMutation, { id }))).toBe('CONFLICT');
    expect(codeOf(await subgraph.gqlAs(head, restoreMutation, { id: randomUUID() }))).toBe('NOT_FOUND');

    const history = await historyOf(head, id);
    expect(history.map((h) => [h.action, h.actorId])).toEqual([
      ['RESTORE', head.userId],
      ['DELETE', rep.userId],
      ['UPDATE', agent.userId],
      ['CREATE', rep.userId],
    ]);
    expect(history[1]!.changes).toEqual([{ field: 'deletedAt', from: null, to: JSON.stringify(deleted.data!.deleteTicket.deletedAt) }]);
    expect(history[0]!.changes).toEqual([{ field: 'deletedAt', from: JSON.stringify(deleted.data!.deleteTicket.deletedAt), to: null }]);
  });

  it('lets roles without access to tickets neither delete nor restore them, writing nothing', async () => {
    const before = await sql<{ n: number }>('select count(*)::int as n from audit_entry');
    for (const role of ['ACCOUNTANT', 'BUYER', 'WAREHOUSE_CLERK'] as const) {
      const caller: TestPrincipal = { userId: randomUUID(), role };
      expect(codeOf(await subgraph.gqlAs(caller, deleteMutation, { id })), role).toBe('FORBIDDEN');
      expect(codeOf(await subgraph.gqlAs(caller, restoreMutation, { id })), role).toBe('FORBIDDEN');
    }
    expect(await sql<{ n: number }>('select count(*)::int as n from audit_entry')).toEqual(before);
  });

  it('shows the history to those who may see the ticket, and to nobody else', async () => {
    expect((await historyOf(rep, id)).length).toBe(4);
    expect((await historyOf(agent, id)).length).toBe(4);
    expect((await historyOf(head, id)).length).toBe(4);
    expect(codeOf(await subgraph.gqlAs(outsider, historyQuery, { id }))).toBe('NOT_FOUND');
    expect(codeOf(await subgraph.gqlAs({ userId: randomUUID(), role: 'ACCOUNTANT' }, historyQuery, { id }))).toBe('FORBIDDEN');
  });

  it('pages the history with first, newest entries first', async () => {
    const result = await subgraph.gqlAs<History>(agent, 'query($id: ID!) { ticket(id: $id) { history(first: 2) { action } } }', { id });
    expect(result.data!.ticket.history.map((h) => h.action)).toEqual(['RESTORE', 'DELETE']);
  });
});
