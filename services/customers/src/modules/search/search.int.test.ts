import { randomUUID } from 'node:crypto';
import { testCast, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCustomersSubgraph } from '../../testing.js';

const { team, rep: repA, otherRep: repB } = testCast();
const subgraph = useCustomersSubgraph();

const create = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const addContact = `mutation($input: AddContactInput!) { addContact(input: $input) { id } }`;
const search = `query($q: String!, $filter: CustomerFilter, $first: Int, $after: String) {
  searchCustomers(query: $q, filter: $filter, first: $first, after: $after) {
    edges { cursor score node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;
type Edge = { cursor: string; score: number; node: { id: string; name: string } };
type Result = { searchCustomers: { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
const ids: Record<string, string> = {};

async function customer(name: string, input: Record<string, unknown> = {}, as: TestPrincipal | null = null): Promise<string> {
  const variables = { input: { name, kind: 'COMPANY', ownerId: as?.userId ?? repA.userId, ...input } };
  const r = as ? await subgraph.gqlAs<{ createCustomer: { id: string } }>(as, create, variables) : await subgraph.gql<{ createCustomer: { id: string } }>(create, variables);
  expect(r.errors).toBeUndefined();
  ids[name] = r.data!.createCustomer.id;
  return r.data!.createCustomer.id;
}

async function contact(customerId: string, name: string, emails: string[] = [], phones: string[] = []): Promise<void> {
  const r = await subgraph.gql(addContact, { input: { customerId, name, emails, phones } });
  expect(r.errors).toBeUndefined();
}

const run = async (q: string, extra: Record<string, unknown> = {}, as?: TestPrincipal) =>
  as ? subgraph.gqlAs<Result>(as, search, { q, ...extra }) : subgraph.gql<Result>(search, { q, ...extra });
const names = (r: { data?: Result | null }) => r.data?.searchCustomers.edges.map((e) => e.node.name) ?? [];

beforeAll(async () => {
  await customer('Acme Pumps', { tier: 'A', tags: ['water', 'industrial'], email: 'info@acmepumps.example', phone: '+49 (30) 1234-5678' });
  await customer('Acme Pumps North', { tier: 'B', tags: ['water'] });
  await customer('Acme Plumbing Supplies', { tier: 'A', tags: ['water'] }, repB);
  await customer('Globex Corporation', { tier: 'C' });
  const initech = await customer('Initech');
  await contact(initech, 'Peter Gibbons', ['peter.gibbons@initech.example', 'pg@home.example'], ['+1 555 0100 200']);
  const hooli = await customer('Hooli');
  await contact(hooli, 'Gavin Belson', ['gavin@hooli.example'], ['030 9876543']);
  for (let i = 1; i <= 7; i++) await customer(`Umbrella Branch ${i}`);
  const deleted = await customer('Acme Pumps Deleted');
  const del = await subgraph.gql(`mutation($id: ID!) { deleteCustomer(id: $id) { id } }`, { id: deleted });
  expect(del.errors).toBeUndefined();
});

describe('customer search', () => {
  it('tolerates typos in customer names and ranks the closest name first', async () => {
    const r = await run('acme pmps');
    expect(r.errors).toBeUndefined();
    const found = names(r);
    expect(found[0]).toBe('Acme Pumps');
    expect(found).toContain('Acme Pumps North');
    expect(found).not.toContain('Globex Corporation');
    expect(found).not.toContain('Acme Pumps Deleted');
    const scores = r.data!.searchCustomers.edges.map((e) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
  });

  it('finds a customer through the name of one of its contacts', async () => {
    expect(names(await run('petr gibbons'))).toEqual(['Initech']);
  });

  it('matches e-mail addresses exactly, or by part, on the customer and its contacts', async () => {
    const exact = await run('Peter.Gibbons@initech.example');
    expect(exact.errors).toBeUndefined();
    expect(names(exact)).toEqual(['Initech']);
    expect(exact.data!.searchCustomers.edges[0]!.score).toBeCloseTo(0.95);
    expect(names(await run('info@acmepumps.example'))).toEqual(['Acme Pumps']);
    expect((await run('info@acmepumps.example')).data!.searchCustomers.edges[0]!.score).toBe(1);
    expect(names(await run('@hooli.example'))).toEqual(['Hooli']);
    expect(names(await run('nobody@nowhere.example'))).toEqual([]);
  });

  it('matches phone numbers by their digits, whatever the punctuation', async () => {
    expect(names(await run('+4930 12345678'))).toEqual(['Acme Pumps']);
    expect(names(await run('(030) 987-6543'))).toEqual(['Hooli']);
    expect(names(await run('555-0100'))).toEqual(['Initech']);
    expect(names(await run('4444 4444'))).toEqual([]);
  });

  it('finds an international number written nationally or with the 00 prefix', async () => {
    expect(names(await run('030 1234 5678'))).toEqual(['Acme Pumps']);
    expect(names(await run('0049 30 1234 5678'))).toEqual(['Acme Pumps']);
  });

  it('combines the text with the customer filter (tier, tags, owner)', async () => {
    const r = await run('acme pmps', { filter: { tier: 'A', tags: ['Water'], ownerId: repA.userId } });
    expect(r.errors).toBeUndefined();
    expect(names(r)).toEqual(['Acme Pumps']);
    const byRepB = await run('acme', { filter: { ownerId: repB.userId } });
    expect(names(byRepB)).toEqual(['Acme Plumbing Supplies']);
    const bad = await run('acme', { filter: { tier: 'Z' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages through the results by cursor without duplicates or gaps', async () => {
    const all = await run('umbrella branch', { first: 100 });
    expect(names(all)).toHaveLength(7);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const r: { data?: Result | null; errors?: unknown[] } = await run('umbrella branch', { first: 3, after });
      expect(r.errors).toBeUndefined();
      seen.push(...r.data!.searchCustomers.edges.map((e) => e.node.id));
      after = r.data!.searchCustomers.pageInfo.endCursor;
      if (!r.data!.searchCustomers.pageInfo.hasNextPage) break;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toEqual(all.data!.searchCustomers.edges.map((e) => e.node.id));
  });

  it('shows a rep only the customers they may see', async () => {
    const asB = await run('acme', {}, repB);
    expect(asB.errors).toBeUndefined();
    expect(names(asB)).toEqual(['Acme Plumbing Supplies']);
    const asA = names(await run('acme', {}, repA));
    expect(asA).toContain('Acme Pumps');
    expect(asA).not.toContain('Acme Plumbing Supplies');
  });

  it('rejects an empty query, a bad page size and a foreign cursor, naming the argument', async () => {
    const empty = await run('   ');
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    const size = await run('acme', { first: 0 });
    expect(size.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const cursor = await run('acme', { after: Buffer.from(JSON.stringify(['abc', randomUUID()])).toString('base64url') });
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
