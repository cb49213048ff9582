import type { GraphQLResult } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Leaks between departments and teams (issue 8, items 5–8), through the gateway as a client would
// ask: timeline entries of modules a role may not read, team heads beyond their teams, history
// telling what the record hides, and "was merged" told to callers who may not see the customer.

let system: TestSystem;
const teams = { north: '', northEast: '', south: '' };
type Who = 'head' | 'repNE' | 'repS' | 'agent' | 'clerk' | 'accountant';
const users = {} as Record<Who, { id: string; token: string }>;

const as = <T>(who: Who | 'admin', query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> =>
  system.as<T>(who === 'admin' ? system.adminToken : users[who].token, query, variables);
const must = <T>(who: Who | 'admin', query: string, variables: Record<string, unknown> = {}): Promise<T> =>
  system.must<T>(who === 'admin' ? system.adminToken : users[who].token, query, variables);
const codeOf = (result: GraphQLResult<unknown>): string | undefined => result.errors?.[0]?.extensions?.code as string | undefined;

const createCustomer = async (who: Who | 'admin', name: string, extra: Record<string, unknown> = {}): Promise<string> =>
  (await must<{ createCustomer: { id: string } }>(who, `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, { i: { name, kind: 'COMPANY', ...extra } }))
    .createCustomer.id;

beforeAll(async () => {
  system = await startTestSystem('leaks-test');
  const team = async (name: string, parentId?: string): Promise<string> =>
    (await must<{ createTeam: { id: string } }>('admin', `mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }`, { i: { name, parentId: parentId ?? null } })).createTeam
      .id;
  teams.north = await team('Leaks North');
  teams.northEast = await team('Leaks North-East', teams.north);
  teams.south = await team('Leaks South');
  const placed: Record<Who, [string, string | null]> = {
    head: ['SALES_MANAGER', teams.north],
    repNE: ['SALES_REP', teams.northEast],
    repS: ['SALES_REP', teams.south],
    agent: ['SUPPORT_AGENT', null],
    clerk: ['WAREHOUSE_CLERK', null],
    accountant: ['ACCOUNTANT', null],
  };
  for (const [who, [role, teamId]] of Object.entries(placed) as [Who, [string, string | null]][]) {
    users[who] = await system.createUser({ email: `${who.toLowerCase()}@leaks.example`, role, teamId });
  }
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

describe('Customer.timeline shows each entry only to roles that may read its module (item 5)', () => {
  type Timeline = { customer: { timeline: { edges: { node: { kind: string; summary: string } }[] } } };
  const timelineOf = async (who: Who | 'admin', customerId: string): Promise<{ kind: string; summary: string }[]> =>
    (
      await must<Timeline>(who, `query($id: ID!) { customer(id: $id) { timeline(first: 100) { edges { node { kind summary } } } } }`, { id: customerId })
    ).customer.timeline.edges.map((e) => e.node);
  // The list at the owning subgraph that answers FORBIDDEN exactly when the module is closed to the role.
  const OWNING_LIST: Record<string, string> = {
    OPPORTUNITY_OPENED: 'opportunities',
    ORDER_CONFIRMED: 'salesOrders',
    INVOICE_ISSUED: 'invoices',
    PAYMENT_RECEIVED: 'invoices',
    TICKET_OPENED: 'tickets',
  };
  let customerId = '';

  beforeAll(async () => {
    customerId = await createCustomer('repNE', 'Timeline Leaks Ltd');
    const product = await must<{ createProduct: { id: string } }>(
      'admin',
      `mutation { createProduct(input: { sku: "LK-1", name: "Leak", listPrice: { amount: "10", currency: "EUR" } }) { id } }`,
    );
    await system.untilSellable(product.createProduct.id);
    await must('admin', `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, { i: { customerId, subject: 'Broken widget' } });
    await must('admin', `mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }`, {
      i: { customerId, title: 'Big deal', amount: { amount: '7777.00', currency: 'EUR' } },
    });
    await must('admin', `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, {
      i: { customerId, currency: 'EUR', lines: [{ productId: product.createProduct.id, quantity: '3', unitPrice: { amount: '1999.00', currency: 'EUR' } }] },
    });
    const invoice = await must<{ issueInvoice: { id: string } }>('admin', `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id } }`, {
      i: { customerId, total: { amount: '5555.00', currency: 'EUR' }, issueDate: '2026-01-01', dueDate: '2026-02-01' },
    });
    await must('admin', `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`, {
      i: { invoiceId: invoice.issueInvoice.id, amount: { amount: '1234.00', currency: 'EUR' }, paidOn: '2026-01-10' },
    });
    await must('admin', `mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }`, { i: { customerId, kind: 'CALL', subject: 'Intro call' } });
    const all = ['CUSTOMER_CREATED', 'TICKET_OPENED', 'OPPORTUNITY_OPENED', 'ORDER_CONFIRMED', 'INVOICE_ISSUED', 'PAYMENT_RECEIVED', 'ACTIVITY_LOGGED'];
    await waitFor(
      async () => {
        const kinds = new Set((await timelineOf('admin', customerId)).map((e) => e.kind));
        return all.every((k) => kinds.has(k)) ? true : undefined;
      },
      { what: 'every event to reach the timeline', timeoutMs: 30_000 },
    );
  }, 60_000);

  it('hides deals, orders, invoices and payments (and their amounts) from a support agent', async () => {
    const entries = await timelineOf('agent', customerId);
    const kinds = entries.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['CUSTOMER_CREATED', 'TICKET_OPENED', 'ACTIVITY_LOGGED']));
    for (const hidden of ['OPPORTUNITY_OPENED', 'ORDER_CONFIRMED', 'INVOICE_ISSUED', 'PAYMENT_RECEIVED']) expect(kinds).not.toContain(hidden);
    expect(JSON.stringify(entries)).not.toMatch(/7777|5997|5555|1234/);
  });

  it('hides deals, invoices, payments and tickets from the warehouse, which reads orders', async () => {
    const entries = await timelineOf('clerk', customerId);
    const kinds = entries.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['CUSTOMER_CREATED', 'ORDER_CONFIRMED']));
    for (const hidden of ['OPPORTUNITY_OPENED', 'INVOICE_ISSUED', 'PAYMENT_RECEIVED', 'TICKET_OPENED']) expect(kinds).not.toContain(hidden);
    expect(JSON.stringify(entries)).not.toMatch(/7777|5555|1234/);
  });

  it('shows the owning rep their deals, orders, invoices, payments and tickets', async () => {
    const kinds = (await timelineOf('repNE', customerId)).map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['CUSTOMER_CREATED', 'OPPORTUNITY_OPENED', 'ORDER_CONFIRMED', 'INVOICE_ISSUED', 'PAYMENT_RECEIVED', 'TICKET_OPENED', 'ACTIVITY_LOGGED']),
    );
  });

  it('shows an entry exactly to the roles its owning subgraph does not answer FORBIDDEN', async () => {
    for (const who of ['agent', 'clerk', 'accountant', 'repNE', 'head'] as const) {
      const kinds = new Set((await timelineOf(who, customerId)).map((e) => e.kind));
      for (const [kind, list] of Object.entries(OWNING_LIST)) {
        const forbidden = codeOf(await as(who, `{ ${list}(first: 1) { edges { cursor } } }`)) === 'FORBIDDEN';
        expect({ who, kind, onTimeline: kinds.has(kind) }).toEqual({ who, kind, onTimeline: !forbidden });
      }
    }
  });
});

describe('team heads see and act on their own team and the teams below, leads included (item 6)', () => {
  type LeadPage = { leads: { edges: { node: { id: string } }[] } };
  const capture = async (who: Who, name: string): Promise<string> =>
    (await must<{ captureLead: { id: string } }>(who, `mutation($i: CaptureLeadInput!) { captureLead(input: $i) { id } }`, { i: { name } })).captureLead.id;
  let southLead = '';
  let northEastLead = '';

  beforeAll(async () => {
    southLead = await capture('repS', 'South Prospect');
    northEastLead = await capture('repNE', 'North-East Prospect');
  });

  it('lets a team head read and qualify the leads of a team below theirs', async () => {
    const page = await must<LeadPage>('head', `{ leads(first: 100) { edges { node { id } } } }`);
    expect(page.leads.edges.map((e) => e.node.id)).toContain(northEastLead);
    const qualified = await must<{ qualifyLead: { status: string } }>('head', `mutation($id: ID!) { qualifyLead(id: $id) { status } }`, { id: northEastLead });
    expect(qualified.qualifyLead.status).toBe('QUALIFIED');
  });

  it('hides another team’s leads from a team head: not listed, NOT_FOUND to read, qualify or disqualify', async () => {
    const page = await must<LeadPage>('head', `{ leads(first: 100) { edges { node { id } } } }`);
    expect(page.leads.edges.map((e) => e.node.id)).not.toContain(southLead);
    expect(codeOf(await as('head', `query($id: ID!) { lead(id: $id) { id } }`, { id: southLead }))).toBe('NOT_FOUND');
    expect(codeOf(await as('head', `mutation($id: ID!) { qualifyLead(id: $id) { id } }`, { id: southLead }))).toBe('NOT_FOUND');
    expect(codeOf(await as('head', `mutation($id: ID!) { disqualifyLead(id: $id, reason: "not ours") { id } }`, { id: southLead }))).toBe('NOT_FOUND');
    const lead = await must<{ lead: { status: string } }>('repS', `query($id: ID!) { lead(id: $id) { status } }`, { id: southLead });
    expect(lead.lead.status).toBe('NEW');
  });

  it('refuses a team head a customer in another team, and puts one they give a rep into their own team', async () => {
    const refused = await as('head', `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
      i: { name: 'Not Mine Ltd', kind: 'COMPANY', ownerId: users.repS.id, teamId: teams.south },
    });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const given = await createCustomer('head', 'Given Away Ltd', { ownerId: users.repNE.id });
    const seen = await must<{ customer: { team: { id: string } | null } }>('head', `query($id: ID!) { customer(id: $id) { team { id } } }`, { id: given });
    expect(seen.customer.team?.id).toBe(teams.north);
  });

  it('refuses a team head a customer, a lead or a transfer given to a rep of another team, even in a team they head', async () => {
    // The customers service learns each rep's team from identity's user.created event.
    const customers = system.subgraphs.customers.service.orm;
    await waitFor(async () => ((await customers.em.fork().execute('select 1 from user_team where user_id = ?', [users.repS.id])).length === 1 ? true : undefined), {
      what: "customers' copy of the rep's team",
    });
    const customer = await as('head', `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
      i: { name: 'Smuggled Ltd', kind: 'COMPANY', ownerId: users.repS.id, teamId: teams.north },
    });
    expect(customer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWNER_FORBIDDEN', field: 'input.ownerId' });
    const lead = await as('head', `mutation($i: CaptureLeadInput!) { captureLead(input: $i) { id } }`, {
      i: { name: 'Smuggled Lead', ownerId: users.repS.id, teamId: teams.north },
    });
    expect(lead.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWNER_FORBIDDEN', field: 'input.ownerId' });
    const own = await createCustomer('head', 'Kept North Ltd');
    const transfer = await as('head', `mutation($i: TransferCustomerInput!) { transferCustomer(input: $i) { id } }`, {
      i: { customerId: own, toOwnerId: users.repS.id, toTeamId: teams.north },
    });
    expect(transfer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWNER_FORBIDDEN', field: 'input.toOwnerId' });
    await must('head', `mutation($i: TransferCustomerInput!) { transferCustomer(input: $i) { id } }`, { i: { customerId: own, toOwnerId: users.repNE.id } });
  });

  it('lets a team head see a customer of another team shared with them, but not delete, share or transfer it', async () => {
    const southCustomer = await createCustomer('repS', 'Shared South Ltd');
    await must('repS', `mutation($i: ShareCustomerInput!) { shareCustomer(input: $i) { id } }`, { i: { customerId: southCustomer, userId: users.head.id } });
    await must('head', `query($id: ID!) { customer(id: $id) { id } }`, { id: southCustomer });
    expect(codeOf(await as('head', `mutation($id: ID!) { deleteCustomer(id: $id) { id } }`, { id: southCustomer }))).toBe('FORBIDDEN');
    expect(codeOf(await as('head', `mutation($i: ShareCustomerInput!) { shareCustomer(input: $i) { id } }`, { i: { customerId: southCustomer, userId: users.repNE.id } }))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await as('head', `mutation($i: TransferCustomerInput!) { transferCustomer(input: $i) { id } }`, {
          i: { customerId: southCustomer, toOwnerId: users.head.id, toTeamId: teams.north },
        }),
      ),
    ).toBe('FORBIDDEN');
    const northEastCustomer = await createCustomer('repNE', 'North-East Ltd');
    await must('head', `mutation($id: ID!) { deleteCustomer(id: $id) { id } }`, { id: northEastCustomer });
  });
});

describe('history shows only what the record shows (item 7)', () => {
  type History = { history: { changes: { field: string; from: string | null; to: string | null }[] }[] };

  it('never shows an article’s unpublished draft to readers of the published version', async () => {
    const created = await must<{ createArticle: { id: string } }>(
      'agent',
      `mutation { createArticle(input: { category: "Widgets", title: "Reset a widget", body: "Hold the button." }) { id } }`,
    );
    const id = created.createArticle.id;
    await must('agent', `mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id });
    await must('agent', `mutation($id: ID!) { updateArticleDraft(id: $id, input: { title: "UNPUBLISHED title", body: "UNPUBLISHED recall notice" }) { id } }`, { id });
    const query = `query($id: ID!) { article(id: $id) { body draft { body } history { changes { field from to } } } }`;
    const reader = await must<{ article: History & { body: string; draft: unknown } }>('repS', query, { id });
    expect(reader.article.body).toBe('Hold the button.');
    expect(reader.article.draft).toBeNull();
    expect(JSON.stringify(reader.article.history)).not.toMatch(/UNPUBLISHED|draft/i);
    expect(reader.article.history.length).toBeGreaterThan(0);
    const editor = await must<{ article: History }>('agent', query, { id });
    expect(JSON.stringify(editor.article.history)).toMatch(/UNPUBLISHED recall notice/);
  });

  it('shows failed sign-ins in a user’s history to administrators only', async () => {
    const victim = await system.createUser({ email: 'victim@leaks.example', role: 'SALES_REP', teamId: teams.south });
    const wrong = await as('admin', `mutation { signIn(input: { email: "victim@leaks.example", password: "not-the-password" }) { accessToken } }`);
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    await system.signIn('victim@leaks.example', 'victim@leaks.example-password'); // resets the count: an audited change
    const query = `query($id: ID!) { user(id: $id) { history { changes { field from to } } } }`;
    const admin = await must<{ user: History }>('admin', query, { id: victim.id });
    expect(admin.user.history.flatMap((h) => h.changes.map((c) => c.field))).toContain('failedSignIns');
    for (const who of ['repNE', 'agent', 'head'] as const) {
      const seen = await must<{ user: History }>(who, query, { id: victim.id });
      expect({ who, fields: seen.user.history.flatMap((h) => h.changes.map((c) => c.field)).filter((f) => /failed|locked|password/i.test(f)) }).toEqual({ who, fields: [] });
      expect(seen.user.history.every((h) => h.changes.length > 0)).toBe(true);
    }
  });
});

describe('a write naming a customer the caller cannot see says nothing about it (item 8)', () => {
  let merged = '';
  let survivor = '';

  beforeAll(async () => {
    survivor = await createCustomer('repNE', 'Survivor Ltd');
    merged = await createCustomer('repNE', 'Merged Ltd');
    await must('admin', `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m) { id } }`, { s: survivor, m: merged });
    for (const name of ['support', 'sales', 'finance'] as const) {
      const em = system.subgraphs[name].service.orm.em.fork();
      await waitFor(async () => ((await em.getConnection().execute('select 1 from customer_merge where merged_id = ?', [merged])).length ? true : undefined), {
        what: `the merge to reach ${name}`,
        timeoutMs: 20_000,
      });
    }
  }, 60_000);

  const writes: [string, string, (customerId: string) => Record<string, unknown>][] = [
    ['openTicket', 'OpenTicketInput', (customerId) => ({ customerId, subject: 'Help' })],
    ['openOpportunity', 'OpenOpportunityInput', (customerId) => ({ customerId, title: 'Deal', amount: { amount: '1.00', currency: 'EUR' } })],
    ['issueInvoice', 'IssueInvoiceInput', (customerId) => ({ customerId, total: { amount: '1.00', currency: 'EUR' }, issueDate: '2026-01-01', dueDate: '2026-02-01' })],
  ];

  for (const [mutation, inputType, input] of writes) {
    it(`${mutation}: NOT_FOUND for a merged customer the caller cannot see, CONFLICT naming the survivor for one who can`, async () => {
      const doc = `mutation($i: ${inputType}!) { ${mutation}(input: $i) { id } }`;
      const stranger = await as('repS', doc, { i: input(merged) });
      /* eslint-disable vitest/no-conditional-expect -- the table row decides which department may write; each branch asserts both callers */
      if (mutation !== 'issueInvoice') {
        expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
        expect(JSON.stringify(stranger)).not.toContain(survivor);
        const owner = await as('repNE', doc, { i: input(merged) });
        expect(owner.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', details: { mergedInto: survivor } });
      } else {
        // Sales reps only read invoices: the department check comes first and says nothing of the customer.
        expect(codeOf(stranger)).toBe('FORBIDDEN');
        expect(JSON.stringify(stranger)).not.toContain(survivor);
        const accountant = await as('accountant', doc, { i: input(merged) });
        expect(accountant.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', details: { mergedInto: survivor } });
      }
      /* eslint-enable vitest/no-conditional-expect */
    });
  }
});
