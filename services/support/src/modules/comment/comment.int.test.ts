import { randomUUID } from 'node:crypto';
import { type GraphQLResult, testCast, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantCustomerAccess, openTicketFor, useSupportSubgraph } from '../../testing.js';

const { team, rep, repElsewhere: otherRep, head: manager, agent, director, admin, accountant } = testCast();
const subgraph = useSupportSubgraph();
const customerId = randomUUID();

interface CommentView {
  id: string;
  body: string;
  internal: boolean;
  author: { id: string };
  createdAt: string;
  ticket: { id: string; firstRespondedAt: string | null };
}
const commentFields = 'id body internal author { id } createdAt ticket { id firstRespondedAt }';
const addMutation = `mutation($ticketId: ID!, $body: String!, $internal: Boolean) { addTicketComment(ticketId: $ticketId, body: $body, internal: $internal) { ${commentFields} } }`;
const commentsQuery = 'query($id: ID!) { ticket(id: $id) { firstRespondedAt comments { body internal author { id } } } }';

const sql = subgraph.sql;
const counts = async () =>
  sql<{ comments: number; audits: number }>('select (select count(*)::int from ticket_comment) as comments, (select count(*)::int from audit_entry) as audits');
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

const openTicket = (): Promise<string> => openTicketFor(subgraph, customerId);

async function comment(principal: TestPrincipal, ticketId: string, body: string, internal?: boolean): Promise<CommentView> {
  const result = await subgraph.gqlAs<{ addTicketComment: CommentView }>(principal, addMutation, { ticketId, body, internal });
  expect(result.errors).toBeUndefined();
  return result.data!.addTicketComment;
}

async function commentsAs(principal: TestPrincipal, ticketId: string): Promise<{ firstRespondedAt: string | null; comments: { body: string; internal: boolean }[] }> {
  const result = await subgraph.gqlAs<{ ticket: { firstRespondedAt: string | null; comments: { body: string; internal: boolean }[] } }>(principal, commentsQuery, { id: ticketId });
  expect(result.errors).toBeUndefined();
  return result.data!.ticket;
}

beforeAll(async () => {
  await grantCustomerAccess(subgraph, { customerId: customerId, ownerId: rep.userId, teamId: team });
});

describe('ticket comments', () => {
  let ticketId = '';
  beforeAll(async () => {
    ticketId = await openTicket();
    await comment(rep, ticketId, 'Customer called again');
    await comment(agent, ticketId, 'Suspect the seal batch', true);
    await comment(agent, ticketId, 'We are sending a technician');
    await comment(director, ticketId, 'Escalate if it happens again', true);
  });

  it('adds a public comment with its author, time and ticket, trimmed', async () => {
    const id = await openTicket();
    const added = await comment(rep, id, '  Still dripping  ');
    expect(added).toMatchObject({ body: 'Still dripping', internal: false, author: { id: rep.userId }, ticket: { id } });
    expect(Date.parse(added.createdAt)).not.toBeNaN();
  });

  it('shows a rep only the public comments, oldest first', async () => {
    expect((await commentsAs(rep, ticketId)).comments.map((c) => c.body)).toEqual(['Customer called again', 'We are sending a technician']);
    expect((await commentsAs(manager, ticketId)).comments.every((c) => !c.internal)).toBe(true);
  });

  it('shows support agents, directors and admins the internal comments too, oldest first', async () => {
    for (const principal of [agent, director, admin]) {
      const { comments } = await commentsAs(principal, ticketId);
      expect(
        comments.map((c) => [c.body, c.internal]),
        principal.role,
      ).toEqual([
        ['Customer called again', false],
        ['Suspect the seal batch', true],
        ['We are sending a technician', false],
        ['Escalate if it happens again', true],
      ]);
    }
  });

  it('hides internal comments from a rep also through _entities, loading the comments of N tickets in one SQL query', async () => {
    const other = await openTicket();
    await comment(agent, other, 'Only for us', true);
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id comments { body } } } }';
    const r = [ticketId, other].map((id) => ({ __typename: 'Ticket', id }));
    subgraph.resetQueries();
    const asRep = await subgraph.gqlAs<{ _entities: { comments: { body: string }[] }[] }>(rep, query, { r });
    expect(asRep.data!._entities.map((t) => t.comments.length)).toEqual([2, 0]);
    expect(subgraph.queries.filter((q) => /from "ticket_comment"/.test(q))).toHaveLength(1);
    const asAgent = await subgraph.gqlAs<{ _entities: { comments: { body: string }[] }[] }>(agent, query, { r });
    expect(asAgent.data!._entities.map((t) => t.comments.length)).toEqual([4, 1]);
  });

  it('forbids a rep to write an internal comment, writing nothing', async () => {
    const before = await counts();
    const result = await subgraph.gqlAs(rep, addMutation, { ticketId, body: 'Secret', internal: true });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'internal' });
    expect(await counts()).toEqual(before);
  });

  it("answers a rep commenting on another rep's customer's ticket with NOT_FOUND, and forbids roles without ticket access", async () => {
    const before = await counts();
    expect((await subgraph.gqlAs(otherRep, addMutation, { ticketId, body: 'Hello' })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ticketId' });
    expect(codeOf(await subgraph.gqlAs(accountant, addMutation, { ticketId, body: 'Hello' }))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.gqlAs(otherRep, commentsQuery, { id: ticketId }))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('rejects a blank or over-long body and a malformed ticket id naming the field, and an unknown or deleted ticket with NOT_FOUND', async () => {
    const before = await counts();
    expect((await subgraph.gql(addMutation, { ticketId, body: '   ' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect((await subgraph.gql(addMutation, { ticketId, body: 'x'.repeat(10001) })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect((await subgraph.gql(addMutation, { ticketId: 'T-1', body: 'Hi' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ticketId' });
    expect((await subgraph.gql(addMutation, { ticketId: randomUUID(), body: 'Hi' })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ticketId' });
    const deleted = await openTicket();
    await subgraph.gql('mutation($id: ID!) { deleteTicket(id: $id) { id } }', { id: deleted });
    const afterDelete = await counts();
    expect(codeOf(await subgraph.gql(addMutation, { ticketId: deleted, body: 'Hi' }))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(afterDelete);
    expect(afterDelete[0]!.comments).toBe(before[0]!.comments);
  });
});

describe('first response', () => {
  it("is set by a support agent's first public comment and kept by later ones", async () => {
    const id = await openTicket();
    const first = await comment(agent, id, 'On it');
    expect(first.ticket.firstRespondedAt).toBe(first.createdAt);
    const second = await comment(agent, id, 'Technician booked');
    expect(second.ticket.firstRespondedAt).toBe(first.createdAt);
  });

  it("is set by an admin's first public comment", async () => {
    const id = await openTicket();
    const first = await comment(admin, id, 'Looking into it');
    expect(first.ticket.firstRespondedAt).toBe(first.createdAt);
  });

  it('is not set by internal comments, nor by public comments of reps, managers or directors', async () => {
    const id = await openTicket();
    await comment(agent, id, 'Internal note', true);
    await comment(rep, id, 'Customer says hi');
    await comment(manager, id, 'Please hurry');
    await comment(director, id, 'Noted');
    expect((await commentsAs(agent, id)).firstRespondedAt).toBeNull();
    const answer = await comment(agent, id, 'Fixed the seal');
    expect(answer.ticket.firstRespondedAt).toBe(answer.createdAt);
  });
});
