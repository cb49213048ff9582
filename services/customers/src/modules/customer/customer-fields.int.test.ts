import { randomUUID } from 'node:crypto';
import { testCast, type TestPrincipal, testPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCustomersSubgraph } from '../../testing.js';

const { team, rep, otherRep, agent } = testCast();
const subgraph = useCustomersSubgraph();

const fields = 'id name email industry source tier tags notes lastContactedAt';
const create = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { ${fields} } }`;
const update = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { ${fields} } }`;
type Fields = {
  id: string;
  name: string;
  email: string | null;
  industry: string | null;
  source: string | null;
  tier: string | null;
  tags: string[];
  notes: string | null;
  lastContactedAt: string | null;
};
type Page = { customers: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
const list = `query($filter: CustomerFilter, $first: Int, $after: String) { customers(filter: $filter, first: $first, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`;
const names = (r: { data?: Page | null; errors?: unknown }) => {
  expect(r.errors).toBeUndefined();
  return r.data!.customers.edges.map((e) => e.node.name);
};

async function createAs(who: TestPrincipal, input: Record<string, unknown>): Promise<Fields> {
  const r = await subgraph.gqlAs<{ createCustomer: Fields }>(who, create, { input: { kind: 'COMPANY', ...input } });
  expect(r.errors).toBeUndefined();
  return r.data!.createCustomer;
}

const sql = subgraph.sql;

describe('the customer record', () => {
  it('creates a customer with industry, source, tier, normalised tags and notes, not yet contacted', async () => {
    const c = await createAs(rep, {
      name: 'Fields Ltd',
      industry: ' Food processing ',
      source: 'TRADE_SHOW',
      tier: 'A',
      tags: ['Key Account', 'VIP', 'vip'],
      notes: 'Met at Anuga',
    });
    expect(c).toMatchObject({ industry: 'Food processing', source: 'TRADE_SHOW', tier: 'A', tags: ['key account', 'vip'], notes: 'Met at Anuga', lastContactedAt: null });
  });

  it('changes only the given fields, clears a field given as null, and records the change in the history', async () => {
    const c = await createAs(rep, { name: 'Update Me', email: 'a@update.example', industry: 'Retail', tier: 'B', tags: ['old'] });
    const r = await subgraph.gqlAs<{ updateCustomer: Fields }>(rep, update, { input: { id: c.id, tier: 'A', tags: ['New', 'Shiny'], industry: null } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateCustomer).toMatchObject({ name: 'Update Me', email: 'a@update.example', tier: 'A', tags: ['new', 'shiny'], industry: null });
    const history = await subgraph.gqlAs<{ customer: { history: { action: string; actorId: string; changes: { field: string; from: string | null; to: string | null }[] }[] } }>(
      rep,
      `query($id: ID!) { customer(id: $id) { history { action actorId changes { field from to } } } }`,
      { id: c.id },
    );
    const [latest] = history.data!.customer.history;
    expect(latest).toMatchObject({ action: 'UPDATE', actorId: rep.userId });
    expect(latest!.changes).toEqual(
      expect.arrayContaining([
        { field: 'tier', from: '"B"', to: '"A"' },
        { field: 'industry', from: '"Retail"', to: null },
      ]),
    );
    expect(latest!.changes.map((ch) => ch.field)).not.toContain('name');
  });

  it('rejects bad input naming the field and changes nothing', async () => {
    const c = await createAs(rep, { name: 'Strict Co', tier: 'C', tags: ['keep'] });
    const cases: [Record<string, unknown>, string][] = [
      [{ tier: 'A', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'input.tags'],
      [{ tier: 'A', tags: ['ok', 'x'.repeat(41)] }, 'input.tags.1'],
      [{ tier: 'A', name: null }, 'input.name'],
      [{ tier: 'A', email: 'not-an-email' }, 'input.email'],
      [{ tier: 'A', notes: 'n'.repeat(10001) }, 'input.notes'],
      [{ tier: 'A', tags: null }, 'input.tags'],
    ];
    for (const [changes, field] of cases) {
      const r = await subgraph.gqlAs(rep, update, { input: { id: c.id, ...changes } });
      expect({ field, ext: r.errors?.[0]?.extensions }).toMatchObject({ field, ext: { code: 'BAD_USER_INPUT', field } });
    }
    const [row] = await sql('select tier, tags from customer where id = ?', [c.id]);
    expect(row).toEqual({ tier: 'C', tags: ['keep'] });
  });

  it('lets a rep update only customers they see (another rep gets NOT_FOUND) and support none (FORBIDDEN)', async () => {
    const c = await createAs(rep, { name: 'Mine Only' });
    const byOther = await subgraph.gqlAs(otherRep, update, { input: { id: c.id, tier: 'A' } });
    expect(byOther.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    const byAgent = await subgraph.gqlAs(agent, update, { input: { id: c.id, tier: 'A' } });
    expect(byAgent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await subgraph.gql(update, { input: { id: randomUUID(), tier: 'A' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const byOwner = await subgraph.gqlAs<{ updateCustomer: Fields }>(rep, update, { input: { id: c.id, tier: 'A' } });
    expect(byOwner.data!.updateCustomer.tier).toBe('A');
  });
});

describe('filtering customers', () => {
  const owner = testPrincipal('SALES_REP', [randomUUID()]);
  beforeAll(async () => {
    const a = await createAs(owner, { name: 'F-Alpha', tier: 'A', industry: 'Food', tags: ['export', 'vip'] });
    const b = await createAs(owner, { name: 'F-Beta', tier: 'A', industry: 'food', tags: ['export'] });
    const c = await createAs(owner, { name: 'F-Gamma', tier: 'B', industry: 'Metal', tags: ['vip', 'export'] });
    await createAs(owner, { name: 'F-Delta', tier: 'A', industry: 'Food', tags: [] });
    await sql(`update customer set created_at = '2026-01-10T12:00:00Z' where id = ?`, [a.id]);
    await sql(`update customer set created_at = '2026-02-10T12:00:00Z', last_contacted_at = '2026-03-01T23:30:00Z' where id = ?`, [b.id]);
    await sql(`update customer set created_at = '2026-03-10T12:00:00Z', last_contacted_at = '2026-03-05T08:00:00Z' where id = ?`, [c.id]);
  });
  const filtered = async (filter: Record<string, unknown>, first = 50, after?: string) => subgraph.gqlAs<Page>(owner, list, { filter, first, after });

  it('filters by tier, by industry (ignoring case) and by tags (all given tags)', async () => {
    expect(names(await filtered({ tier: 'A' }))).toEqual(['F-Alpha', 'F-Beta', 'F-Delta']);
    expect(names(await filtered({ industry: 'FOOD' }))).toEqual(['F-Alpha', 'F-Beta', 'F-Delta']);
    expect(names(await filtered({ tags: ['Export', 'VIP'] }))).toEqual(['F-Alpha', 'F-Gamma']);
    expect(names(await filtered({ tags: ['export'], tier: 'A' }))).toEqual(['F-Alpha', 'F-Beta']);
  });

  it('filters by creation and last-contact days, both ends inclusive', async () => {
    expect(names(await filtered({ createdFrom: '2026-02-10', createdTo: '2026-03-10' }))).toEqual(['F-Beta', 'F-Gamma']);
    expect(names(await filtered({ createdTo: '2026-01-10' }))).toEqual(['F-Alpha']);
    expect(names(await filtered({ lastContactedFrom: '2026-03-01', lastContactedTo: '2026-03-01' }))).toEqual(['F-Beta']);
    expect(names(await filtered({ lastContactedFrom: '2026-03-02' }))).toEqual(['F-Gamma']);
  });

  it('rejects malformed dates and reversed ranges naming the field', async () => {
    expect((await filtered({ createdFrom: '2026-13-01' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.createdFrom' });
    expect((await filtered({ lastContactedFrom: '2026-03-02', lastContactedTo: '2026-03-01' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.lastContactedTo',
    });
  });

  it('keeps keyset paging under a filter', async () => {
    const one = await filtered({ tier: 'A' }, 2);
    expect(names(one)).toEqual(['F-Alpha', 'F-Beta']);
    expect(one.data!.customers.pageInfo.hasNextPage).toBe(true);
    const two = await filtered({ tier: 'A' }, 2, one.data!.customers.pageInfo.endCursor!);
    expect(names(two)).toEqual(['F-Delta']);
    expect(two.data!.customers.pageInfo.hasNextPage).toBe(false);
  });
});
