import { randomUUID } from 'node:crypto';
import { type GraphQLResult, testCast, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantCustomerAccess, useSupportSubgraph } from '../../testing.js';

const { team, rep, otherRep, agent, accountant } = testCast();
const subgraph = useSupportSubgraph();
const customerOfRep = randomUUID();
const customerOfOtherRep = randomUUID();

interface TicketView {
  id: string;
  number: string;
  status: string;
  priority: string;
  subject: string;
  description: string | null;
  contactId: string | null;
  channel: string | null;
  category: string | null;
  assignee: { id: string } | null;
  team: { id: string } | null;
  resolvedAt: string | null;
}
interface ChangeView {
  from: string | null;
  to: string;
  note: string | null;
  changedBy: { id: string } | null;
  at: string;
}
const ticketFields = 'id number status priority subject description contactId channel category assignee { id } team { id } resolvedAt';

const openMutation = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ${ticketFields} } }`;
const changeMutation = `mutation($id: ID!, $status: TicketStatus!, $note: String) { changeTicketStatus(id: $id, status: $status, note: $note) { ${ticketFields} } }`;
const resolveMutation = `mutation($id: ID!) { resolveTicket(id: $id) { ${ticketFields} } }`;
const assignMutation = `mutation($id: ID!, $assigneeId: ID, $teamId: ID) { assignTicket(id: $id, assigneeId: $assigneeId, teamId: $teamId) { ${ticketFields} } }`;
const updateMutation = `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { ${ticketFields} } }`;
const historyQuery = 'query($id: ID!) { ticket(id: $id) { statusHistory { from to note changedBy { id } at } } }';

const sql = subgraph.sql;
const counts = async () =>
  sql<{ changes: number; events: number; audits: number }>(
    'select (select count(*)::int from ticket_status_change) as changes, (select count(*)::int from outbox_message) as events, (select count(*)::int from audit_entry) as audits',
  );
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

async function openTicket(input: Record<string, unknown> = {}, principal: TestPrincipal | null = null): Promise<TicketView> {
  const variables = { input: { customerId: customerOfRep, subject: 'Pump leaks after service', ...input } };
  const result = principal
    ? await subgraph.gqlAs<{ openTicket: TicketView }>(principal, openMutation, variables)
    : await subgraph.gql<{ openTicket: TicketView }>(openMutation, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.openTicket;
}

async function changeStatus(id: string, status: string, note?: string, principal: TestPrincipal = agent): Promise<GraphQLResult<{ changeTicketStatus: TicketView }>> {
  return subgraph.gqlAs<{ changeTicketStatus: TicketView }>(principal, changeMutation, { id, status, note });
}

async function moveTo(id: string, ...statuses: string[]): Promise<void> {
  for (const status of statuses) {
    const result = await changeStatus(id, status);
    expect(result.errors, `to ${status}`).toBeUndefined();
  }
}

async function historyOf(id: string): Promise<ChangeView[]> {
  const result = await subgraph.gql<{ ticket: { statusHistory: ChangeView[] } }>(historyQuery, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.ticket.statusHistory;
}

beforeAll(async () => {
  await grantCustomerAccess(subgraph, { customerId: customerOfRep, ownerId: rep.userId, teamId: team }, { customerId: customerOfOtherRep, ownerId: otherRep.userId, teamId: team });
});

describe('ticket details', () => {
  it('refuses comments, assignment and edits on a closed ticket until it is reopened', async () => {
    const ticket = await openTicket();
    await moveTo(ticket.id, 'RESOLVED', 'CLOSED');
    const comment = `mutation($t: ID!, $b: String!) { addTicketComment(ticketId: $t, body: $b) { id } }`;
    const refused = [
      [await subgraph.gqlAs(agent, comment, { t: ticket.id, b: 'One more thing' }), 'ticketId'],
      [await subgraph.gqlAs(agent, assignMutation, { id: ticket.id, assigneeId: agent.userId }), 'id'],
      [await subgraph.gqlAs(agent, updateMutation, { input: { id: ticket.id, subject: 'Changed' } }), 'input.id'],
    ] as const;
    for (const [result, field] of refused) expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TICKET_CLOSED', field });
    expect(await sql('select count(*)::int as n from ticket_comment where ticket_id = ?', [ticket.id])).toEqual([{ n: 0 }]);
    await moveTo(ticket.id, 'REOPENED');
    expect((await subgraph.gqlAs(agent, comment, { t: ticket.id, b: 'One more thing' })).errors).toBeUndefined();
  });

  it('opens a ticket with contact, channel, a lower-cased category and an assignment, and records its opening as NEW', async () => {
    const contactId = randomUUID();
    const assigneeId = randomUUID();
    const ticket = await openTicket({ contactId, channel: 'PHONE', category: '  Billing Issues ', assigneeId, teamId: team }, rep);
    expect(ticket).toMatchObject({ contactId, channel: 'PHONE', category: 'billing issues', assignee: { id: assigneeId }, team: { id: team }, status: 'NEW' });
    const history = await historyOf(ticket.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ from: null, to: 'NEW', note: null, changedBy: { id: rep.userId } });
  });

  it('leaves contact, channel, category and assignment empty when not given', async () => {
    const ticket = await openTicket();
    expect(ticket).toMatchObject({ contactId: null, channel: null, category: null, assignee: null, team: null });
  });

  it('rejects a malformed contact, assignee or team id and an over-long category, naming the field and writing nothing', async () => {
    const before = await counts();
    for (const [field, value] of [
      ['contactId', 'bob'],
      ['assigneeId', '42'],
      ['teamId', 'sales'],
      ['category', 'x'.repeat(101)],
    ] as const) {
      const result = await subgraph.gql(openMutation, { input: { customerId: customerOfRep, subject: 'Bad', [field]: value } });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    }
    expect(await counts()).toEqual(before);
  });

  it('updates only the fields given, lower-cases the category and clears description, category and channel with null', async () => {
    const ticket = await openTicket({ description: 'Drips', channel: 'EMAIL', category: 'pumps' });
    const changed = await subgraph.gql<{ updateTicket: TicketView }>(updateMutation, {
      input: { id: ticket.id, subject: 'Pump leaks badly', priority: 'HIGH', category: 'Pumps/Seals' },
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateTicket).toMatchObject({ subject: 'Pump leaks badly', priority: 'HIGH', category: 'pumps/seals', description: 'Drips', channel: 'EMAIL' });
    const cleared = await subgraph.gql<{ updateTicket: TicketView }>(updateMutation, { input: { id: ticket.id, description: null, category: null, channel: null } });
    expect(cleared.data!.updateTicket).toMatchObject({ subject: 'Pump leaks badly', priority: 'HIGH', description: null, category: null, channel: null });
  });

  it('refuses to clear the subject or the priority and rejects a blank subject, naming the field and changing nothing', async () => {
    const ticket = await openTicket({ subject: 'Keep me' });
    const before = await counts();
    for (const [field, value] of [
      ['subject', null],
      ['subject', '   '],
      ['priority', null],
    ] as const) {
      const result = await subgraph.gql(updateMutation, { input: { id: ticket.id, [field]: value, description: 'must not be written' } });
      expect(result.errors?.[0]?.extensions, `${field}=${value}`).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    }
    expect(await counts()).toEqual(before);
    const [row] = await sql<{ subject: string; description: string | null }>('select subject, description from ticket where id = ?', [ticket.id]);
    expect(row).toEqual({ subject: 'Keep me', description: null });
  });

  it('answers updating, assigning or changing the status of an unknown ticket with NOT_FOUND', async () => {
    const id = randomUUID();
    expect((await subgraph.gql(updateMutation, { input: { id, subject: 'x' } })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    expect((await subgraph.gql(assignMutation, { id, assigneeId: randomUUID() })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await changeStatus(id, 'OPEN')).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('assigns a ticket to an agent and a team, filters by them, changes only what is given, and unassigns with null', async () => {
    const ticket = await openTicket();
    const assigneeId = randomUUID();
    const teamId = randomUUID();
    const assigned = await subgraph.gqlAs<{ assignTicket: TicketView }>(agent, assignMutation, { id: ticket.id, assigneeId, teamId });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignTicket).toMatchObject({ assignee: { id: assigneeId }, team: { id: teamId } });
    const byAssignee = await subgraph.gql<{ tickets: { edges: { node: { id: string } }[] } }>('query($f: TicketFilter) { tickets(filter: $f) { edges { node { id } } } }', {
      f: { assigneeId },
    });
    expect(byAssignee.data!.tickets.edges.map((e) => e.node.id)).toEqual([ticket.id]);
    const byTeam = await subgraph.gql<{ tickets: { edges: { node: { id: string } }[] } }>('query($f: TicketFilter) { tickets(filter: $f) { edges { node { id } } } }', {
      f: { teamId },
    });
    expect(byTeam.data!.tickets.edges.map((e) => e.node.id)).toEqual([ticket.id]);
    // What is omitted stays: a new agent keeps the team, a new team keeps the agent.
    const otherAgent = randomUUID();
    const reassigned = await subgraph.gqlAs<{ assignTicket: TicketView }>(agent, assignMutation, { id: ticket.id, assigneeId: otherAgent });
    expect(reassigned.data!.assignTicket).toMatchObject({ assignee: { id: otherAgent }, team: { id: teamId } });
    const otherTeam = randomUUID();
    const moved = await subgraph.gqlAs<{ assignTicket: TicketView }>(agent, assignMutation, { id: ticket.id, teamId: otherTeam });
    expect(moved.data!.assignTicket).toMatchObject({ assignee: { id: otherAgent }, team: { id: otherTeam } });
    expect((await subgraph.gqlAs(agent, assignMutation, { id: ticket.id })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assigneeId' });
    const unassigned = await subgraph.gqlAs<{ assignTicket: TicketView }>(agent, assignMutation, { id: ticket.id, assigneeId: null, teamId: null });
    expect(unassigned.data!.assignTicket).toMatchObject({ assignee: null, team: null });
    const malformed = await subgraph.gqlAs(agent, assignMutation, { id: ticket.id, assigneeId: 'someone' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assigneeId' });
  });

  it('filters tickets by channel and by category regardless of case', async () => {
    const chat = await openTicket({ customerId: customerOfOtherRep, channel: 'CHAT', category: 'Returns' });
    await openTicket({ customerId: customerOfOtherRep, channel: 'VISIT', category: 'returns-other' });
    const query = 'query($f: TicketFilter) { tickets(filter: $f) { edges { node { id } } } }';
    const byChannel = await subgraph.gql<{ tickets: { edges: { node: { id: string } }[] } }>(query, { f: { customerId: customerOfOtherRep, channel: 'CHAT' } });
    expect(byChannel.data!.tickets.edges.map((e) => e.node.id)).toEqual([chat.id]);
    const byCategory = await subgraph.gql<{ tickets: { edges: { node: { id: string } }[] } }>(query, { f: { customerId: customerOfOtherRep, category: 'RETURNS' } });
    expect(byCategory.data!.tickets.edges.map((e) => e.node.id)).toEqual([chat.id]);
  });
});

describe('ticket status flow', () => {
  it('follows every allowed change, recording each with its note, author and time, oldest first', async () => {
    const ticket = await openTicket();
    const path = ['OPEN', 'WAITING_ON_CUSTOMER', 'OPEN', 'RESOLVED', 'REOPENED', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED', 'REOPENED', 'OPEN'];
    for (const status of path) {
      const result = await changeStatus(ticket.id, status, `to ${status}`);
      expect(result.errors, status).toBeUndefined();
      expect(result.data!.changeTicketStatus.status).toBe(status);
    }
    const history = await historyOf(ticket.id);
    expect(history.map((h) => [h.from, h.to])).toEqual(['NEW', ...path].map((to, i, all) => [i === 0 ? null : all[i - 1], to]));
    expect(history.slice(1).every((h) => h.note === `to ${h.to}` && h.changedBy?.id === agent.userId)).toBe(true);
    const times = history.map((h) => Date.parse(h.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  // eslint-disable-next-line vitest/expect-expect -- moveTo expects each change to succeed
  it('also allows NEW → WAITING_ON_CUSTOMER, NEW → RESOLVED, REOPENED → RESOLVED and WAITING_ON_CUSTOMER → RESOLVED', async () => {
    const a = await openTicket();
    await moveTo(a.id, 'WAITING_ON_CUSTOMER', 'RESOLVED', 'REOPENED', 'RESOLVED');
    const b = await openTicket();
    await moveTo(b.id, 'RESOLVED');
  });

  it('refuses every change not in the flow with CONFLICT naming status, writing nothing', async () => {
    const forbidden: [string[], string][] = [
      [[], 'CLOSED'],
      [[], 'REOPENED'],
      [[], 'NEW'],
      [['OPEN'], 'OPEN'],
      [['OPEN'], 'NEW'],
      [['OPEN'], 'CLOSED'],
      [['OPEN'], 'REOPENED'],
      [['WAITING_ON_CUSTOMER'], 'CLOSED'],
      [['WAITING_ON_CUSTOMER'], 'REOPENED'],
      [['RESOLVED'], 'OPEN'],
      [['RESOLVED'], 'WAITING_ON_CUSTOMER'],
      [['RESOLVED', 'CLOSED'], 'OPEN'],
      [['RESOLVED', 'CLOSED'], 'RESOLVED'],
      [['RESOLVED', 'REOPENED'], 'CLOSED'],
      [['RESOLVED', 'REOPENED'], 'NEW'],
    ];
    for (const [path, to] of forbidden) {
      const ticket = await openTicket();
      await moveTo(ticket.id, ...path);
      const before = await counts();
      const result = await changeStatus(ticket.id, to, 'nope');
      const from = path.at(-1) ?? 'NEW';
      expect(result.errors?.[0]?.extensions, `${from} → ${to}`).toMatchObject({ code: 'CONFLICT', field: 'status', reason: 'TICKET_STATUS_TRANSITION_FORBIDDEN' });
      expect(await counts(), `${from} → ${to}`).toEqual(before);
      const [row] = await sql<{ status: string }>('select status from ticket where id = ?', [ticket.id]);
      expect(row!.status).toBe(from);
    }
  });

  it('rejects an over-long note naming it, writing nothing', async () => {
    const ticket = await openTicket();
    const before = await counts();
    const result = await changeStatus(ticket.id, 'OPEN', 'x'.repeat(2001));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(await counts()).toEqual(before);
  });

  it('announces a resolution through changeTicketStatus with support.ticket.resolved.v1, and every later one again', async () => {
    const ticket = await openTicket();
    await moveTo(ticket.id, 'OPEN');
    const resolved = await changeStatus(ticket.id, 'RESOLVED');
    const resolvedAt = resolved.data!.changeTicketStatus.resolvedAt;
    expect(resolvedAt).toBeTruthy();
    await moveTo(ticket.id, 'REOPENED');
    const reopened = await subgraph.gql<{ ticket: TicketView }>(`query($id: ID!) { ticket(id: $id) { ${ticketFields} } }`, { id: ticket.id });
    expect(reopened.data!.ticket).toMatchObject({ status: 'REOPENED', resolvedAt });
    await moveTo(ticket.id, 'RESOLVED');
    const outbox = await sql<{ type: string; payload: { data: Record<string, unknown> } }>(
      "select type, payload from outbox_message where message_key = ? and type <> 'support.ticket.status-changed.v1' order by position",
      [ticket.id],
    );
    expect(outbox.map((m) => m.type)).toEqual(['support.ticket.opened.v1', 'support.ticket.resolved.v1', 'support.ticket.resolved.v1']);
    expect(outbox[1]!.payload.data).toEqual({ ticketId: ticket.id, customerId: customerOfRep, number: ticket.number, resolvedAt });
  });

  it('keeps resolveTicket as a shortcut that records the change in the history', async () => {
    const ticket = await openTicket();
    await moveTo(ticket.id, 'WAITING_ON_CUSTOMER');
    const resolved = await subgraph.gqlAs<{ resolveTicket: TicketView }>(agent, resolveMutation, { id: ticket.id });
    expect(resolved.data!.resolveTicket.status).toBe('RESOLVED');
    expect((await historyOf(ticket.id)).at(-1)).toMatchObject({ from: 'WAITING_ON_CUSTOMER', to: 'RESOLVED', note: null, changedBy: { id: agent.userId } });
    const closedOnce = await subgraph.gqlAs(agent, resolveMutation, { id: ticket.id });
    expect(closedOnce.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TICKET_STATUS_TRANSITION_FORBIDDEN' });
  });

  it('loads the status history of N tickets with one SQL query', async () => {
    const a = await openTicket({ customerId: customerOfOtherRep });
    const b = await openTicket({ customerId: customerOfOtherRep });
    await moveTo(a.id, 'OPEN');
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: { id: string; statusHistory: { to: string }[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id statusHistory { to } } } }',
      { r: [a.id, b.id].map((id) => ({ __typename: 'Ticket', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((t) => t.statusHistory.map((h) => h.to))).toEqual([['NEW', 'OPEN'], ['NEW']]);
    expect(subgraph.queries.filter((q) => /from "ticket_status_change"/.test(q))).toHaveLength(1);
  });
});

describe('who may change tickets', () => {
  it("lets a rep change the status, assignment and details of their own customer's ticket", async () => {
    const ticket = await openTicket({}, rep);
    expect((await changeStatus(ticket.id, 'OPEN', undefined, rep)).errors).toBeUndefined();
    expect((await subgraph.gqlAs(rep, assignMutation, { id: ticket.id, teamId: team })).errors).toBeUndefined();
    expect((await subgraph.gqlAs(rep, updateMutation, { input: { id: ticket.id, category: 'mine' } })).errors).toBeUndefined();
  });

  it("answers a rep touching another rep's customer's ticket with NOT_FOUND, changing nothing", async () => {
    const ticket = await openTicket({ customerId: customerOfOtherRep });
    const before = await counts();
    expect((await changeStatus(ticket.id, 'OPEN', undefined, rep)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(codeOf(await subgraph.gqlAs(rep, assignMutation, { id: ticket.id, teamId: team }))).toBe('NOT_FOUND');
    expect(codeOf(await subgraph.gqlAs(rep, updateMutation, { input: { id: ticket.id, category: 'not mine' } }))).toBe('NOT_FOUND');
    expect(codeOf(await subgraph.gqlAs(rep, historyQuery, { id: ticket.id }))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('forbids roles without access to tickets every change', async () => {
    const ticket = await openTicket();
    expect(codeOf(await changeStatus(ticket.id, 'OPEN', undefined, accountant))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.gqlAs(accountant, assignMutation, { id: ticket.id, teamId: team }))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.gqlAs(accountant, updateMutation, { input: { id: ticket.id, category: 'x' } }))).toBe('FORBIDDEN');
  });
});

describe("a customer's ticket counts", () => {
  const countsQuery = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id ticketCounts { status count } } } }';
  const countsOf = async (principal: TestPrincipal | null, customerIds: string[]) => {
    const variables = { r: customerIds.map((id) => ({ __typename: 'Customer', id })) };
    const result = principal
      ? await subgraph.gqlAs<{ _entities: { ticketCounts: { status: string; count: number }[] }[] }>(principal, countsQuery, variables)
      : await subgraph.gql<{ _entities: { ticketCounts: { status: string; count: number }[] }[] }>(countsQuery, variables);
    expect(result.errors).toBeUndefined();
    return result.data!._entities.map((c) => c.ticketCounts);
  };
  const c1 = randomUUID();
  const c2 = randomUUID();
  const none = randomUUID();

  beforeAll(async () => {
    await sql('insert into customer_access (customer_id, owner_id, team_id, shared_with) values (?, ?, ?, ?), (?, ?, ?, ?)', [
      c1,
      rep.userId,
      team,
      '{}',
      c2,
      otherRep.userId,
      team,
      '{}',
    ]);
    for (let i = 0; i < 3; i++) await openTicket({ customerId: c1 });
    const open = await openTicket({ customerId: c1 });
    await moveTo(open.id, 'OPEN');
    const closed = await openTicket({ customerId: c1 });
    await moveTo(closed.id, 'RESOLVED', 'CLOSED');
    const deleted = await openTicket({ customerId: c1 });
    await subgraph.gql('mutation($id: ID!) { deleteTicket(id: $id) { id } }', { id: deleted.id });
    const waiting = await openTicket({ customerId: c2 });
    await moveTo(waiting.id, 'WAITING_ON_CUSTOMER');
  });

  it('counts live tickets per status in lifecycle order for N customers with one SQL query', async () => {
    subgraph.resetQueries();
    expect(await countsOf(null, [c1, c2, none])).toEqual([
      [
        { status: 'NEW', count: 3 },
        { status: 'OPEN', count: 1 },
        { status: 'CLOSED', count: 1 },
      ],
      [{ status: 'WAITING_ON_CUSTOMER', count: 1 }],
      [],
    ]);
    expect(subgraph.queries.filter((q) => /from "ticket"/.test(q))).toHaveLength(1);
  });

  it("gives a rep the counts of their own customer and nothing for another rep's", async () => {
    const [own, other] = await countsOf(rep, [c1, c2]);
    expect(own!.reduce((n, c) => n + c.count, 0)).toBe(5);
    expect(other).toEqual([]);
  });

  it('gives roles without access to tickets empty counts without a query', async () => {
    subgraph.resetQueries();
    expect(await countsOf(accountant, [c1, c2])).toEqual([[], []]);
    expect(subgraph.queries.filter((q) => /from "ticket"/.test(q))).toHaveLength(0);
  });
});
