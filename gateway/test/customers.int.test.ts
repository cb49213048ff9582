import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, type TestSystem } from './harness.js';

// A rep's day with the customers subgraph, through the gateway, with real users, real sign-in and
// real events: customers with contacts and addresses, duplicates, search, activities and their
// review, leads from the API and the public web form, CSV import and export, a merge that every
// subgraph follows, and the timeline built from every subgraph's events.

let system: TestSystem;
let rep = { id: '', token: '' };
let otherRep = { id: '', token: '' };
let manager = { id: '', token: '' };
let teamId = '';
let productId = '';

beforeAll(async () => {
  system = await startTestSystem('customers-test');
  teamId = (await system.must<{ createTeam: { id: string } }>(system.adminToken, `mutation { createTeam(input: { name: "North" }) { id } }`)).createTeam.id;
  const otherTeam = (await system.must<{ createTeam: { id: string } }>(system.adminToken, `mutation { createTeam(input: { name: "South" }) { id } }`)).createTeam.id;
  rep = await system.createUser({ email: 'rita@customers.example', displayName: 'Rita Rep', role: 'SALES_REP', teamId });
  otherRep = await system.createUser({ email: 'oscar@customers.example', displayName: 'Oscar Other', role: 'SALES_REP', teamId: otherTeam });
  manager = await system.createUser({ email: 'mona@customers.example', displayName: 'Mona Manager', role: 'SALES_MANAGER', teamId });
  productId = (
    await system.must<{ createProduct: { id: string } }>(system.adminToken, `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, {
      i: { sku: 'PUMP-7', name: 'Pump', unit: 'pcs', listPrice: { amount: '250.00', currency: 'EUR' } },
    })
  ).createProduct.id;
  await system.untilSellable(productId);
  // Stock for the orders below: inventory raises an order's shipping notice when it reserves stock for it.
  const warehouseId = (await system.must<{ createWarehouse: { id: string } }>(system.adminToken, `mutation { createWarehouse(input: { code: "CUS-1", name: "Main" }) { id } }`))
    .createWarehouse.id;
  await system.must(system.adminToken, `mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { id } }`, { i: { productId, warehouseId, quantity: '100' } });
});

afterAll(async () => {
  await system?.stop();
});

type Candidate = { customer: { id: string; name: string }; score: number; reasons: string[] };
type Contact = { id: string; name: string; title: string | null; emails: string[]; phones: string[]; preferredChannel: string | null; primary: boolean };
type TimelineNode = { id: string; kind: string; subjectId: string; sourceService: string; summary: string; occurredAt: string };
type TimelinePage = { edges: { cursor: string; node: TimelineNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const CREATE = `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) {
  id name kind lifecycleState email phone industry source tier tags taxId owner { id } team { id }
  likelyDuplicates { customer { id name } score reasons } } }`;
const TIMELINE = `query($id: ID!, $first: Int, $after: String) { customer(id: $id) { timeline(first: $first, after: $after) {
  edges { cursor node { id kind subjectId sourceService summary occurredAt } } pageInfo { hasNextPage endCursor } } } }`;

async function timelineOf(customerId: string, first = 100, after: string | null = null): Promise<TimelinePage> {
  return (await system.must<{ customer: { timeline: TimelinePage } }>(system.adminToken, TIMELINE, { id: customerId, first, after })).customer.timeline;
}

/** Waits until the customer's timeline holds an entry of each `kind` (for the subject, or with a summary containing the text, when given), and returns the timeline. */
async function waitForTimeline(customerId: string, expected: { kind: string; subjectId?: string; summaryContains?: string }[], what: string): Promise<TimelineNode[]> {
  return waitFor(
    async () => {
      const nodes = (await timelineOf(customerId)).edges.map((e) => e.node);
      const holds = (x: (typeof expected)[number]) => (n: TimelineNode) =>
        n.kind === x.kind && (x.subjectId === undefined || n.subjectId === x.subjectId) && (x.summaryContains === undefined || n.summary.includes(x.summaryContains));
      return expected.every((x) => nodes.some(holds(x))) ? nodes : undefined;
    },
    { what, timeoutMs: 20000 },
  );
}

describe('a rep’s day with customers, through the gateway', () => {
  let companyId = '';
  let personId = '';
  let duplicateId = '';
  let othersId = '';
  let anna: Contact;
  let callAt = '';
  let callId = '';
  let visitId = '';

  it('creates a company and a person with contacts, addresses, tags and a tier, moves the primary flag and the lifecycle, and reports likely duplicates', async () => {
    const company = (
      await system.must<{ createCustomer: Record<string, unknown> & { id: string; likelyDuplicates: Candidate[] } }>(rep.token, CREATE, {
        i: {
          name: 'Brightwater Pumps GmbH',
          kind: 'COMPANY',
          email: 'Info@Brightwater.example',
          phone: '+49 30 1234567',
          industry: 'Food processing',
          source: 'TRADE_SHOW',
          tier: 'A',
          tags: ['Export', 'pumps', 'export '],
          taxId: 'de 123.456-789',
        },
      })
    ).createCustomer;
    companyId = company.id;
    expect(company).toEqual({
      id: companyId,
      name: 'Brightwater Pumps GmbH',
      kind: 'COMPANY',
      lifecycleState: 'PROSPECT',
      email: 'info@brightwater.example',
      phone: '+49 30 1234567',
      industry: 'Food processing',
      source: 'TRADE_SHOW',
      tier: 'A',
      tags: ['export', 'pumps'],
      taxId: 'DE123456789',
      owner: { id: rep.id },
      team: { id: teamId },
      likelyDuplicates: [],
    });
    const person = (
      await system.must<{ createCustomer: { id: string; kind: string; lifecycleState: string; tier: string | null } }>(rep.token, CREATE, {
        i: { name: 'Erika Mustermann', kind: 'PERSON', lifecycleState: 'LEAD', email: 'erika@mustermann.example', tags: ['private'] },
      })
    ).createCustomer;
    personId = person.id;
    expect(person).toMatchObject({ kind: 'PERSON', lifecycleState: 'LEAD', tier: null });

    // Contacts: the primary flag moves when a second contact is made primary.
    const addContact = `mutation($i: AddContactInput!) { addContact(input: $i) { id name title emails phones preferredChannel primary } }`;
    anna = (
      await system.must<{ addContact: Contact }>(rep.token, addContact, {
        i: {
          customerId: companyId,
          name: 'Anna Berg',
          title: 'Head of purchasing',
          emails: ['Anna@Brightwater.example'],
          phones: ['+49 30 1234568'],
          preferredChannel: 'EMAIL',
          primary: true,
        },
      })
    ).addContact;
    expect(anna).toMatchObject({ emails: ['anna@brightwater.example'], phones: ['+49 30 1234568'], preferredChannel: 'EMAIL', primary: true });
    const ben = (
      await system.must<{ addContact: Contact }>(rep.token, addContact, { i: { customerId: companyId, name: 'Ben Vogel', title: 'Plant manager', preferredChannel: 'PHONE' } })
    ).addContact;
    expect(ben.primary).toBe(false);
    await system.must(rep.token, `mutation($i: UpdateContactInput!) { updateContact(input: $i) { id } }`, { i: { id: ben.id, primary: true } });

    // Addresses.
    const addAddress = `mutation($i: AddAddressInput!) { addAddress(input: $i) { id } }`;
    await system.must(rep.token, addAddress, { i: { customerId: companyId, kind: 'BILLING', street: 'Spreeweg 1', postalCode: '10557', city: 'Berlin', country: 'de' } });
    await system.must(rep.token, addAddress, { i: { customerId: companyId, kind: 'SHIPPING', street: 'Hafenstr. 9', city: 'Hamburg', country: 'DE' } });

    // Lifecycle: PROSPECT → ACTIVE → DORMANT, each step in the history.
    const update = `mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { lifecycleState } }`;
    await system.must(rep.token, update, { i: { id: companyId, lifecycleState: 'ACTIVE' } });
    expect(
      (await system.must<{ updateCustomer: { lifecycleState: string } }>(rep.token, update, { i: { id: companyId, lifecycleState: 'DORMANT', notes: 'Orders every spring' } }))
        .updateCustomer,
    ).toEqual({
      lifecycleState: 'DORMANT',
    });
    await system.must(rep.token, update, { i: { id: companyId, lifecycleState: 'ACTIVE' } });

    const read = await system.must<{
      customer: {
        lifecycleState: string;
        notes: string;
        contacts: Contact[];
        addresses: { kind: string; street: string; postalCode: string | null; city: string; country: string }[];
        history: { action: string; actorId: string; changes: { field: string; from: string | null; to: string | null }[] }[];
      };
    }>(
      rep.token,
      `query($id: ID!) { customer(id: $id) { lifecycleState notes contacts { id name title emails phones preferredChannel primary }
        addresses { kind street postalCode city country } history(first: 20) { action actorId changes { field from to } } } }`,
      { id: companyId },
    );
    expect(read.customer.lifecycleState).toBe('ACTIVE');
    expect(read.customer.notes).toBe('Orders every spring');
    expect(read.customer.contacts.map((c) => [c.name, c.primary])).toEqual([
      ['Ben Vogel', true],
      ['Anna Berg', false],
    ]);
    expect(read.customer.addresses).toEqual([
      { kind: 'BILLING', street: 'Spreeweg 1', postalCode: '10557', city: 'Berlin', country: 'DE' },
      { kind: 'SHIPPING', street: 'Hafenstr. 9', postalCode: null, city: 'Hamburg', country: 'DE' },
    ]);
    const lifecycle = read.customer.history.flatMap((h) => h.changes.filter((c) => c.field === 'lifecycleState').map((c) => [c.from, c.to, h.actorId]));
    expect(lifecycle).toEqual([
      ['"DORMANT"', '"ACTIVE"', rep.id],
      ['"ACTIVE"', '"DORMANT"', rep.id],
      ['"PROSPECT"', '"ACTIVE"', rep.id],
      [null, '"PROSPECT"', rep.id],
    ]);

    // A second record of the same company: reported as a likely duplicate when it is created.
    const duplicate = (
      await system.must<{ createCustomer: { id: string; likelyDuplicates: Candidate[] } }>(rep.token, CREATE, {
        i: { name: 'Brightwater Pumps', kind: 'COMPANY', email: 'info@brightwater.example', industry: 'Pumps', tags: ['service'] },
      })
    ).createCustomer;
    duplicateId = duplicate.id;
    expect(duplicate.likelyDuplicates).toHaveLength(1);
    expect(duplicate.likelyDuplicates[0]).toMatchObject({ customer: { id: companyId, name: 'Brightwater Pumps GmbH' }, reasons: ['SIMILAR_NAME', 'SAME_EMAIL'] });
    expect(duplicate.likelyDuplicates[0]!.score).toBeGreaterThanOrEqual(0.9);
    // Another rep's similar customer is not offered to the rep: they may not see it.
    othersId = (
      await system.must<{ createCustomer: { id: string; likelyDuplicates: Candidate[] } }>(otherRep.token, CREATE, {
        i: { name: 'Brightwater Valves', kind: 'COMPANY', tier: 'A' },
      })
    ).createCustomer.id;
    const otherDup = await system.must<{ customer: { likelyDuplicates: Candidate[] } }>(
      rep.token,
      `query($id: ID!) { customer(id: $id) { likelyDuplicates { customer { id } } } }`,
      {
        id: duplicateId,
      },
    );
    expect(otherDup.customer.likelyDuplicates.map((c) => c.customer.id)).toEqual([companyId]);
  });

  it('logs a call (moving lastContactedAt), plans a field visit that shows among the reminders, and lets only the team head approve', async () => {
    callAt = new Date(Date.now() - 3_600_000).toISOString();
    const log = `mutation($i: LogActivityInput!) { logActivity(input: $i) { id kind contact { name } subject outcome nextStep nextStepDue occurredAt plannedFor review { status } createdBy { id } } }`;
    const call = (
      await system.must<{ logActivity: Record<string, unknown> & { id: string } }>(rep.token, log, {
        i: {
          customerId: companyId,
          kind: 'CALL',
          contactId: anna.id,
          subject: 'Spring order',
          occurredAt: callAt,
          outcome: 'Wants a quote for 20 pumps',
          nextStep: 'Send quote',
          nextStepDue: day(1),
        },
      })
    ).logActivity;
    expect(call).toEqual({
      id: call.id,
      kind: 'CALL',
      contact: { name: 'Anna Berg' },
      subject: 'Spring order',
      outcome: 'Wants a quote for 20 pumps',
      nextStep: 'Send quote',
      nextStepDue: day(1),
      occurredAt: callAt,
      plannedFor: null,
      review: { status: 'PENDING' },
      createdBy: { id: rep.id },
    });
    const plannedFor = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const visit = (
      await system.must<{ logActivity: { id: string; occurredAt: string | null; plannedFor: string } }>(rep.token, log, {
        i: { customerId: companyId, kind: 'PLANNED_VISIT', subject: 'Plant tour', plannedFor, nextStep: 'Bring samples', nextStepDue: day(3) },
      })
    ).logActivity;
    expect(visit).toMatchObject({ occurredAt: null, plannedFor });
    callId = call.id;
    visitId = visit.id;
    // Another customer's activity, due later: not among this week's reminders.
    await system.must(rep.token, log, { i: { customerId: personId, kind: 'NOTE', subject: 'Prefers letters', nextStep: 'Write in autumn', nextStepDue: day(60) } });

    const customer = await system.must<{ customer: { lastContactedAt: string } }>(rep.token, `query($id: ID!) { customer(id: $id) { lastContactedAt } }`, { id: companyId });
    expect(customer.customer.lastContactedAt).toBe(callAt); // the planned visit did not move it

    const reminders = await system.must<{ activities: { edges: { node: { id: string; subject: string } }[] } }>(
      rep.token,
      `query($f: ActivityFilter) { activities(filter: $f, first: 20) { edges { node { id subject } } } }`,
      { f: { dueBefore: day(7) } },
    );
    expect(reminders.activities.edges.map((e) => e.node.subject).sort()).toEqual(['Plant tour', 'Spring order']);

    const reviewMutation = `mutation($id: ID!, $d: ReviewDecision!, $c: String) { reviewActivity(id: $id, decision: $d, comment: $c) {
      review { status comment reviewedAt reviewer { id displayName } } } }`;
    const byRep = await system.as(rep.token, reviewMutation, { id: call.id, d: 'APPROVED', c: 'Self-approved' });
    expect(byRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const queue = await system.must<{ activities: { edges: { node: { id: string } }[] } }>(
      manager.token,
      `query { activities(filter: { reviewStatus: PENDING }, first: 20) { edges { node { id } } } }`,
    );
    expect(queue.activities.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([call.id, visit.id]));
    const approved = await system.must<{ reviewActivity: { review: { status: string; comment: string; reviewedAt: string; reviewer: { id: string; displayName: string } } } }>(
      manager.token,
      reviewMutation,
      { id: call.id, d: 'APPROVED', c: 'Good call, quote by Friday' },
    );
    expect(approved.reviewActivity.review).toMatchObject({ status: 'APPROVED', comment: 'Good call, quote by Friday', reviewer: { id: manager.id, displayName: 'Mona Manager' } });
    expect(Math.abs(Date.parse(approved.reviewActivity.review.reviewedAt) - Date.now())).toBeLessThan(60_000);
    const again = await system.as(manager.token, reviewMutation, { id: call.id, d: 'REJECTED' });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('searches by fuzzy text and filters, pages by cursor, and shows a rep only their own customers', async () => {
    const search = `query($q: String!, $f: CustomerFilter, $first: Int, $after: String) { searchCustomers(query: $q, filter: $f, first: $first, after: $after) {
      edges { cursor score node { id name } } pageInfo { hasNextPage endCursor } } }`;
    type Found = {
      searchCustomers: { edges: { cursor: string; score: number; node: { id: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    };
    const ids = async (token: string, q: string, f: Record<string, unknown> | null = null) =>
      (await system.must<Found>(token, search, { q, f, first: 20 })).searchCustomers.edges.map((e) => e.node.id);

    // Typo-tolerant names; the other rep's "Brightwater Valves" is not the rep's to see.
    expect((await ids(rep.token, 'brightwatr pumps')).sort()).toEqual([companyId, duplicateId].sort());
    expect(await ids(rep.token, 'brightwater valves')).not.toContain(othersId);
    expect(await ids(otherRep.token, 'brightwater')).toEqual([othersId]);
    const hidden = await system.as(otherRep.token, `query($id: ID!) { customer(id: $id) { name } }`, { id: companyId });
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Contacts' names, emails and phones find their customer.
    expect(await ids(rep.token, 'ana berg')).toEqual([companyId]);
    expect(await ids(rep.token, 'anna@brightwater.example')).toEqual([companyId]);
    expect(await ids(rep.token, '30 123 4568')).toEqual([companyId]); // digits within +49 30 1234568 (Anna's phone)
    // Filters combine with the text.
    const onlyTheCompany: Record<string, unknown>[] = [
      { tier: 'A' },
      { city: 'berlin' },
      { tags: ['EXPORT'] },
      { industry: 'food processing' },
      { lifecycleState: 'ACTIVE' },
      { lastContactedFrom: callAt.slice(0, 10), lastContactedTo: day(0) },
      { ownerId: rep.id, tier: 'A', tags: ['pumps'], city: 'Hamburg', createdFrom: day(-1) },
    ];
    for (const f of onlyTheCompany) expect(await ids(rep.token, 'brightwater', f), JSON.stringify(f)).toEqual([companyId]);
    expect((await ids(rep.token, 'brightwater', { ownerId: rep.id, createdFrom: day(-1), createdTo: day(0) })).sort()).toEqual([companyId, duplicateId].sort());
    expect(await ids(rep.token, 'brightwater', { ownerId: otherRep.id })).toEqual([]);
    expect(await ids(rep.token, 'brightwater', { city: 'Munich' })).toEqual([]);
    expect(await ids(rep.token, 'brightwater', { createdTo: day(-1) })).toEqual([]);
    // The day before the call's (not before today's: an hour before a run just after midnight is yesterday).
    const dayBeforeCall = new Date(Date.parse(callAt) - 86_400_000).toISOString().slice(0, 10);
    expect(await ids(rep.token, 'brightwater', { lastContactedTo: dayBeforeCall })).toEqual([]);

    // Paged one by one by cursor: every match once, best first.
    const all = (await system.must<Found>(manager.token, search, { q: 'brightwater', first: 20 })).searchCustomers.edges;
    expect(all.map((e) => e.node.id).sort()).toEqual([companyId, duplicateId].sort()); // the head of team North does not see team South's customer
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Found['searchCustomers'] = (await system.must<Found>(manager.token, search, { q: 'brightwater', first: 1, after })).searchCustomers;
      paged.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.map((e) => e.node.id));
    expect(all[0]!.score).toBeGreaterThanOrEqual(all[1]!.score);
  });

  it('captures leads from the API and the public web form, qualifies, disqualifies with a reason, and converts one into a customer with a contact and an opportunity', async () => {
    const captured = (
      await system.must<{ captureLead: { id: string; status: string; owner: { id: string } | null; source: string } }>(
        rep.token,
        `mutation($i: CaptureLeadInput!) { captureLead(input: $i) { id status owner { id } source } }`,
        { i: { name: 'Carla Nowak', company: 'Nowak Dairy', email: 'carla@nowak.example', phone: '+48 22 555 0101', source: 'TRADE_SHOW', message: 'Needs pumps for a new line' } },
      )
    ).captureLead;
    expect(captured).toMatchObject({ status: 'NEW', owner: { id: rep.id }, source: 'TRADE_SHOW' });

    const form = `mutation($i: LeadFormInput!) { submitLeadForm(input: $i) { received } }`;
    expect(await system.must(null, form, { i: { name: 'Web Visitor', email: 'visitor@web.example', message: 'Send me a catalogue' } })).toEqual({
      submitLeadForm: { received: true },
    });
    const bot = await system.as(null, form, { i: { name: 'Bot', email: 'bot@web.example', website: 'http://spam.example' } });
    expect(bot.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.website' });
    const anonymousList = await system.as(null, `{ leads(first: 5) { edges { node { id } } } }`);
    expect(anonymousList.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    type LeadNode = { id: string; name: string; status: string; source: string | null; owner: { id: string } | null };
    const leads = await system.must<{ leads: { edges: { node: LeadNode }[] } }>(
      rep.token,
      `{ leads(filter: { status: NEW }, first: 10) { edges { node { id name status source owner { id } } } } }`,
    );
    const web = leads.leads.edges.map((e) => e.node).find((l) => l.name === 'Web Visitor');
    expect(web).toMatchObject({ status: 'NEW', source: 'WEBSITE', owner: null });
    expect(leads.leads.edges.map((e) => e.node.id)).toContain(captured.id);

    const disqualified = await system.must<{ disqualifyLead: { status: string; disqualifyReason: string } }>(
      rep.token,
      `mutation($id: ID!, $r: String!) { disqualifyLead(id: $id, reason: $r) { status disqualifyReason } }`,
      { id: web!.id, r: 'Student project, no budget' },
    );
    expect(disqualified.disqualifyLead).toEqual({ status: 'DISQUALIFIED', disqualifyReason: 'Student project, no budget' });
    const noReason = await system.as(rep.token, `mutation($id: ID!) { disqualifyLead(id: $id, reason: " ") { status } }`, { id: captured.id });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const early = await system.as(rep.token, `mutation($id: ID!) { convertLead(id: $id, input: { customerKind: COMPANY }) { status } }`, { id: captured.id });
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    await system.must(rep.token, `mutation($id: ID!) { qualifyLead(id: $id) { status } }`, { id: captured.id });
    const converted = (
      await system.must<{
        convertLead: {
          status: string;
          convertedCustomer: {
            id: string;
            name: string;
            kind: string;
            email: string;
            source: string;
            owner: { id: string };
            contacts: { name: string; emails: string[]; phones: string[]; primary: boolean }[];
          };
        };
      }>(
        rep.token,
        `mutation($id: ID!, $i: ConvertLeadInput!) { convertLead(id: $id, input: $i) { status convertedCustomer { id name kind email source owner { id } contacts { name emails phones primary } } } }`,
        { id: captured.id, i: { customerKind: 'COMPANY', opportunity: { title: 'Pumps for line 3', amount: { amount: '48000.00', currency: 'EUR' } } } },
      )
    ).convertLead;
    expect(converted.status).toBe('CONVERTED');
    const customerId = converted.convertedCustomer.id;
    expect(converted.convertedCustomer).toEqual({
      id: customerId,
      name: 'Nowak Dairy',
      kind: 'COMPANY',
      email: 'carla@nowak.example',
      source: 'TRADE_SHOW',
      owner: { id: rep.id },
      contacts: [{ name: 'Carla Nowak', emails: ['carla@nowak.example'], phones: ['+48 22 555 0101'], primary: true }],
    });

    // Sales opens the opportunity from the conversion event.
    const opportunities = await waitFor(
      async () => {
        const d = await system.must<{
          customer: { openOpportunities: { title: string; amount: { amount: string; currency: string }; stage: { name: string }; customer: { id: string } }[] };
        }>(rep.token, `query($id: ID!) { customer(id: $id) { openOpportunities { title amount { amount currency } stage { name } customer { id } } } }`, { id: customerId });
        return d.customer.openOpportunities.length ? d.customer.openOpportunities : undefined;
      },
      { what: 'sales to open the converted lead’s opportunity', timeoutMs: 20000 },
    );
    expect(opportunities).toEqual([{ title: 'Pumps for line 3', amount: { amount: '48000.00', currency: 'EUR' }, stage: { name: 'Qualification' }, customer: { id: customerId } }]);
    await waitForTimeline(customerId, [{ kind: 'LEAD_CONVERTED', subjectId: captured.id }], 'the conversion on the new customer’s timeline');

    // The lead keeps its history: capture, qualification, conversion.
    const lead = await system.must<{ lead: { status: string; history: { action: string; changes: { field: string; from: string | null; to: string | null }[] }[] } }>(
      rep.token,
      `query($id: ID!) { lead(id: $id) { status history(first: 10) { action changes { field from to } } } }`,
      { id: captured.id },
    );
    expect(lead.lead.status).toBe('CONVERTED');
    const statusSteps = lead.lead.history.flatMap((h) => h.changes.filter((c) => c.field === 'status').map((c) => [c.from, c.to]));
    expect(statusSteps).toEqual([
      ['"QUALIFIED"', '"CONVERTED"'],
      ['"NEW"', '"QUALIFIED"'],
      [null, '"NEW"'],
    ]);
  });

  it('imports customers from CSV: a dry run reports the bad row and the duplicate and writes nothing; the real run skips the duplicate; the export holds the imported rows', async () => {
    const csv = [
      'Company,Email,City,Country,Contact,Contact email,Tags',
      'Northwind Traders,orders@northwind.example,Leipzig,DE,Nora North,nora@northwind.example,food;export',
      'Broken Row Ltd,not-an-email,Leeds,GB,,,',
      'brightwater pumps gmbh,,,,,,',
    ].join('\n');
    const mapping = [
      { column: 'Company', field: 'NAME' },
      { column: 'Email', field: 'EMAIL' },
      { column: 'City', field: 'CITY' },
      { column: 'Country', field: 'COUNTRY' },
      { column: 'Contact', field: 'CONTACT_NAME' },
      { column: 'Contact email', field: 'CONTACT_EMAIL' },
      { column: 'Tags', field: 'TAGS' },
    ];
    const importMutation = `mutation($i: ImportCustomersInput!) { importCustomers(input: $i) {
      status dryRun total processed created merged skipped failed errors { line field reason } } }`;
    type Report = {
      status: string;
      dryRun: boolean;
      total: number;
      processed: number;
      created: number;
      merged: number;
      skipped: number;
      failed: number;
      errors: { line: number; field: string | null; reason: string }[];
    };
    const dry = (await system.must<{ importCustomers: Report }>(rep.token, importMutation, { i: { csv, mapping, dryRun: true, duplicates: 'SKIP', mode: 'PER_ROW' } }))
      .importCustomers;
    expect(dry).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', dryRun: true, total: 3, processed: 3, created: 1, merged: 0, skipped: 1, failed: 1 });
    expect(dry.errors).toEqual([{ line: 3, field: 'email', reason: expect.stringMatching(/email/i) }]);
    const northwind = `{ customers(filter: { search: "Northwind" }, first: 5) { edges { node { id name email tags owner { id } contacts { name emails primary } addresses { kind city country } } } } }`;
    type Listed = {
      customers: { edges: { node: { id: string; name: string; email: string; tags: string[]; owner: { id: string }; contacts: unknown[]; addresses: unknown[] } }[] };
    };
    expect((await system.must<Listed>(rep.token, northwind)).customers.edges).toEqual([]);

    const real = (await system.must<{ importCustomers: Report }>(rep.token, importMutation, { i: { csv, mapping, dryRun: false, duplicates: 'SKIP', mode: 'PER_ROW' } }))
      .importCustomers;
    expect(real).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', dryRun: false, total: 3, created: 1, skipped: 1, failed: 1, errors: [{ line: 3, field: 'email' }] });
    const imported = (await system.must<Listed>(rep.token, northwind)).customers.edges.map((e) => e.node);
    expect(imported).toEqual([
      {
        id: expect.any(String),
        name: 'Northwind Traders',
        email: 'orders@northwind.example',
        tags: ['food', 'export'],
        owner: { id: rep.id },
        contacts: [{ name: 'Nora North', emails: ['nora@northwind.example'], primary: true }],
        addresses: [{ kind: 'BILLING', city: 'Leipzig', country: 'DE' }],
      },
    ]);
    // The skipped duplicate left the existing customer as it was.
    const brightwater = await system.must<{ customers: { edges: { node: { id: string } }[] } }>(
      rep.token,
      `{ customers(filter: { search: "brightwater pumps gmbh" }, first: 5) { edges { node { id } } } }`,
    );
    expect(brightwater.customers.edges.map((e) => e.node.id)).toEqual([companyId]);

    const exported = (await system.must<{ exportCustomers: string }>(rep.token, `{ exportCustomers(filter: { tags: ["food"] }) }`)).exportCustomers;
    const [header, ...rows] = exported.trim().split(/\r?\n/);
    const columns = header!.split(',');
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(rows[0]!.split(',').map((value, i) => [columns[i], value]));
    expect(row).toMatchObject({
      name: 'Northwind Traders',
      email: 'orders@northwind.example',
      city: 'Leipzig',
      country: 'DE',
      contactName: 'Nora North',
      contactEmail: 'nora@northwind.example',
      tags: 'food;export',
    });
    // The rep's export holds none of the other rep's customers.
    const everything = (await system.must<{ exportCustomers: string }>(rep.token, `{ exportCustomers }`)).exportCustomers;
    expect(everything).toContain('Brightwater Pumps GmbH');
    expect(everything).not.toContain('Brightwater Valves');
  });

  it('merges the duplicate into the company: every subgraph re-points its records to the survivor, whose timeline holds both histories, paged by cursor', async () => {
    // Records in every subgraph on the customer about to be merged away.
    const ticketId = (
      await system.must<{ openTicket: { id: string } }>(system.adminToken, `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, {
        i: { customerId: duplicateId, subject: 'Seal leaks', priority: 'HIGH' },
      })
    ).openTicket.id;
    const opportunityId = (
      await system.must<{ openOpportunity: { id: string } }>(system.adminToken, `mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }`, {
        i: { customerId: duplicateId, title: 'Service contract', amount: { amount: '3600.00', currency: 'EUR' } },
      })
    ).openOpportunity.id;
    const orderId = (
      await system.must<{ placeOrder: { id: string } }>(system.adminToken, `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, {
        i: { customerId: duplicateId, currency: 'EUR', lines: [{ productId, quantity: '2', unitPrice: { amount: '250.00', currency: 'EUR' } }] },
      })
    ).placeOrder.id;
    const invoiceId = (
      await system.must<{ issueInvoice: { id: string } }>(system.adminToken, `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id } }`, {
        i: { customerId: duplicateId, total: { amount: '500.00', currency: 'EUR' }, issueDate: day(0), dueDate: day(30) },
      })
    ).issueInvoice.id;
    const duplicateHistory = [
      { kind: 'CUSTOMER_CREATED', subjectId: duplicateId },
      { kind: 'TICKET_OPENED', subjectId: ticketId },
      { kind: 'OPPORTUNITY_OPENED', subjectId: opportunityId },
      { kind: 'ORDER_CONFIRMED', subjectId: orderId },
      { kind: 'INVOICE_ISSUED', subjectId: invoiceId },
      { kind: 'SHIPMENT_PLANNED', summaryContains: orderId }, // inventory plans the order's shipment
    ];
    await waitForTimeline(duplicateId, duplicateHistory, 'the duplicate’s records on its timeline');

    // A rep may not merge; the head of the rep's team may.
    const mergeMutation = `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m) { id industry tags contacts { name } } }`;
    expect((await system.as(rep.token, mergeMutation, { s: companyId, m: duplicateId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const merged = await system.must<{ mergeCustomers: { id: string; industry: string; tags: string[]; contacts: { name: string }[] } }>(manager.token, mergeMutation, {
      s: companyId,
      m: duplicateId,
    });
    expect(merged.mergeCustomers).toMatchObject({ id: companyId, industry: 'Food processing', tags: ['export', 'pumps', 'service'] });

    // Every subgraph follows the merge event.
    type Pointers = {
      ticket: { customer: { id: string } };
      opportunity: { customer: { id: string } };
      salesOrder: { customer: { id: string } };
      invoice: { customer: { id: string } };
    };
    const pointers = await waitFor(
      async () => {
        const d = await system.must<Pointers>(
          system.adminToken,
          `query($t: ID!, $o: ID!, $s: ID!, $i: ID!) { ticket(id: $t) { customer { id } } opportunity(id: $o) { customer { id } } salesOrder(id: $s) { customer { id } } invoice(id: $i) { customer { id } } }`,
          { t: ticketId, o: opportunityId, s: orderId, i: invoiceId },
        );
        return [d.ticket, d.opportunity, d.salesOrder, d.invoice].every((r) => r.customer.id === companyId) ? d : undefined;
      },
      { what: 'every subgraph to re-point its records to the survivor', timeoutMs: 20000 },
    );
    expect(pointers).toEqual({
      ticket: { customer: { id: companyId } },
      opportunity: { customer: { id: companyId } },
      salesOrder: { customer: { id: companyId } },
      invoice: { customer: { id: companyId } },
    });
    const survivor = await system.must<{ customer: { openTickets: { id: string }[]; openOpportunities: { id: string }[]; openOrders: { id: string }[] } }>(
      rep.token,
      `query($id: ID!) { customer(id: $id) { openTickets { id } openOpportunities { id } openOrders { id } } }`,
      { id: companyId },
    );
    expect(survivor.customer.openTickets.map((t) => t.id)).toEqual([ticketId]);
    expect(survivor.customer.openOpportunities.map((o) => o.id)).toEqual([opportunityId]);
    expect(survivor.customer.openOrders.map((o) => o.id)).toEqual([orderId]);

    // The old id still answers, marked merged, and leads to the survivor; changing it is refused naming the survivor.
    const old = await system.must<{ customer: { id: string; name: string; deletedAt: string | null; mergedInto: { id: string; name: string } | null } }>(
      rep.token,
      `query($id: ID!) { customer(id: $id) { id name deletedAt mergedInto { id name } } }`,
      { id: duplicateId },
    );
    expect(old.customer).toMatchObject({ id: duplicateId, name: 'Brightwater Pumps', mergedInto: { id: companyId, name: 'Brightwater Pumps GmbH' } });
    expect(old.customer.deletedAt).not.toBeNull();
    const stale = await system.as(rep.token, `mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { id } }`, { i: { id: duplicateId, tier: 'B' } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CUSTOMER_MERGED', details: { mergedInto: companyId } });

    // A stale client opening a ticket under the old id is refused by support too, naming the survivor.
    const late = await system.as(system.adminToken, `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, {
      i: { customerId: duplicateId, subject: 'Opened from an old bookmark', priority: 'LOW' },
    });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CUSTOMER_MERGED', field: 'input.customerId', details: { mergedInto: companyId } });

    // The survivor's timeline holds both histories, newest first, paged by cursor without overlap.
    const full = await waitForTimeline(
      companyId,
      [...duplicateHistory, { kind: 'CUSTOMER_CREATED', subjectId: companyId }, { kind: 'ACTIVITY_LOGGED', subjectId: callId }, { kind: 'ACTIVITY_LOGGED', subjectId: visitId }],
      'both histories on the survivor’s timeline',
    );
    expect(
      full
        .filter((n) => n.kind === 'ACTIVITY_LOGGED')
        .map((n) => n.summary)
        .sort(),
    ).toEqual(['Call logged: Spring order', expect.stringMatching(/^Visit planned for \d{4}-\d{2}-\d{2}: Plant tour$/)].sort());
    expect(await timelineOf(duplicateId).then((t) => t.edges)).toEqual([]);
    expect(new Set(full.map((n) => n.sourceService))).toEqual(new Set(['customers', 'support', 'sales', 'inventory', 'finance']));

    const paged: TimelineNode[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await timelineOf(companyId, 3, after);
      paged.push(...page.edges.map((e) => e.node));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(full.length / 3));
    expect(paged.map((n) => n.id)).toEqual(full.map((n) => n.id));
    expect(new Set(paged.map((n) => n.id)).size).toBe(paged.length);
    const times = paged.map((n) => Date.parse(n.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
  it('takes the website’s contact form as a plain HTML form post: a thank-you (or the configured redirect), 400 naming the field, 429 past the limit', async () => {
    const post = (body: string, headers: Record<string, string> = {}, base = system.baseUrl) =>
      fetch(`${base}/forms/lead`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body, redirect: 'manual' });
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

    const ok = await post(form({ name: 'Greta Form', company: 'Form & Söhne', email: 'greta@form.example', message: 'Call me <b>back</b>', website: '' }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/html');
    expect(await ok.text()).toContain('Thank you');
    const leads = await system.must<{
      leads: { edges: { node: { name: string; company: string; email: string; message: string; source: string; status: string; owner: null } }[] };
    }>(system.adminToken, `{ leads(filter: { status: NEW }, first: 50) { edges { node { name company email message source status owner { id } } } } }`);
    expect(leads.leads.edges.map((e) => e.node).find((l) => l.email === 'greta@form.example')).toEqual({
      name: 'Greta Form',
      company: 'Form & Söhne',
      email: 'greta@form.example',
      message: 'Call me <b>back</b>',
      source: 'WEBSITE',
      status: 'NEW',
      owner: null,
    });

    const missing = await post(form({ name: 'No Mail' }), { accept: 'application/json' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: { extensions: { field: string } }[] }).errors[0]!.extensions.field).toBe('email');
    const bot = await post(form({ name: 'Bot', email: 'bot@spam.example', website: 'http://spam.example' }), { accept: 'application/json' });
    expect(bot.status).toBe(400);
    expect(((await bot.json()) as { errors: { extensions: { field: string; reason: string } }[] }).errors[0]!.extensions).toMatchObject({ field: 'website', reason: 'HONEYPOT' });
    const html = await post(form({ name: 'No Mail' }));
    expect(html.status).toBe(400);
    expect(await html.text()).toContain('email');

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(form({ name: 'Eager', email: 'eager@form.example' }))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect((await post(form({ name: 'Eager', email: 'eager@form.example' }))).status).toBe(429);

    expect((await fetch(`${system.baseUrl}/forms/lead`)).status).toBe(405);
    expect((await post('name=x', { 'content-type': 'text/plain' })).status).toBe(415);

    const redirecting = await system.startGateway({}, 4, { leadFormRedirectUrl: 'https://www.example.com/thanks' });
    const redirected = await post(form({ name: 'Hans Redirect', email: 'hans@form.example' }), {}, redirecting.url);
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toBe('https://www.example.com/thanks');
  });
});
