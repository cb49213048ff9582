import { randomUUID } from 'node:crypto';
import { grantCustomerAccess, graphqlRequest, historyOf, testCast, testToken, type HistoryEntry, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useOpportunitySubgraph } from './opportunity.testing.js';

const { team, rep, head, otherHead, repElsewhere: outsider, director } = testCast();
const customerId = randomUUID();

const historyQuery = 'query($id: ID!) { opportunity(id: $id) { history { action } } }';
const historyAs = (principal: TestPrincipal, id: string): Promise<HistoryEntry[]> => historyOf(subgraph, principal, 'opportunity', id);
const deleteOpportunity = `mutation($id: ID!) { deleteOpportunity(id: $id) { id deletedAt } }`;
const restoreOpportunity = `mutation($id: ID!) { restoreOpportunity(id: $id) { id deletedAt } }`;
const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown => result.errors?.[0]?.extensions?.code;

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

const { subgraph, stageIds } = useOpportunitySubgraph({
  seed: (started) => grantCustomerAccess(started, { customerId, ownerId: rep.userId, teamId: team }),
});

async function open(principal: TestPrincipal, title: string): Promise<string> {
  const result = await subgraph.gqlAs<{ openOpportunity: { id: string } }>(principal, 'mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }', {
    input: { customerId, title, amount: { amount: '900', currency: 'EUR' } },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.openOpportunity.id;
}

describe('opportunity audit trail and soft deletion', () => {
  let id = '';

  it('records who opened an opportunity and in which request, with every field from nothing', async () => {
    const requestId = `req-${randomUUID()}`;
    const opened = await graphqlRequest<{ openOpportunity: { id: string } }>(
      subgraph.url,
      'mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }',
      { input: { customerId, title: 'Audited pumps', amount: { amount: '1250.5', currency: 'EUR' } } },
      { authorization: `Bearer ${await testToken(rep)}`, 'x-request-id': requestId },
    );
    expect(opened.errors).toBeUndefined();
    id = opened.data!.openOpportunity.id;

    const history = await historyAs(rep, id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'CREATE', actorId: rep.userId, requestId });
    expect(history[0]!.changes).toContainEqual({ field: 'title', from: null, to: '"Audited pumps"' });
    expect(history[0]!.changes).toContainEqual({ field: 'stageId', from: null, to: JSON.stringify(stageIds.Qualification) });
    expect(history[0]!.changes).toContainEqual({ field: 'status', from: null, to: '"OPEN"' });
  });

  it('records a move as an update of the stage (and of the furthest stage reached) from the old to the new, by whoever moved it', async () => {
    const moved = await subgraph.gqlAs(head, 'mutation($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { id } }', { id, stageId: stageIds.Proposal });
    expect(moved.errors).toBeUndefined();

    const [latest] = await historyAs(rep, id);
    expect(latest).toMatchObject({ action: 'UPDATE', actorId: head.userId });
    expect(latest!.changes).toEqual([
      { field: 'stageId', from: JSON.stringify(stageIds.Qualification), to: JSON.stringify(stageIds.Proposal) },
      { field: 'furthestStageId', from: JSON.stringify(stageIds.Qualification), to: JSON.stringify(stageIds.Proposal) },
    ]);
  });

  it("deletes softly: the opportunity vanishes from the list, the lookup, the customer's open deals and further moves, and a second delete is a CONFLICT", async () => {
    const deleted = await subgraph.gqlAs<{ deleteOpportunity: { id: string; deletedAt: string | null } }>(rep, deleteOpportunity, { id });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteOpportunity.deletedAt).toBeTruthy();

    const list = await subgraph.gqlAs<{ opportunities: { edges: { node: { id: string } }[] } }>(
      head,
      'query($c: ID!) { opportunities(filter: { customerId: $c }) { edges { node { id } } } }',
      {
        c: customerId,
      },
    );
    expect(list.data!.opportunities.edges.map((e) => e.node.id)).not.toContain(id);
    expect(codeOf(await subgraph.gqlAs(rep, 'query($id: ID!) { opportunity(id: $id) { id } }', { id }))).toBe('NOT_FOUND');
    expect(codeOf(await subgraph.gqlAs(director, 'query($id: ID!) { opportunity(id: $id) { id } }', { id }))).toBe('NOT_FOUND');
    const reference = await subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(
      director,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Opportunity { id } } }',
      {
        r: [{ __typename: 'Opportunity', id }],
      },
    );
    expect(reference.data!._entities).toEqual([null]);
    const openDeals = await subgraph.gqlAs<{ _entities: { openOpportunities: { id: string }[] }[] }>(
      head,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { openOpportunities { id } } } }',
      { r: [{ __typename: 'Customer', id: customerId }] },
    );
    expect(openDeals.data!._entities[0]!.openOpportunities.map((o) => o.id)).not.toContain(id);
    const move = await subgraph.gqlAs(head, 'mutation($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { id } }', { id, stageId: stageIds.Negotiation });
    expect(codeOf(move)).toBe('NOT_FOUND');

    expect(codeOf(await subgraph.gqlAs(rep, deleteOpportunity, { id }))).toBe('CONFLICT');
  });

  it('lets a team head restore a deleted opportunity but not a rep (FORBIDDEN) or a head who may not see it (NOT_FOUND), and a second restore is a CONFLICT', async () => {
    expect(codeOf(await subgraph.gqlAs(rep, restoreOpportunity, { id }))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.gqlAs(otherHead, restoreOpportunity, { id }))).toBe('NOT_FOUND');
    expect(codeOf(await subgraph.gqlAs({ role: 'SUPPORT_AGENT' }, restoreOpportunity, { id }))).toBe('FORBIDDEN');

    const restored = await subgraph.gqlAs<{ restoreOpportunity: { id: string; deletedAt: string | null } }>(head, restoreOpportunity, { id });
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.restoreOpportunity).toEqual({ id, deletedAt: null });
    expect(codeOf(await subgraph.gqlAs(rep, 'query($id: ID!) { opportunity(id: $id) { id } }', { id }))).toBeUndefined();
    expect(codeOf(await subgraph.gqlAs(head, restoreOpportunity, { id }))).toBe('CONFLICT');
  });

  it('records the deletion and the restoration with their actors, newest first', async () => {
    const history = await historyAs(head, id);
    expect(history.map((h) => [h.action, h.actorId])).toEqual([
      ['RESTORE', head.userId],
      ['DELETE', rep.userId],
      ['UPDATE', head.userId],
      ['CREATE', rep.userId],
    ]);
    expect(history[1]!.changes).toHaveLength(1);
    expect(history[1]!.changes[0]).toMatchObject({ field: 'deletedAt', from: null });
    expect(history[0]!.changes[0]).toMatchObject({ field: 'deletedAt', to: null });
  });

  it('pages the history with first, and refuses a page size out of bounds naming first', async () => {
    const page = await subgraph.gqlAs<{ opportunity: { history: HistoryEntry[] } }>(head, 'query($id: ID!) { opportunity(id: $id) { history(first: 2) { action } } }', { id });
    expect(page.data!.opportunity.history.map((h) => h.action)).toEqual(['RESTORE', 'DELETE']);
    const tooMany = await subgraph.gqlAs(head, 'query($id: ID!) { opportunity(id: $id) { history(first: 500) { action } } }', { id });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('shows the history to whoever may see the opportunity, and to no one else', async () => {
    expect(await historyAs(director, id)).toHaveLength(4);
    expect(codeOf(await subgraph.gqlAs(outsider, historyQuery, { id }))).toBe('NOT_FOUND');
    expect(codeOf(await subgraph.gqlAs({ role: 'WAREHOUSE_CLERK' }, historyQuery, { id }))).toBe('FORBIDDEN');
  });

  it("keeps another opportunity of the same customer out of this one's history", async () => {
    const other = await open(rep, 'Unrelated valves');
    expect(await historyAs(rep, other)).toHaveLength(1);
    expect(await historyAs(rep, id)).toHaveLength(4);
  });
});
