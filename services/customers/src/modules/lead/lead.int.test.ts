import { randomUUID } from 'node:crypto';
import { testCast, type TestPrincipal, testPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCustomersSubgraph } from '../../testing.js';

const { team, admin, rep: repA, otherRep: repB, head, director, agent, buyer } = testCast();
const subgraph = useCustomersSubgraph();

interface LeadResult {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  source: string | null;
  status: string;
  disqualifyReason: string | null;
  owner: { id: string } | null;
  convertedCustomer: { id: string; name: string; kind: string; owner: { id: string } | null; contacts: { name: string; emails: string[]; primary: boolean }[] } | null;
}
const fields = 'id name company email source status disqualifyReason owner { id } convertedCustomer { id name kind owner { id } contacts { name emails primary } }';
const capture = `mutation($input: CaptureLeadInput!) { captureLead(input: $input) { ${fields} } }`;
const form = `mutation($input: LeadFormInput!) { submitLeadForm(input: $input) { received } }`;
const qualify = `mutation($id: ID!) { qualifyLead(id: $id) { ${fields} } }`;
const disqualify = `mutation($id: ID!, $reason: String!) { disqualifyLead(id: $id, reason: $reason) { ${fields} } }`;
const convert = `mutation($id: ID!, $input: ConvertLeadInput!) { convertLead(id: $id, input: $input) { ${fields} } }`;
const getLead = `query($id: ID!) { lead(id: $id) { ${fields} } }`;
const listLeads = `query($filter: LeadFilter, $first: Int, $after: String) { leads(filter: $filter, first: $first, after: $after) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;
type Leads = { leads: { edges: { cursor: string; node: { id: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const sql = subgraph.sql;
const count = async (query: string, params: unknown[] = []): Promise<number> => (await sql<{ n: number }>(`select count(*)::int as n from ${query}`, params))[0]!.n;

async function captured(principal: TestPrincipal, input: Record<string, unknown>): Promise<LeadResult> {
  const result = await subgraph.gqlAs<{ captureLead: LeadResult }>(principal, capture, { input });
  expect(result.errors).toBeUndefined();
  return result.data!.captureLead;
}

async function qualified(principal: TestPrincipal, input: Record<string, unknown>): Promise<LeadResult> {
  const lead = await captured(principal, input);
  const result = await subgraph.gqlAs<{ qualifyLead: LeadResult }>(principal, qualify, { id: lead.id });
  expect(result.errors).toBeUndefined();
  return result.data!.qualifyLead;
}

describe('capturing leads', () => {
  it('captures a NEW lead owned by the caller, kept apart from customers', async () => {
    const customersBefore = await count('customer');
    const lead = await captured(repA, { name: ' Jane Doe ', company: 'Doe Pumps', email: 'Jane@Doe.example', phone: '+49 30 1234', source: 'TRADE_SHOW', message: 'Wants pumps' });
    expect(lead).toMatchObject({
      name: 'Jane Doe',
      company: 'Doe Pumps',
      email: 'jane@doe.example',
      source: 'TRADE_SHOW',
      status: 'NEW',
      owner: { id: repA.userId },
      convertedCustomer: null,
    });
    expect(await count('customer')).toBe(customersBefore);
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const before = await count('lead');
    const blank = await subgraph.gqlAs(repA, capture, { input: { name: '  ' } });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const email = await subgraph.gqlAs(repA, capture, { input: { name: 'X', email: 'not-an-email' } });
    expect(email.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const long = await subgraph.gqlAs(repA, capture, { input: { name: 'X', message: 'm'.repeat(4001) } });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.message' });
    const owner = await subgraph.gqlAs(repA, capture, { input: { name: 'X', ownerId: 'nope' } });
    expect(owner.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ownerId' });
    expect(await count('lead')).toBe(before);
  });

  it('lets a rep capture leads for themselves only, and a director for anyone', async () => {
    const forOther = await subgraph.gqlAs(repA, capture, { input: { name: 'Sneaky', ownerId: repB.userId } });
    expect(forOther.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.ownerId' });
    const assigned = await captured(director, { name: 'For B', ownerId: repB.userId });
    expect(assigned.owner).toEqual({ id: repB.userId });
  });

  it('keeps other departments and anonymous callers from capturing', async () => {
    expect((await subgraph.gqlAs(agent, capture, { input: { name: 'X' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await subgraph.gqlAs(null, capture, { input: { name: 'X' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the public web form', () => {
  it('records an unassigned NEW lead from the WEBSITE without sign-in', async () => {
    const result = await subgraph.gqlAs<{ submitLeadForm: { received: boolean } }>(null, form, {
      input: { name: 'Web Visitor', company: 'Visitor GmbH', email: 'Visitor@Web.example', message: 'Call me', website: '' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.submitLeadForm.received).toBe(true);
    const rows = await sql(`select name, email, source, status, owner_id, from_web_form from lead where email = 'visitor@web.example'`);
    expect(rows).toEqual([{ name: 'Web Visitor', email: 'visitor@web.example', source: 'WEBSITE', status: 'NEW', owner_id: null, from_web_form: true }]);
  });

  it('rejects a filled-in honeypot, naming `input.website`, and writes nothing', async () => {
    const before = await count('lead');
    const result = await subgraph.gqlAs(null, form, { input: { name: 'Bot', email: 'bot@spam.example', website: 'http://spam.example' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.website' });
    expect(await count('lead')).toBe(before);
  });

  it('validates strictly: email required and valid, every text length-limited', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'A', email: '  ' }, 'input.email'],
      [{ name: 'A', email: 'nope' }, 'input.email'],
      [{ name: '', email: 'a@b.example' }, 'input.name'],
      [{ name: 'n'.repeat(201), email: 'a@b.example' }, 'input.name'],
      [{ name: 'A', email: 'a@b.example', company: 'c'.repeat(201) }, 'input.company'],
      [{ name: 'A', email: 'a@b.example', phone: '1'.repeat(41) }, 'input.phone'],
      [{ name: 'A', email: 'a@b.example', message: 'm'.repeat(4001) }, 'input.message'],
      [{ name: 'A', email: `${'e'.repeat(250)}@b.example` }, 'input.email'],
    ];
    for (const [input, field] of cases) {
      const result = await subgraph.gqlAs(null, form, { input });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await count(`lead where email = 'a@b.example'`)).toBe(0);
  });

  it('accepts 5 submissions per email address an hour, then answers CONFLICT naming `input.email`', async () => {
    for (let i = 0; i < 5; i++) {
      const ok = await subgraph.gqlAs(null, form, { input: { name: `Eager ${i}`, email: i % 2 ? 'EAGER@limit.example' : 'eager@limit.example' } });
      expect(ok.errors).toBeUndefined();
    }
    const sixth = await subgraph.gqlAs(null, form, { input: { name: 'Eager 6', email: 'eager@limit.example' } });
    expect(sixth.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
    expect(await count(`lead where email = 'eager@limit.example'`)).toBe(5);
    const other = await subgraph.gqlAs(null, form, { input: { name: 'Calm', email: 'calm@limit.example' } });
    expect(other.errors).toBeUndefined();
  });

  it('counts only the last hour', async () => {
    for (let i = 0; i < 5; i++) await subgraph.gqlAs(null, form, { input: { name: `Old ${i}`, email: 'old@limit.example' } });
    await sql(`update lead set created_at = now() - interval '61 minutes' where email = 'old@limit.example'`);
    const again = await subgraph.gqlAs(null, form, { input: { name: 'Back', email: 'old@limit.example' } });
    expect(again.errors).toBeUndefined();
  });

  it('leaves every other operation closed to anonymous callers', async () => {
    const result = await subgraph.gqlAs(null, listLeads, {});
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('qualifying and disqualifying', () => {
  it('qualifies a NEW lead once; a second time is a CONFLICT', async () => {
    const lead = await qualified(repA, { name: 'Q One' });
    expect(lead.status).toBe('QUALIFIED');
    const again = await subgraph.gqlAs(repA, qualify, { id: lead.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
  });

  it('requires a reason to disqualify, naming `reason`', async () => {
    const lead = await captured(repA, { name: 'D One' });
    const blank = await subgraph.gqlAs(repA, disqualify, { id: lead.id, reason: '   ' });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const done = await subgraph.gqlAs<{ disqualifyLead: LeadResult }>(repA, disqualify, { id: lead.id, reason: ' No budget ' });
    expect(done.data!.disqualifyLead).toMatchObject({ status: 'DISQUALIFIED', disqualifyReason: 'No budget' });
  });

  it('disqualifies a QUALIFIED lead, but never a disqualified one again, nor qualifies it', async () => {
    const lead = await qualified(repA, { name: 'D Two' });
    expect((await subgraph.gqlAs(repA, disqualify, { id: lead.id, reason: 'Competitor' })).errors).toBeUndefined();
    expect((await subgraph.gqlAs(repA, disqualify, { id: lead.id, reason: 'Again' })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect((await subgraph.gqlAs(repA, qualify, { id: lead.id })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
  });

  it('answers NOT_FOUND for an unknown lead and BAD_USER_INPUT for a malformed id', async () => {
    expect((await subgraph.gqlAs(repA, qualify, { id: randomUUID() })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await subgraph.gqlAs(repA, qualify, { id: 'x' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('keeps the lead’s history: capture, qualification, disqualification', async () => {
    const lead = await qualified(repA, { name: 'H One' });
    await subgraph.gqlAs(repA, disqualify, { id: lead.id, reason: 'Gone' });
    const trail = await subgraph.gqlAs<{ lead: { history: { action: string; actorId: string }[] } }>(repA, `query($id: ID!) { lead(id: $id) { history { action actorId } } }`, {
      id: lead.id,
    });
    expect(trail.data!.lead.history.map((h) => h.action)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
    expect(trail.data!.lead.history.every((h) => h.actorId === repA.userId)).toBe(true);
  });
});

describe('converting a lead', () => {
  it('creates the customer and its primary contact, marks the lead CONVERTED and publishes the event, in one transaction', async () => {
    const lead = await qualified(repA, { name: 'Conv Person', company: 'Conv AG', email: 'conv@conv.example', phone: '+1 555' });
    const result = await subgraph.gqlAs<{ convertLead: LeadResult }>(repA, convert, {
      id: lead.id,
      input: { customerKind: 'COMPANY', opportunity: { title: 'First order', amount: { amount: '1200.5', currency: 'eur' } } },
    });
    expect(result.errors).toBeUndefined();
    const converted = result.data!.convertLead;
    expect(converted.status).toBe('CONVERTED');
    expect(converted.convertedCustomer).toMatchObject({
      name: 'Conv AG',
      kind: 'COMPANY',
      owner: { id: repA.userId },
      contacts: [{ name: 'Conv Person', emails: ['conv@conv.example'], primary: true }],
    });
    const customerId = converted.convertedCustomer!.id;
    const outbox = await sql<{ type: string; data: Record<string, unknown> }>(
      `select type, payload->'data' as data from outbox_message where message_key in (?, ?) order by type`,
      [customerId, lead.id],
    );
    // The lead's own earlier events (captured, qualified) share its key.
    expect(outbox.map((o) => o.type)).toEqual(['customers.customer.created.v1', 'customers.lead.captured.v1', 'customers.lead.converted.v1', 'customers.lead.qualified.v1']);
    expect(outbox.find((o) => o.type === 'customers.lead.converted.v1')!.data).toMatchObject({
      leadId: lead.id,
      customerId,
      ownerId: repA.userId,
      opportunity: { title: 'First order', amount: { amount: '1200.50', currency: 'EUR' } },
    });
    const [times] = await sql<{ same: boolean }>(
      `select (select xmin from customer where id = ?) = (select xmin from lead where id = ?) and (select xmin from lead where id = ?) = (select xmin from contact where customer_id = ?) as same`,
      [customerId, lead.id, lead.id, customerId],
    );
    expect(times!.same).toBe(true);
    const again = await subgraph.gqlAs(repA, convert, { id: lead.id, input: { customerKind: 'COMPANY' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
  });

  it('converts a lead without an opportunity into a PERSON, owned by the caller when unassigned', async () => {
    await subgraph.gqlAs(null, form, { input: { name: 'Solo Buyer', email: 'solo@buyer.example' } });
    const [row] = await sql<{ id: string }>(`select id from lead where email = 'solo@buyer.example'`);
    expect((await subgraph.gqlAs(repB, qualify, { id: row!.id })).errors).toBeUndefined();
    const result = await subgraph.gqlAs<{ convertLead: LeadResult }>(repB, convert, { id: row!.id, input: { customerKind: 'PERSON' } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.convertLead.convertedCustomer).toMatchObject({ name: 'Solo Buyer', kind: 'PERSON', owner: { id: repB.userId } });
    const [event] = await sql<{ opportunity: unknown }>(`select payload->'data'->'opportunity' as opportunity from outbox_message where message_key = ?`, [row!.id]);
    expect(event!.opportunity).toBeNull();
  });

  it('converts only QUALIFIED leads (CONFLICT otherwise) and writes nothing then', async () => {
    const lead = await captured(repA, { name: 'Not Yet', company: 'Early Ltd' });
    const before = [await count('customer'), await count('contact'), await count('outbox_message')];
    const result = await subgraph.gqlAs(repA, convert, { id: lead.id, input: { customerKind: 'COMPANY' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect([await count('customer'), await count('contact'), await count('outbox_message')]).toEqual(before);
  });

  it('rejects bad input naming the field', async () => {
    const lead = await qualified(repA, { name: 'No Company' });
    const company = await subgraph.gqlAs(repA, convert, { id: lead.id, input: { customerKind: 'COMPANY' } });
    expect(company.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerKind' });
    const title = await subgraph.gqlAs(repA, convert, { id: lead.id, input: { customerKind: 'PERSON', opportunity: { title: ' ', amount: { amount: '1', currency: 'EUR' } } } });
    expect(title.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.opportunity.title' });
    const amount = await subgraph.gqlAs(repA, convert, { id: lead.id, input: { customerKind: 'PERSON', opportunity: { title: 'T', amount: { amount: '-1', currency: 'EUR' } } } });
    expect(amount.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.opportunity.amount.amount' });
    expect((await subgraph.gqlAs<{ lead: LeadResult }>(repA, getLead, { id: lead.id })).data!.lead.status).toBe('QUALIFIED');
  });

  it('writes nothing at all when a step after the customer fails (customer, contact, event and lead roll back together)', async () => {
    const lead = await qualified(repA, { name: 'Explodes', company: 'Rollback Inc', email: 'rb@rollback.example' });
    await sql(
      `create function fail_contact() returns trigger language plpgsql as $$ begin if new.name = 'Explodes' then raise exception 'contact refused'; end if; return new; end $$`,
    );
    await sql(`create trigger fail_contact before insert on contact for each row execute function fail_contact()`);
    try {
      const before = [await count('customer'), await count('contact'), await count('outbox_message'), await count('customer_access')];
      const result = await subgraph.gqlAs(repA, convert, { id: lead.id, input: { customerKind: 'COMPANY' } });
      expect(result.errors).toBeDefined();
      expect([await count('customer'), await count('contact'), await count('outbox_message'), await count('customer_access')]).toEqual(before);
      expect(await count(`customer where name = 'Rollback Inc'`)).toBe(0);
      const [row] = await sql<{ status: string; converted_customer_id: string | null }>(`select status, converted_customer_id from lead where id = ?`, [lead.id]);
      expect(row).toEqual({ status: 'QUALIFIED', converted_customer_id: null });
    } finally {
      await sql('drop trigger fail_contact on contact');
      await sql('drop function fail_contact()');
    }
    const retried = await subgraph.gqlAs<{ convertLead: LeadResult }>(repA, convert, { id: lead.id, input: { customerKind: 'COMPANY' } });
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.convertLead.convertedCustomer).toMatchObject({ name: 'Rollback Inc', contacts: [{ name: 'Explodes', primary: true }] });
  });
});

describe('who sees which leads', () => {
  let ofA = '';
  let ofB = '';
  beforeAll(async () => {
    ofA = (await captured(repA, { name: 'Vis A' })).id;
    ofB = (await captured(repB, { name: 'Vis B' })).id;
    await subgraph.gqlAs(null, form, { input: { name: 'Vis Unassigned', email: 'vis@unassigned.example' } });
  });
  const names = async (principal: TestPrincipal): Promise<string[]> => {
    const result = await subgraph.gqlAs<Leads>(principal, listLeads, { first: 100 });
    expect(result.errors).toBeUndefined();
    return result.data!.leads.edges.map((e) => e.node.name).filter((n) => n.startsWith('Vis '));
  };

  it('shows a rep their own leads and the unassigned ones, not another rep’s', async () => {
    expect((await names(repA)).sort()).toEqual(['Vis A', 'Vis Unassigned']);
    expect((await subgraph.gqlAs(repA, getLead, { id: ofB })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await subgraph.gqlAs(repA, qualify, { id: ofB })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await subgraph.gqlAs(repA, getLead, { id: ofA })).errors).toBeUndefined();
  });

  it('shows team heads, directors and admins every lead', async () => {
    for (const principal of [head, director, admin]) expect((await names(principal)).sort()).toEqual(['Vis A', 'Vis B', 'Vis Unassigned']);
    expect((await subgraph.gqlAs(head, qualify, { id: ofB })).errors).toBeUndefined();
  });

  it('shows other departments no leads at all', async () => {
    for (const principal of [agent, buyer]) {
      expect((await subgraph.gqlAs(principal, listLeads, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await subgraph.gqlAs(principal, getLead, { id: ofA })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('pages by cursor, newest first, and filters by status', async () => {
    const page1 = await subgraph.gqlAs<Leads>(admin, listLeads, { first: 2 });
    expect(page1.data!.leads.pageInfo.hasNextPage).toBe(true);
    const page2 = await subgraph.gqlAs<Leads>(admin, listLeads, { first: 2, after: page1.data!.leads.pageInfo.endCursor });
    const ids1 = page1.data!.leads.edges.map((e) => e.node.id);
    expect(page2.data!.leads.edges.map((e) => e.node.id).some((id) => ids1.includes(id))).toBe(false);
    const converted = await subgraph.gqlAs<Leads>(admin, listLeads, { filter: { status: 'CONVERTED' }, first: 100 });
    expect(converted.data!.leads.edges.map((e) => e.node.name).sort()).toEqual(['Conv Person', 'Explodes', 'Solo Buyer']);
    const bad = await subgraph.gqlAs(admin, listLeads, { first: 0 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('converting a lead that matches an existing customer', () => {
  const createCustomer = `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`;

  async function existing(principal: TestPrincipal, input: Record<string, unknown>): Promise<string> {
    const result = await subgraph.gqlAs<{ createCustomer: { id: string } }>(principal, createCustomer, { i: { kind: 'COMPANY', ...input } });
    expect(result.errors).toBeUndefined();
    return result.data!.createCustomer.id;
  }

  it('refuses to create a silent duplicate, naming the candidates, and writes nothing', async () => {
    const customerId = await existing(repA, { name: 'Duplex Pumps GmbH', email: 'orders@duplex.example' });
    const lead = await qualified(repA, { name: 'Dora Duplex', company: 'Duplex Pumps GmbH', email: 'orders@duplex.example' });
    const customersBefore = await count('customer');
    const refused = await subgraph.gqlAs(repA, convert, { id: lead.id, input: { customerKind: 'COMPANY' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'LEAD_MATCHES_CUSTOMER',
      field: 'input.attachToCustomerId',
      details: { candidates: [{ customerId, name: 'Duplex Pumps GmbH', score: 1, reasons: ['SIMILAR_NAME', 'SAME_EMAIL'] }] },
    });
    expect(await count('customer')).toBe(customersBefore);
    expect((await subgraph.gqlAs<{ lead: LeadResult }>(repA, getLead, { id: lead.id })).data!.lead.status).toBe('QUALIFIED');
  });

  it('attaches the lead to the existing customer it names: no new customer, the person joins as a contact', async () => {
    const customerId = await existing(repA, { name: 'Attach Valves Ltd', email: 'info@attach.example' });
    const lead = await qualified(repA, { name: 'Adam Attach', company: 'Attach Valves Ltd', email: 'adam@attach.example' });
    const customersBefore = await count('customer');
    const result = await subgraph.gqlAs<{ convertLead: LeadResult }>(repA, convert, {
      id: lead.id,
      input: { attachToCustomerId: customerId, opportunity: { title: 'Valves 2027', amount: { amount: '500', currency: 'EUR' } } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.convertLead).toMatchObject({
      status: 'CONVERTED',
      convertedCustomer: { id: customerId, name: 'Attach Valves Ltd', contacts: [{ name: 'Adam Attach', emails: ['adam@attach.example'], primary: true }] },
    });
    expect(await count('customer')).toBe(customersBefore);
    const [event] = await sql<{ data: Record<string, unknown> }>(
      `select payload->'data' as data from outbox_message where message_key = ? and type = 'customers.lead.converted.v1'`,
      [lead.id],
    );
    expect(event!.data).toMatchObject({ leadId: lead.id, customerId, ownerId: repA.userId, opportunity: { title: 'Valves 2027' } });
  });

  it('reuses a contact with the lead’s email when attaching, and attaches only to a customer the caller may change', async () => {
    const customerId = await existing(repA, { name: 'Reuse Seals SA' });
    await subgraph.gqlAs(repA, `mutation($i: AddContactInput!) { addContact(input: $i) { id } }`, { i: { customerId, name: 'Rosa Reuse', emails: ['rosa@reuse.example'] } });
    const lead = await qualified(repA, { name: 'Rosa R.', company: 'Reuse Seals SA', email: 'ROSA@reuse.example' });
    const outsider = testPrincipal('SALES_REP', [randomUUID()]);
    const foreign = await existing(outsider, { name: 'Not Yours Ltd' });
    const invisible = await subgraph.gqlAs(repA, convert, { id: lead.id, input: { attachToCustomerId: foreign } });
    expect(invisible.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.attachToCustomerId' });
    const both = await subgraph.gqlAs(repA, convert, { id: lead.id, input: { attachToCustomerId: customerId, createDespiteDuplicates: true } });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.createDespiteDuplicates' });
    const result = await subgraph.gqlAs<{ convertLead: LeadResult }>(repA, convert, { id: lead.id, input: { attachToCustomerId: customerId } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.convertLead.convertedCustomer!.contacts).toEqual([{ name: 'Rosa Reuse', emails: ['rosa@reuse.example'], primary: expect.any(Boolean) }]);
  });

  it('creates a new customer anyway when told to, and needs a kind to create one', async () => {
    await existing(repA, { name: 'Twin Motors AB', email: 'hello@twin.example' });
    const lead = await qualified(repA, { name: 'Tina Twin', company: 'Twin Motors AB', email: 'tina@twin.example' });
    const noKind = await subgraph.gqlAs(repA, convert, { id: lead.id, input: {} });
    expect(noKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerKind' });
    expect((await subgraph.gqlAs(repA, convert, { id: lead.id, input: { customerKind: 'COMPANY' } })).errors?.[0]?.extensions?.reason).toBe('LEAD_MATCHES_CUSTOMER');
    const result = await subgraph.gqlAs<{ convertLead: LeadResult }>(repA, convert, { id: lead.id, input: { customerKind: 'COMPANY', createDespiteDuplicates: true } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.convertLead.convertedCustomer).toMatchObject({ name: 'Twin Motors AB', contacts: [{ name: 'Tina Twin', primary: true }] });
  });
});
