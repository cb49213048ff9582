import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomersService } from '../../create-customers-service.js';
import { findLikelyDuplicates } from './duplicate.service.js';

let subgraph: TestSubgraph;
const teamA = randomUUID();
const teamB = randomUUID();
const repA: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [teamA] };
const repB: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [teamB] };
const headA: TestPrincipal = { userId: randomUUID(), role: 'SALES_MANAGER', teamIds: [teamA] };
const headB: TestPrincipal = { userId: randomUUID(), role: 'SALES_MANAGER', teamIds: [teamB] };
const director: TestPrincipal = { userId: randomUUID(), role: 'DIRECTOR', teamIds: [] };
const agent: TestPrincipal = { userId: randomUUID(), role: 'SUPPORT_AGENT', teamIds: [] };

type Candidate = { customer: { id: string; name: string }; score: number; reasons: string[] };
const candidateFields = 'customer { id name } score reasons';
const findQuery = `query($input: FindDuplicatesInput!, $first: Int) { findDuplicates(input: $input, first: $first) { ${candidateFields} } }`;
const mergeMutation = `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m) { id industry taxId email tags history(first: 5) { action changes { field from to } } } }`;

const sql = (text: string, params: unknown[] = []) => subgraph.service.orm.em.fork().getConnection().execute(text, params);

async function create(who: TestPrincipal | null, input: Record<string, unknown>): Promise<{ id: string; taxId: string | null; likelyDuplicates: Candidate[] }> {
  const query = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id taxId likelyDuplicates { ${candidateFields} } } }`;
  const r = who
    ? await subgraph.gqlAs<{ createCustomer: { id: string; taxId: string | null; likelyDuplicates: Candidate[] } }>(who, query, { input: { kind: 'COMPANY', ...input } })
    : await subgraph.gql<{ createCustomer: { id: string; taxId: string | null; likelyDuplicates: Candidate[] } }>(query, { input: { kind: 'COMPANY', ...input } });
  expect(r.errors).toBeUndefined();
  return r.data!.createCustomer;
}

async function find(who: TestPrincipal, input: Record<string, unknown>): Promise<Candidate[]> {
  const r = await subgraph.gqlAs<{ findDuplicates: Candidate[] }>(who, findQuery, { input });
  expect(r.errors).toBeUndefined();
  return r.data!.findDuplicates;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('customers', createCustomersService);
});
afterAll(async () => subgraph?.stop());

describe('tax id', () => {
  it('stores the tax id upper-cased without spaces, dots or dashes, and changes or clears it', async () => {
    const c = await create(null, { name: 'Taxed Holding', taxId: 'de 123.456-001' });
    expect(c.taxId).toBe('DE123456001');
    const changed = await subgraph.gql<{ updateCustomer: { taxId: string | null } }>(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { taxId } }`, {
      input: { id: c.id, taxId: 'at-u 99 88 77' },
    });
    expect(changed.data!.updateCustomer.taxId).toBe('ATU998877');
    const cleared = await subgraph.gql<{ updateCustomer: { taxId: string | null } }>(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { taxId } }`, {
      input: { id: c.id, taxId: null },
    });
    expect(cleared.data!.updateCustomer.taxId).toBeNull();
  });

  it('rejects a malformed tax id naming the field, writing nothing', async () => {
    const r = await subgraph.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { kind: 'COMPANY', name: 'Bad Tax Id Co', taxId: 'DE#1' } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.taxId' });
    expect(await sql(`select 1 from customer where name = 'Bad Tax Id Co'`)).toHaveLength(0);
  });
});

describe('duplicate scoring', () => {
  it('finds a customer whose name differs by a typo', async () => {
    const original = await create(null, { name: 'Brightwater Industries GmbH' });
    const found = await find(director, { name: 'Brightwatr Industries GmbH' });
    const hit = found.find((c) => c.customer.id === original.id);
    expect(hit).toBeDefined();
    expect(hit!.reasons).toEqual(['SIMILAR_NAME']);
    expect(hit!.score).toBeGreaterThanOrEqual(0.5);
    expect(hit!.score).toBeLessThan(0.9);
  });

  it('finds a customer by the email of one of its contacts (ignoring case), scoring at least 0.9', async () => {
    const holder = await create(null, { name: 'Zanzibar Foods' });
    const contact = await subgraph.gql(`mutation($input: AddContactInput!) { addContact(input: $input) { id } }`, {
      input: { customerId: holder.id, name: 'Ops Desk', emails: ['ops@zanzibar-foods.example'] },
    });
    expect(contact.errors).toBeUndefined();
    const found = await find(director, { name: 'Completely Unrelated Name', email: 'OPS@Zanzibar-Foods.example' });
    expect(found).toEqual([{ customer: { id: holder.id, name: 'Zanzibar Foods' }, score: 0.9, reasons: ['SAME_EMAIL'] }]);
  });

  it('finds a customer by the same tax id however it is written, scoring at least 0.9', async () => {
    const holder = await create(null, { name: 'Northwind Trading', taxId: 'FR 40 303 265 045' });
    const found = await find(director, { name: 'Something Else Entirely', taxId: 'fr40.303.265.045' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ customer: { id: holder.id }, reasons: ['SAME_TAX_ID'] });
    expect(found[0]!.score).toBeGreaterThanOrEqual(0.9);
  });

  it('finds a customer by the digits of its phone, and combines signals into a higher score', async () => {
    const holder = await create(null, { name: 'Kestrel Optics', phone: '+49 (30) 5550-1234', email: 'info@kestrel.example' });
    const byPhone = await find(director, { name: 'Nothing Alike', phone: '+49 30 55501234' });
    expect(byPhone).toEqual([{ customer: { id: holder.id, name: 'Kestrel Optics' }, score: 0.6, reasons: ['SAME_PHONE'] }]);
    const byAll = await find(director, { name: 'Kestrel Optic', phone: '+49-30-5550 1234', email: 'info@kestrel.example' });
    expect(byAll[0]).toMatchObject({ customer: { id: holder.id }, reasons: ['SIMILAR_NAME', 'SAME_EMAIL', 'SAME_PHONE'] });
    expect(byAll[0]!.score).toBeGreaterThan(0.95);
  });

  it('offers nothing for an unrelated name, and never a deleted customer', async () => {
    expect(await find(director, { name: 'Qwxz Plorb Vendlig' })).toEqual([]);
    const gone = await create(null, { name: 'Vanishing Ventures Ltd', taxId: 'GB999000111' });
    await subgraph.gql(`mutation($id: ID!) { deleteCustomer(id: $id) { id } }`, { id: gone.id });
    expect(await find(director, { name: 'Vanishing Ventures Ltd', taxId: 'GB999000111' })).toEqual([]);
  });

  it('findLikelyDuplicates (for other modules) scores the same way, excludes a given id and honours the limit', async () => {
    const a = await create(null, { name: 'Harbourline Shipping', taxId: 'NL001122334B01' });
    const em = subgraph.service.orm.em.fork();
    const all = await findLikelyDuplicates(em, { name: 'Harbourline Shiping', taxId: 'nl 001122334b01' });
    expect(all[0]).toMatchObject({ customerId: a.id, name: 'Harbourline Shipping', reasons: ['SIMILAR_NAME', 'SAME_TAX_ID'] });
    expect(all[0]!.score).toBeGreaterThanOrEqual(0.95);
    expect(await findLikelyDuplicates(em, { name: 'Harbourline Shipping' }, { excludeId: a.id })).toEqual([]);
    await create(null, { name: 'Harbourline Shipping BV' });
    expect(await findLikelyDuplicates(em, { name: 'Harbourline Shipping' }, { limit: 1 })).toHaveLength(1);
  });

  it('returns the likely duplicates of a newly created customer with it', async () => {
    const first = await create(null, { name: 'Copperleaf Bakeries' });
    const second = await create(null, { name: 'Copperleaf Bakery' });
    expect(second.likelyDuplicates.map((c) => c.customer.id)).toContain(first.id);
    expect(second.likelyDuplicates.map((c) => c.customer.id)).not.toContain(second.id);
  });

  it('computes likelyDuplicates of N Customer references with one query', async () => {
    const a = await create(null, { name: 'Silverbirch Timber' });
    const b = await create(null, { name: 'Silverbirch Timbers' });
    const c = await create(null, { name: 'Ironwood Quarry', email: 'x@ironwood.example' });
    subgraph.resetQueries();
    const r = await subgraph.gql<{ _entities: { id: string; likelyDuplicates: Candidate[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id likelyDuplicates { ${candidateFields} } } } }`,
      { r: [a.id, b.id, c.id].map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(r.errors).toBeUndefined();
    const [ra, rb, rc] = r.data!._entities;
    expect(ra!.likelyDuplicates.map((d) => d.customer.id)).toContain(b.id);
    expect(rb!.likelyDuplicates.map((d) => d.customer.id)).toContain(a.id);
    expect(rc!.likelyDuplicates).toEqual([]);
    expect(subgraph.queries.filter((q) => /cross join lateral/.test(q))).toHaveLength(1);
  });
});

describe('duplicate visibility', () => {
  it('offers only the duplicates the caller may see', async () => {
    const mine = await create(repA, { name: 'Quillfeather Logistics', taxId: 'BE0123456789' });
    expect((await find(repA, { name: 'Quillfeather Logistic' })).map((c) => c.customer.id)).toContain(mine.id);
    expect((await find(headA, { name: 'Quillfeather Logistic' })).map((c) => c.customer.id)).toContain(mine.id);
    expect(await find(repB, { name: 'Quillfeather Logistic', taxId: 'BE0123456789' })).toEqual([]);
    expect(await find(headB, { name: 'Quillfeather Logistics' })).toEqual([]);
    const theirs = await create(repB, { name: 'Quillfeather Logistics AG' });
    expect(theirs.likelyDuplicates.map((c) => c.customer.id)).not.toContain(mine.id);
    const shown = await subgraph.gqlAs<{ customer: { likelyDuplicates: Candidate[] } }>(director, `query($id: ID!) { customer(id: $id) { likelyDuplicates { ${candidateFields} } } }`, {
      id: theirs.id,
    });
    expect(shown.data!.customer.likelyDuplicates.map((c) => c.customer.id)).toContain(mine.id);
  });

  it('bounds findDuplicates by `first`, rejecting a bad page size naming the field', async () => {
    await create(null, { name: 'Pinecrest Dairy North' });
    await create(null, { name: 'Pinecrest Dairy South' });
    const one = await subgraph.gql<{ findDuplicates: Candidate[] }>(findQuery, { input: { name: 'Pinecrest Dairy' }, first: 1 });
    expect(one.data!.findDuplicates).toHaveLength(1);
    const bad = await subgraph.gql(findQuery, { input: { name: 'Pinecrest Dairy' }, first: 0 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses findDuplicates to a department without customers', async () => {
    const r = await subgraph.gqlAs({ userId: randomUUID(), role: 'BUYER', teamIds: [] }, findQuery, { input: { name: 'Anything' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

async function mergeFixture(owner: TestPrincipal = repA) {
  const survivor = await create(owner, { name: 'Merge Survivor ' + randomUUID().slice(0, 8), email: 'keep@survivor.example', tags: ['keep'] });
  const merged = await create(owner, { name: 'Merge Victim ' + randomUUID().slice(0, 8), email: 'drop@victim.example', industry: 'Logistics', taxId: 'DE555444333', tags: ['moved', 'keep'] });
  const sharedUser = randomUUID();
  const share = await subgraph.gql(`mutation($input: ShareCustomerInput!) { shareCustomer(input: $input) { id } }`, { input: { customerId: merged.id, userId: sharedUser } });
  expect(share.errors).toBeUndefined();
  const survivorPrimary = await subgraph.gql<{ addContact: { id: string } }>(`mutation($input: AddContactInput!) { addContact(input: $input) { id } }`, {
    input: { customerId: survivor.id, name: 'Survivor Primary', primary: true },
  });
  const contact = await subgraph.gql<{ addContact: { id: string } }>(`mutation($input: AddContactInput!) { addContact(input: $input) { id } }`, {
    input: { customerId: merged.id, name: 'Victim Primary', primary: true, emails: ['p@victim.example'] },
  });
  const address = await subgraph.gql<{ addAddress: { id: string } }>(`mutation($input: AddAddressInput!) { addAddress(input: $input) { id } }`, {
    input: { customerId: merged.id, kind: 'BILLING', street: 'Hafenstr. 1', city: 'Hamburg', country: 'DE' },
  });
  const activity = await subgraph.gql<{ logActivity: { id: string } }>(`mutation($input: LogActivityInput!) { logActivity(input: $input) { id } }`, {
    input: { customerId: merged.id, kind: 'CALL', subject: 'Intro call', occurredAt: '2026-11-20T10:00:00.000Z' },
  });
  expect([survivorPrimary.errors, contact.errors, address.errors, activity.errors]).toEqual([undefined, undefined, undefined, undefined]);
  const timelineId = randomUUID();
  await sql(`insert into timeline_entry (id, customer_id, event_id, kind, summary, source_service, subject_id, occurred_at) values (?, ?, ?, 'NOTE', 'old entry', 'test', ?, now())`, [
    timelineId,
    merged.id,
    randomUUID(),
    merged.id,
  ]);
  return { survivor, merged, sharedUser, contactId: contact.data!.addContact.id, survivorContactId: survivorPrimary.data!.addContact.id, addressId: address.data!.addAddress.id, activityId: activity.data!.logActivity.id, timelineId };
}

type Merged = { mergeCustomers: { id: string; industry: string | null; taxId: string | null; email: string | null; tags: string[]; history: { action: string; changes: { field: string; from: string | null; to: string | null }[] }[] } };

describe('merging customers', () => {
  it('re-points contacts, addresses, activities, timeline and sharing to the survivor in one transaction, fills empty fields, and publishes the merge', async () => {
    const f = await mergeFixture();
    subgraph.resetQueries();
    const r = await subgraph.gqlAs<Merged>(director, mergeMutation, { s: f.survivor.id, m: f.merged.id });
    expect(r.errors).toBeUndefined();
    expect(r.data!.mergeCustomers).toMatchObject({ id: f.survivor.id, industry: 'Logistics', taxId: 'DE555444333', email: 'keep@survivor.example', tags: ['keep', 'moved'] });

    // every write sits between one begin and its commit
    const writes = subgraph.queries.map((q, i) => ({ q, i })).filter(({ q }) => /^\s*(update|insert)/i.test(q));
    const begins = subgraph.queries.map((q, i) => ({ q, i })).filter(({ q }) => /^\s*begin/i.test(q));
    const commits = subgraph.queries.map((q, i) => ({ q, i })).filter(({ q }) => /^\s*commit/i.test(q));
    expect(begins).toHaveLength(1);
    expect(commits).toHaveLength(1);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every(({ i }) => i > begins[0]!.i && i < commits[0]!.i)).toBe(true);

    const [contact] = await sql('select customer_id, is_primary from contact where id = ?', [f.contactId]);
    expect(contact).toEqual({ customer_id: f.survivor.id, is_primary: false });
    expect(await sql('select customer_id from customer_address where id = ?', [f.addressId])).toEqual([{ customer_id: f.survivor.id }]);
    expect(await sql('select customer_id from activity where id = ?', [f.activityId])).toEqual([{ customer_id: f.survivor.id }]);
    expect(await sql('select customer_id from timeline_entry where id = ?', [f.timelineId])).toEqual([{ customer_id: f.survivor.id }]);
    const [access] = await sql('select shared_with from customer_access where customer_id = ?', [f.survivor.id]);
    expect(access!.shared_with).toContain(f.sharedUser);
    const [gone] = await sql('select merged_into, deleted_at from customer where id = ?', [f.merged.id]);
    expect(gone!.merged_into).toBe(f.survivor.id);
    expect(gone!.deleted_at).not.toBeNull();

    const outbox = await sql(`select type, message_key, payload from outbox_message where message_key = ? and type = 'customers.customer.merged.v1'`, [f.survivor.id]);
    expect(outbox).toHaveLength(1);
    expect(await sql(`select 1 from outbox_message where message_key = ? and type = 'customers.customer.shared.v1'`, [f.survivor.id])).toHaveLength(1);

    // both histories stay: the survivor shows an UPDATE, the merged customer a DELETE naming the survivor
    const [update] = r.data!.mergeCustomers.history;
    expect(update!.action).toBe('UPDATE');
    expect(update!.changes).toEqual(expect.arrayContaining([{ field: 'industry', from: null, to: '"Logistics"' }]));
    expect(update!.changes.find((ch) => ch.field === 'mergedIds')?.to).toContain(f.merged.id);
    const [mergedEntry] = await sql(`select action, changes from audit_entry where entity = 'Customer' and entity_id = ? order by at desc limit 1`, [f.merged.id]);
    expect(mergedEntry!.action).toBe('DELETE');
    expect(mergedEntry!.changes).toEqual(expect.arrayContaining([{ field: 'mergedInto', from: null, to: f.survivor.id }]));

    // the merged customer is gone from reads, and the survivor's contacts include the moved one
    const lookup = await subgraph.gql(`query($id: ID!) { customer(id: $id) { id } }`, { id: f.merged.id });
    expect(lookup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const contacts = await subgraph.gql<{ customer: { contacts: { id: string }[]; mergedInto: { id: string } | null } }>(`query($id: ID!) { customer(id: $id) { mergedInto { id } contacts { id } } }`, {
      id: f.survivor.id,
    });
    expect(contacts.data!.customer.contacts.map((c) => c.id).sort()).toEqual([f.contactId, f.survivorContactId].sort());
    expect(contacts.data!.customer.mergedInto).toBeNull();
  });

  it('lets a team head who sees both merge, but not one who sees only the survivor', async () => {
    const f = await mergeFixture(repA);
    const other = await create(repB, { name: 'Other Team Customer ' + randomUUID().slice(0, 8) });
    const blind = await subgraph.gqlAs(headA, mergeMutation, { s: f.survivor.id, m: other.id });
    expect(blind.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'mergedId' });
    const ok = await subgraph.gqlAs<Merged>(headA, mergeMutation, { s: f.survivor.id, m: f.merged.id });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.mergeCustomers.id).toBe(f.survivor.id);
  });

  it('refuses merging to sales reps and read-only departments, writing nothing', async () => {
    const f = await mergeFixture(repA);
    const byRep = await subgraph.gqlAs(repA, mergeMutation, { s: f.survivor.id, m: f.merged.id });
    expect(byRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byAgent = await subgraph.gqlAs(agent, mergeMutation, { s: f.survivor.id, m: f.merged.id });
    expect(byAgent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await sql('select merged_into, deleted_at from customer where id = ?', [f.merged.id])).toEqual([{ merged_into: null, deleted_at: null }]);
    expect(await sql('select customer_id from contact where id = ?', [f.contactId])).toEqual([{ customer_id: f.merged.id }]);
  });

  it('answers CONFLICT for a merge into itself, of an already merged customer, or into one, and NOT_FOUND / BAD_USER_INPUT for bad ids', async () => {
    const f = await mergeFixture(repA);
    const self = await subgraph.gql(mergeMutation, { s: f.survivor.id, m: f.survivor.id });
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'mergedId' });
    expect((await subgraph.gql(mergeMutation, { s: f.survivor.id, m: f.merged.id })).errors).toBeUndefined();
    const again = await subgraph.gql(mergeMutation, { s: f.survivor.id, m: f.merged.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'mergedId' });
    const into = await subgraph.gql(mergeMutation, { s: f.merged.id, m: f.survivor.id });
    expect(into.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'survivorId' });
    const restore = await subgraph.gql(`mutation($id: ID!) { restoreCustomer(id: $id) { id } }`, { id: f.merged.id });
    expect(restore.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const unknown = await subgraph.gql(mergeMutation, { s: f.survivor.id, m: randomUUID() });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'mergedId' });
    const malformed = await subgraph.gql(mergeMutation, { s: 'nope', m: f.survivor.id });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'survivorId' });
  });
});
