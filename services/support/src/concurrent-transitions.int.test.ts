import { randomUUID } from 'node:crypto';
import { countAuditEntries, countOutboxEvents, raceBehindRow, startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportService } from './create-support-service.js';

let subgraph: TestSubgraph;
const RACERS = 20;
const em = () => subgraph.service.orm.em.fork();

async function openTicket(): Promise<string> {
  const opened = await subgraph.gql<{ openTicket: { id: string } }>('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', {
    input: { customerId: randomUUID(), subject: 'Raced ticket' },
  });
  expect(opened.errors).toBeUndefined();
  return opened.data!.openTicket.id;
}

async function createArticle(): Promise<string> {
  const created = await subgraph.gql<{ createArticle: { id: string } }>('mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }', {
    input: { category: 'Pumps', title: 'Replacing a seal', body: 'Drain the pump first.' },
  });
  expect(created.errors).toBeUndefined();
  return created.data!.createArticle.id;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('support', createSupportService);
});
afterAll(async () => subgraph?.stop());

describe('concurrent transitions of one ticket', () => {
  it('20 concurrent resolveTicket calls: one resolves it, 19 get CONFLICT, one audit entry, one resolved event', async () => {
    const id = await openTicket();
    const outcome = await raceBehindRow(subgraph.database.url, 'ticket', id, () => subgraph.gql('mutation($id: ID!) { resolveTicket(id: $id) { id status } }', { id }), RACERS);

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Ticket', id, 'UPDATE')).toBe(1);
    expect(await countOutboxEvents(em(), id, 'support.ticket.resolved.v1')).toBe(1);
  });

  it('20 concurrent deleteTicket calls: one wins, 19 get CONFLICT, one audit entry', async () => {
    const id = await openTicket();
    const outcome = await raceBehindRow(subgraph.database.url, 'ticket', id, () => subgraph.gql('mutation($id: ID!) { deleteTicket(id: $id) { id } }', { id }), RACERS);

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Ticket', id, 'DELETE')).toBe(1);
  });
});

describe('concurrent transitions of one article', () => {
  it('20 concurrent publishArticle calls: one publishes version 1, 19 get CONFLICT, one audit entry', async () => {
    const id = await createArticle();
    const outcome = await raceBehindRow(subgraph.database.url, 'article', id, () => subgraph.gql('mutation($id: ID!) { publishArticle(id: $id) { id } }', { id }), RACERS);

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Article', id, 'UPDATE')).toBe(1);
  });

  it('20 concurrent archiveArticle calls: one wins, 19 get CONFLICT, one audit entry', async () => {
    const id = await createArticle();
    const outcome = await raceBehindRow(subgraph.database.url, 'article', id, () => subgraph.gql('mutation($id: ID!) { archiveArticle(id: $id) { id } }', { id }), RACERS);

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Article', id, 'DELETE')).toBe(1);
  });
});
