import { randomUUID } from 'node:crypto';
import { createEvent, TicketOpenedV1 } from '@rapport/contracts';
import { waitFor } from '@rapport/testing';
import { startTestSubgraph, testCast, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomersService } from '../../create-customers-service.js';
import { useCustomersSubgraph } from '../../testing.js';
import { findLikelyDuplicates } from './duplicate.service.js';

const { team: teamA, otherTeam: teamB, rep: repA, repElsewhere: repB, head: headA, otherHead: headB, director, agent } = testCast();
const subgraph = useCustomersSubgraph();

type Candidate = { customer: { id: string; name: string }; score: number; reasons: string[] };
const candidateFields = 'customer { id name } score reasons';
const findQuery = `query($input: FindDuplicatesInput!, $first: Int) { findDuplicates(input: $input, first: $first) { ${candidateFields} } }`;
const mergeMutation = `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m) { id industry taxId email tags history(first: 5) { action changes { field from to } } } }`;

const sql = subgraph.sql;

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
    const r = await subgraph.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { kind: 'COMPANY', name: 'Bad Tax Id Co', taxId: 'DE#1' },
    });
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
    const shown = await subgraph.gqlAs<{ customer: { likelyDuplicates: Candidate[] } }>(
      director,
      `query($id: ID!) { customer(id: $id) { likelyDuplicates { ${candidateFields} } } }`,
      {
        id: theirs.id,
      },
    );
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
  const merged = await create(owner, {
    name: 'Merge Victim ' + randomUUID().slice(0, 8),
    email: 'drop@victim.example',
    industry: 'Logistics',
    taxId: 'DE555444333',
    tags: ['moved', 'keep'],
  });
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
  await sql(
    `insert into timeline_entry (id, customer_id, event_id, kind, module, summary, source_service, subject_id, occurred_at) values (?, ?, ?, 'ACTIVITY_LOGGED', 'activities', 'old entry', 'test', ?, now())`,
    [timelineId, merged.id, randomUUID(), merged.id],
  );
  const documentId = randomUUID();
  await sql(
    `insert into customer_document (id, customer_id, kind, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by) values (?, ?, 'CONTRACT', 'contract.pdf', 'application/pdf', 10, ?, ?, ?)`,
    [documentId, merged.id, 'a'.repeat(64), `test/${documentId}`, randomUUID()],
  );
  return {
    survivor,
    merged,
    sharedUser,
    documentId,
    contactId: contact.data!.addContact.id,
    survivorContactId: survivorPrimary.data!.addContact.id,
    addressId: address.data!.addAddress.id,
    activityId: activity.data!.logActivity.id,
    timelineId,
  };
}

type Merged = {
  mergeCustomers: {
    id: string;
    industry: string | null;
    taxId: string | null;
    email: string | null;
    tags: string[];
    history: { action: string; changes: { field: string; from: string | null; to: string | null }[] }[];
  };
};

describe('merging customers', () => {
  it('re-points contacts, addresses, activities, documents, timeline and sharing to the survivor in one transaction, fills empty fields, and publishes the merge', async () => {
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
    expect(await sql('select customer_id from customer_document where id = ?', [f.documentId])).toEqual([{ customer_id: f.survivor.id }]);
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

    // the merged customer is gone from lists, and the survivor's contacts include the moved one
    const list = await subgraph.gql<{ customers: { edges: { node: { id: string } }[] } }>(
      `query($s: String) { customers(filter: { search: $s }, first: 10) { edges { node { id } } } }`,
      {
        s: 'Merge Victim',
      },
    );
    expect(list.data!.customers.edges.map((e) => e.node.id)).not.toContain(f.merged.id);
    const contacts = await subgraph.gql<{ customer: { contacts: { id: string }[]; mergedInto: { id: string } | null } }>(
      `query($id: ID!) { customer(id: $id) { mergedInto { id } contacts { id } } }`,
      {
        id: f.survivor.id,
      },
    );
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

describe('a merged customer’s old id', () => {
  const mergedView = `query($id: ID!) { customer(id: $id) { id name deletedAt mergedInto { id name } likelyDuplicates { customer { id } } contacts { id } } }`;
  type MergedView = {
    customer: { id: string; name: string; deletedAt: string | null; mergedInto: { id: string; name: string } | null; likelyDuplicates: unknown[]; contacts: unknown[] };
  };
  const merge = async (survivorId: string, mergedId: string) => {
    const r = await subgraph.gqlAs<Merged>(director, mergeMutation, { s: survivorId, m: mergedId });
    expect(r.errors).toBeUndefined();
  };

  it('answers customer(id) with the record marked merged and mergedInto naming the survivor, to whoever sees the survivor', async () => {
    const f = await mergeFixture(repA);
    await merge(f.survivor.id, f.merged.id);
    // Visibility follows the survivor, also once the merged customer's own access row is gone (as the merge event's consumer leaves it).
    await sql('delete from customer_access where customer_id = ?', [f.merged.id]);
    const seen = await subgraph.gqlAs<MergedView>(repA, mergedView, { id: f.merged.id });
    expect(seen.errors).toBeUndefined();
    const [survivorName] = await sql('select name from customer where id = ?', [f.survivor.id]);
    expect(seen.data!.customer).toMatchObject({ id: f.merged.id, mergedInto: { id: f.survivor.id, name: survivorName!.name }, likelyDuplicates: [], contacts: [] });
    expect(seen.data!.customer.name).toMatch(/^Merge Victim /);
    expect(Date.parse(seen.data!.customer.deletedAt!)).not.toBeNaN();

    const byReference = await subgraph.gqlAs<{ _entities: { id: string; mergedInto: { id: string } | null }[] }>(
      repA,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id mergedInto { id } } } }`,
      { r: [{ __typename: 'Customer', id: f.merged.id }] },
    );
    expect(byReference.data!._entities).toEqual([{ id: f.merged.id, mergedInto: { id: f.survivor.id } }]);

    const blind = await subgraph.gqlAs(repB, mergedView, { id: f.merged.id });
    expect(blind.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(blind.data ?? null).toBeNull();
    expect((await find(repA, { name: 'Merge Victim', email: 'drop@victim.example' })).map((c) => c.customer.id)).not.toContain(f.merged.id);
  });

  it('keeps a customer deleted without a merge NOT_FOUND', async () => {
    const gone = await create(repA, { name: 'Plainly Deleted ' + randomUUID().slice(0, 8) });
    expect((await subgraph.gqlAs(repA, `mutation($id: ID!) { deleteCustomer(id: $id) { id } }`, { id: gone.id })).errors).toBeUndefined();
    const r = await subgraph.gqlAs(repA, mergedView, { id: gone.id });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses changes to a merged customer with CONFLICT naming the survivor, writing nothing', async () => {
    const f = await mergeFixture(repA);
    await merge(f.survivor.id, f.merged.id);
    const attempts = [
      await subgraph.gqlAs(repA, `mutation($i: AddContactInput!) { addContact(input: $i) { id } }`, { i: { customerId: f.merged.id, name: 'Late Contact' } }),
      await subgraph.gqlAs(repA, `mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { id } }`, { i: { id: f.merged.id, industry: 'Stale' } }),
      await subgraph.gqlAs(repA, `mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }`, { i: { customerId: f.merged.id, kind: 'CALL', subject: 'Stale call' } }),
      await subgraph.gqlAs(headA, `mutation($i: TransferCustomerInput!) { transferCustomer(input: $i) { id } }`, { i: { customerId: f.merged.id, toOwnerId: repB.userId } }),
    ];
    for (const r of attempts) {
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CUSTOMER_MERGED', details: { mergedInto: f.survivor.id } });
    }
    expect(await sql(`select 1 from contact where name = 'Late Contact'`)).toHaveLength(0);
    expect(await sql(`select 1 from activity where subject = 'Stale call'`)).toHaveLength(0);
    expect(await sql('select industry, owner_id from customer where id = ?', [f.merged.id])).toEqual([{ industry: 'Logistics', owner_id: repA.userId }]);
    // someone who does not see the survivor learns nothing about the merge
    const blind = await subgraph.gqlAs(repB, `mutation($i: AddContactInput!) { addContact(input: $i) { id } }`, { i: { customerId: f.merged.id, name: 'Late Contact' } });
    expect(blind.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(blind.errors?.[0]?.extensions?.details).toBeUndefined();
  });

  it('keeps mergedInto naming the latest survivor when the survivor is merged in turn', async () => {
    const a = await create(repA, { name: 'Chain Alpha ' + randomUUID().slice(0, 8) });
    const b = await create(repA, { name: 'Chain Beta ' + randomUUID().slice(0, 8) });
    const c = await create(repA, { name: 'Chain Gamma ' + randomUUID().slice(0, 8) });
    await merge(b.id, a.id);
    await merge(c.id, b.id);
    const ra = await subgraph.gqlAs<MergedView>(repA, mergedView, { id: a.id });
    const rb = await subgraph.gqlAs<MergedView>(repA, mergedView, { id: b.id });
    expect(ra.data!.customer.mergedInto?.id).toBe(c.id);
    expect(rb.data!.customer.mergedInto?.id).toBe(c.id);
    const [survivor] = await sql('select merged_ids from customer where id = ?', [c.id]);
    expect(survivor!.merged_ids).toEqual([a.id, b.id]);
  });
});

describe('events about a merged customer', () => {
  // Its own subgraph with Kafka, so the other tests' query logs hold no relay or consumer traffic.
  let events: TestSubgraph;
  const eventSql = (text: string, params: unknown[] = []) => events.service.orm.em.fork().getConnection().execute(text, params);
  const createIn = async (name: string): Promise<string> => {
    const r = await events.gqlAs<{ createCustomer: { id: string } }>(repA, `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
      i: { name, kind: 'COMPANY' },
    });
    expect(r.errors).toBeUndefined();
    return r.data!.createCustomer.id;
  };
  const ticketOpened = (customerId: string, subject: string) => {
    const ticketId = randomUUID();
    return createEvent(TicketOpenedV1, ticketId, { ticketId, customerId, number: 'T-000777', subject, priority: 'LOW', openedAt: new Date().toISOString() });
  };

  beforeAll(async () => {
    events = await startTestSubgraph('customers', createCustomersService, { kafka: true });
  });
  afterAll(async () => events?.stop());

  it('puts an event raised under a merged id after the merge on the survivor’s timeline', async () => {
    const survivorId = await createIn('Late Survivor');
    const mergedId = await createIn('Late Merged');
    expect((await events.gqlAs(director, mergeMutation, { s: survivorId, m: mergedId })).errors).toBeUndefined();
    const event = ticketOpened(mergedId, 'Opened by a stale client');
    await events.events.waitUntilHandled(await events.events.deliver(event));
    expect(await eventSql('select customer_id, kind from timeline_entry where subject_id = ?', [event.subject])).toEqual([{ customer_id: survivorId, kind: 'TICKET_OPENED' }]);
    const timeline = await events.gqlAs<{ customer: { timeline: { edges: { node: { subjectId: string; summary: string } }[] } } }>(
      repA,
      `query($id: ID!) { customer(id: $id) { timeline(first: 50) { edges { node { subjectId summary } } } } }`,
      { id: survivorId },
    );
    expect(timeline.errors).toBeUndefined();
    expect(timeline.data!.customer.timeline.edges.map((e) => e.node)).toContainEqual({
      subjectId: event.subject,
      summary: 'Ticket T-000777 opened (low): Opened by a stale client',
    });
  });

  it('holds an event for a customer being merged until the merge commits, then puts it on the survivor', async () => {
    const survivorId = await createIn('Race Survivor');
    const mergedId = await createIn('Race Merged');
    const event = ticketOpened(mergedId, 'Raced');
    let delivery: Awaited<ReturnType<typeof events.events.deliver>> | undefined;
    // A merge in progress: the merged customer's row is locked for update until it commits.
    await events.service.orm.em.fork().transactional(async (tx) => {
      await tx.execute('select 1 from customer where id = ? for update', [mergedId]);
      delivery = await events.events.deliver(event);
      await waitFor(
        async () =>
          (await eventSql(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%for key share%'`)).length > 0
            ? true
            : undefined,
        { what: 'the timeline consumer to wait for the merge' },
      );
      await tx.execute('update customer set merged_into = ?, deleted_at = now() where id = ?', [survivorId, mergedId]);
    });
    await events.events.waitUntilHandled(delivery!);
    expect(await eventSql('select customer_id from timeline_entry where subject_id = ?', [event.subject])).toEqual([{ customer_id: survivorId }]);
  });
});
