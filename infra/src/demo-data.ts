// Demo data, loaded through the gateway's public mutations (so every event flows as in real
// use), signed in as the people who would do each thing. It puts at least one record into every
// state the system knows (customer lifecycle, lead, activity review, ticket, article, opportunity,
// quotation (all but EXPIRED), order (all but PAID: no client can reach either), shipment, invoice, credit note, payment, import job), so every screen and filter has something to show.
// Loading twice is a no-op: it stops when the demo users already exist.

import { receiveInFull, receivePartlyAndHoldBill } from '@rapport/purchasing/demo-inbound';

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offsetDays: number, hour = 10): string => `${day(offsetDays)}T${String(hour).padStart(2, '0')}:00:00.000Z`;

export interface DemoSummary {
  created: boolean;
  repId: string;
  repName: string;
}

/** Every demo user signs in with this password (the admin's comes from RAPPORT_ADMIN_PASSWORD). */
export const DEMO_PASSWORD = 'rapport-demo-password';

/** A signed-in caller of the gateway. */
class Session {
  constructor(
    private readonly gatewayUrl: string,
    private readonly token: string | null,
  ) {}

  async call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(this.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': `demo-data-${Date.now()}`,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse<T>;
    if (body.errors?.length) throw new Error(`demo data: ${body.errors.map((e) => `${e.message} ${JSON.stringify(e.extensions ?? {})}`).join('; ')}`);
    return body.data as T;
  }

  async signIn(email: string, password: string): Promise<Session> {
    const session = await this.call<{ signIn: { accessToken: string } }>(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
      input: { email, password },
    });
    return new Session(this.gatewayUrl, session.signIn.accessToken);
  }
}

/** Asks `probe` every 100 ms until it gives a value (events travel between subgraphs), up to 30 s. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`demo data: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `call`'s answer once finance knows the order it names: asked again while finance answers NOT_FOUND (it learns orders from sales' events), or while `call` answers undefined. */
const onceFinanceKnows = <T>(what: string, call: () => Promise<T | undefined>): Promise<T> =>
  eventually(what, async () => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof Error && error.message.includes('NOT_FOUND')) return undefined;
      throw error;
    }
  });

/**
 * Loads the demo company into a running system through `gatewayUrl` (…/graphql), signed in as
 * the first admin that identity creates from RAPPORT_ADMIN_EMAIL / RAPPORT_ADMIN_PASSWORD.
 */
export async function loadDemoData(gatewayUrl: string, env: Record<string, string | undefined> = process.env): Promise<DemoSummary> {
  const admin = await new Session(gatewayUrl, null).signIn(env.RAPPORT_ADMIN_EMAIL ?? 'admin@rapport.example', env.RAPPORT_ADMIN_PASSWORD ?? 'rapport-admin-password');
  const existing = await admin.call<{ users: { edges: { node: { id: string; displayName: string } }[] } }>(
    `query { users(filter: { search: "Rita Reyes" }, first: 1) { edges { node { id displayName } } } }`,
  );
  const found = existing.users.edges[0]?.node;
  if (found) return { created: false, repId: found.id, repName: found.displayName };

  // People and teams: one user per role.
  const team = async (name: string, parentId: string | null): Promise<string> =>
    (await admin.call<{ createTeam: { id: string } }>(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`, { input: { name, parentId } })).createTeam.id;
  const user = async (email: string, displayName: string, role: string, teamId: string | null): Promise<string> =>
    (
      await admin.call<{ createUser: { id: string } }>(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
        input: { email, displayName, role, teamId, password: DEMO_PASSWORD },
      })
    ).createUser.id;
  const sales = await team('Sales', null);
  const north = await team('Sales North', sales);
  const south = await team('Sales South', sales);
  const service = await team('Customer Service', null);
  await user('diane.director@rapport.example', 'Diane Director', 'DIRECTOR', sales);
  await user('mark.manager@rapport.example', 'Mark Manager', 'SALES_MANAGER', north);
  const rita = await user('rita.reyes@rapport.example', 'Rita Reyes', 'SALES_REP', north);
  const sam = await user('sam.sutter@rapport.example', 'Sam Sutter', 'SALES_REP', south);
  const alice = await user('alice.agent@rapport.example', 'Alice Agent', 'SUPPORT_AGENT', service);
  await user('walt.warehouse@rapport.example', 'Walt Warehouse', 'WAREHOUSE_CLERK', null);
  await user('bea.buyer@rapport.example', 'Bea Buyer', 'BUYER', null);
  await user('aaron.accountant@rapport.example', 'Aaron Accountant', 'ACCOUNTANT', null);
  await user('ada.admin@rapport.example', 'Ada Admin', 'ADMIN', null);
  const asRita = await admin.signIn('rita.reyes@rapport.example', DEMO_PASSWORD);
  const asMark = await admin.signIn('mark.manager@rapport.example', DEMO_PASSWORD);
  const asAlice = await admin.signIn('alice.agent@rapport.example', DEMO_PASSWORD);
  const asWalt = await admin.signIn('walt.warehouse@rapport.example', DEMO_PASSWORD);
  const asAaron = await admin.signIn('aaron.accountant@rapport.example', DEMO_PASSWORD);

  // Customers in every lifecycle state, with contacts and addresses.
  const customer = async (input: Record<string, unknown>): Promise<string> =>
    (await admin.call<{ createCustomer: { id: string } }>(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input })).createCustomer.id;
  const acme = await customer({
    name: 'Acme Pumps Ltd',
    kind: 'COMPANY',
    lifecycleState: 'ACTIVE',
    ownerId: rita,
    teamId: north,
    email: 'purchasing@acme-pumps.example',
    phone: '+44 20 7946 0101',
    industry: 'Machinery',
    source: 'TRADE_SHOW',
    tier: 'A',
    tags: ['key-account', 'pumps'],
    taxId: 'GB123456789',
    notes: 'Three plants; buys spare parts quarterly.',
  });
  const globex = await customer({
    name: 'Globex Foods',
    kind: 'COMPANY',
    lifecycleState: 'ACTIVE',
    ownerId: rita,
    teamId: north,
    email: 'ap@globex.example',
    industry: 'Food',
    source: 'REFERRAL',
    tier: 'B',
    tags: ['food'],
  });
  const hooli = await customer({
    name: 'Hooli Hydraulics',
    kind: 'COMPANY',
    lifecycleState: 'PROSPECT',
    ownerId: rita,
    teamId: north,
    email: 'info@hooli.example',
    industry: 'Machinery',
    source: 'WEBSITE',
    tier: 'B',
  });
  await customer({ name: 'Jane Doe', kind: 'PERSON', lifecycleState: 'LEAD', ownerId: rita, teamId: north, email: 'jane.doe@example.org', source: 'COLD_CALL', tier: 'C' });
  const initech = await customer({
    name: 'Initech',
    kind: 'COMPANY',
    lifecycleState: 'ACTIVE',
    ownerId: sam,
    teamId: south,
    email: 'office@initech.example',
    industry: 'Software',
    tier: 'B',
  });
  await customer({ name: 'Umbrella Mills', kind: 'COMPANY', lifecycleState: 'DORMANT', ownerId: sam, teamId: south, email: 'hello@umbrella.example', industry: 'Food', tier: 'C' });
  await customer({
    name: 'Vandelay Industries',
    kind: 'COMPANY',
    lifecycleState: 'LOST',
    ownerId: sam,
    teamId: south,
    email: 'art@vandelay.example',
    industry: 'Logistics',
    source: 'PARTNER',
    notes: 'Went with a competitor in 2026; revisit after their contract ends.',
  });
  // A likely duplicate of Acme (same email domain, similar name), for findDuplicates and mergeCustomers.
  await customer({ name: 'ACME Pumps Limited', kind: 'COMPANY', lifecycleState: 'PROSPECT', ownerId: rita, teamId: north, email: 'purchasing@acme-pumps.example' });

  const contact = async (input: Record<string, unknown>): Promise<string> =>
    (await admin.call<{ addContact: { id: string } }>(`mutation($input: AddContactInput!) { addContact(input: $input) { id } }`, { input })).addContact.id;
  const acmeBuyer = await contact({
    customerId: acme,
    name: 'Priya Patel',
    title: 'Head of Purchasing',
    emails: ['priya.patel@acme-pumps.example'],
    phones: ['+44 20 7946 0102'],
    preferredChannel: 'EMAIL',
    primary: true,
  });
  await contact({ customerId: acme, name: 'Tom Hughes', title: 'Plant engineer, site 3', phones: ['+44 7700 900123'], preferredChannel: 'PHONE' });
  const globexAp = await contact({
    customerId: globex,
    name: 'Lena Krause',
    title: 'Accounts payable',
    emails: ['lena.krause@globex.example'],
    preferredChannel: 'EMAIL',
    primary: true,
  });
  await contact({ customerId: hooli, name: 'Gavin Belson', title: 'CEO', emails: ['gavin@hooli.example'], preferredChannel: 'MEETING', primary: true });
  const address = `mutation($input: AddAddressInput!) { addAddress(input: $input) { id } }`;
  await admin.call(address, { input: { customerId: acme, kind: 'BILLING', street: '1 Canal Street', postalCode: 'M1 3HU', city: 'Manchester', country: 'GB' } });
  await admin.call(address, { input: { customerId: acme, kind: 'SITE', street: 'Plant 3, Dock Road', postalCode: 'L20 1BY', city: 'Liverpool', country: 'GB' } });
  await admin.call(address, { input: { customerId: globex, kind: 'SHIPPING', street: 'Hafenstraße 12', postalCode: '20457', city: 'Hamburg', country: 'DE' } });

  // Leads: captured by API and by the public web form; new, qualified, disqualified and converted.
  const lead = async (input: Record<string, unknown>): Promise<string> =>
    (await asRita.call<{ captureLead: { id: string } }>(`mutation($input: CaptureLeadInput!) { captureLead(input: $input) { id } }`, { input })).captureLead.id;
  await lead({ name: 'Olga Berg', company: 'Berg Bakeries', email: 'olga@berg-bakeries.example', source: 'TRADE_SHOW', message: 'Asked for a dough pump quote at the fair.' });
  await new Session(gatewayUrl, null).call(`mutation($input: LeadFormInput!) { submitLeadForm(input: $input) { received } }`, {
    input: { name: 'Marco Rossi', company: 'Rossi Caseificio', email: 'marco@rossi-caseificio.example', message: 'Need a hygienic pump for whey, 5 m³/h.' },
  });
  const qualified = await lead({ name: 'Kenji Sato', company: 'Sato Brewing', email: 'kenji@sato-brewing.example', source: 'REFERRAL' });
  await asRita.call(`mutation($id: ID!) { qualifyLead(id: $id) { id } }`, { id: qualified });
  const spam = await lead({ name: 'Best SEO Deals', email: 'offers@seo-deals.example', source: 'WEBSITE', message: 'Rank #1 on Google!!!' });
  await asRita.call(`mutation($id: ID!, $reason: String!) { disqualifyLead(id: $id, reason: $reason) { id } }`, { id: spam, reason: 'Spam, not a buyer.' });
  const converting = await lead({ name: 'Nadia Haddad', company: 'Haddad Water Works', email: 'nadia@haddad-water.example', phone: '+971 4 555 0100', source: 'WEBSITE' });
  await asRita.call(`mutation($id: ID!) { qualifyLead(id: $id) { id } }`, { id: converting });
  await asRita.call(`mutation($id: ID!, $input: ConvertLeadInput!) { convertLead(id: $id, input: $input) { id } }`, {
    id: converting,
    input: { customerKind: 'COMPANY', opportunity: { title: 'Desalination feed pumps', amount: { amount: '64000.00', currency: 'EUR' } } },
  });

  // Activities of every kind, logged by the rep; the manager approves one and rejects another.
  const activity = async (input: Record<string, unknown>): Promise<string> =>
    (await asRita.call<{ logActivity: { id: string } }>(`mutation($input: LogActivityInput!) { logActivity(input: $input) { id } }`, { input })).logActivity.id;
  const call = await activity({
    customerId: acme,
    contactId: acmeBuyer,
    kind: 'CALL',
    subject: 'Quarterly spare parts call',
    occurredAt: at(-3),
    outcome: 'Needs 20 seal kits before the January shutdown',
    nextStep: 'Send quotation',
    nextStepDue: day(2),
  });
  const visit = await activity({ customerId: acme, kind: 'VISIT', subject: 'Site 3 walk-through', occurredAt: at(-10), outcome: 'Two pumps near end of life' });
  await activity({ customerId: globex, contactId: globexAp, kind: 'EMAIL', subject: 'Invoice copy sent', occurredAt: at(-1) });
  await activity({
    customerId: hooli,
    kind: 'MEETING',
    subject: 'Pilot scope meeting',
    occurredAt: at(-5),
    outcome: 'Pilot of 10 pumps agreed in principle',
    nextStep: 'Draft pilot offer',
    nextStepDue: day(7),
  });
  await activity({ customerId: globex, kind: 'NOTE', subject: 'Prefers deliveries on Tuesdays' });
  await activity({ customerId: hooli, kind: 'PLANNED_VISIT', subject: 'Commissioning visit', plannedFor: at(3, 9), nextStep: 'Bring the pilot offer', nextStepDue: day(3) });
  const review = `mutation($id: ID!, $decision: ReviewDecision!, $comment: String) { reviewActivity(id: $id, decision: $decision, comment: $comment) { id } }`;
  await asMark.call(review, { id: call, decision: 'APPROVED', comment: 'Good catch on the shutdown timing.' });
  await asMark.call(review, { id: visit, decision: 'REJECTED', comment: 'Please add who you met and the pump serial numbers.' });

  // Catalogue and suppliers.
  const product = async (sku: string, name: string, amount: string, cost: string): Promise<string> =>
    (
      await admin.call<{ createProduct: { id: string } }>(`mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
        input: { sku, name, unit: 'pcs', listPrice: { amount, currency: 'EUR' }, standardCost: { amount: cost, currency: 'EUR' } },
      })
    ).createProduct.id;
  const pump = await product('PUMP-200', 'Centrifugal pump 200 l/min', '1290.00', '742.50');
  const seal = await product('SEAL-KIT-9', 'Seal kit, series 9', '49.90', '18.20');
  const valve = await product('VALVE-DN50', 'Gate valve DN50', '310.00', '164.00');

  // Warehouses and stock: three warehouses with stock in each, and a safety level the Munich depot
  // is below (an open safety alarm).
  const warehouse = async (code: string, name: string, address: string): Promise<string> =>
    (await admin.call<{ createWarehouse: { id: string } }>(`mutation($input: CreateWarehouseInput!) { createWarehouse(input: $input) { id } }`, { input: { code, name, address } }))
      .createWarehouse.id;
  const berlin = await warehouse('BER-1', 'Berlin central warehouse', 'Lagerstraße 1\n10115 Berlin');
  const hamburg = await warehouse('HAM-1', 'Hamburg port warehouse', 'Kaistraße 7\n20457 Hamburg');
  const munich = await warehouse('MUC-1', 'Munich service depot', 'Werkstraße 12\n80331 München');
  const receive = (productId: string, warehouseId: string, quantity: string, reason: string) =>
    admin.call(`mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { id } }`, { input: { productId, warehouseId, quantity, reason } });
  await receive(pump, berlin, '12', 'Opening stock');
  await receive(pump, hamburg, '4', 'Opening stock');
  await receive(pump, munich, '1', 'Opening stock');
  await receive(seal, berlin, '150', 'Opening stock');
  await receive(seal, munich, '40', 'Opening stock');
  await receive(valve, hamburg, '25', 'Opening stock');
  await admin.call(`mutation($input: AdjustStockInput!) { adjustStock(input: $input) { id } }`, {
    input: { productId: seal, warehouseId: berlin, quantity: '-3', reason: 'Damaged in handling' },
  });
  await admin.call(`mutation($input: SetStockRuleInput!) { setStockRule(input: $input) { id } }`, {
    input: { productId: pump, warehouseId: munich, safetyStock: '2', reorderQuantity: '4' },
  });
  // Transfers between the warehouses, one in each state: received, partly received, still in transit.
  const transfer = async (productId: string, from: string, to: string, quantity: string, arrived: string | null): Promise<void> => {
    const { transferStock } = await admin.call<{ transferStock: { id: string } }>(`mutation($input: TransferStockInput!) { transferStock(input: $input) { id } }`, {
      input: { fromWarehouseId: from, toWarehouseId: to, lines: [{ productId, quantity }], reason: 'Rebalancing stock' },
    });
    if (arrived) {
      await admin.call(`mutation($input: ReceiveTransferInput!) { receiveTransfer(input: $input) { id } }`, {
        input: { transferId: transferStock.id, lines: [{ productId, quantity: arrived }] },
      });
    }
  };
  await transfer(seal, berlin, munich, '20', '20');
  await transfer(valve, hamburg, berlin, '5', '2');
  await transfer(seal, berlin, hamburg, '10', null);
  // A stock count of the Hamburg shelf with a difference (one valve missing), posted as a COUNT move;
  // and a loan of seals to Acme, partly returned and overdue (flagged, so its reminder is announced).
  const { createStockCount: count } = await asWalt.call<{ createStockCount: { id: string } }>(
    `mutation($input: CreateStockCountInput!) { createStockCount(input: $input) { id } }`,
    { input: { warehouseId: hamburg, productIds: [valve, pump], note: 'Quarterly count, aisle 2' } },
  );
  await asWalt.call(`mutation($input: EnterCountedQuantitiesInput!) { enterCountedQuantities(input: $input) { id } }`, {
    input: {
      countId: count.id,
      lines: [
        { productId: valve, counted: '19' },
        { productId: pump, counted: '4' },
      ],
    },
  });
  await asWalt.call(`mutation($id: ID!) { postStockCount(countId: $id) { id } }`, { id: count.id });
  const { lendStock: loan } = await asWalt.call<{ lendStock: { id: string } }>(`mutation($input: LendStockInput!) { lendStock(input: $input) { id } }`, {
    input: { kind: 'LOAN', customerId: acme, warehouseId: berlin, productId: seal, quantity: '3', expectedReturnDate: day(-5), note: 'Trial fit on site 3' },
  });
  await asWalt.call(`mutation($input: SettleLoanInput!) { returnLoan(input: $input) { id } }`, { input: { loanId: loan.id, quantity: '1' } });
  await asWalt.call(`mutation { flagOverdueLoans { id } }`);
  const supplier = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`;
  const nordic = (
    await admin.call<{ createSupplier: { id: string } }>(supplier, {
      input: { name: 'Nordic Castings AB', email: 'orders@nordic-castings.example', currency: 'SEK', paymentTermsDays: 30 },
    })
  ).createSupplier.id;
  const rhein = (
    await admin.call<{ createSupplier: { id: string } }>(supplier, {
      input: { name: 'Rhein Dichtungen GmbH', email: 'vertrieb@rhein-dichtungen.example', currency: 'EUR', paymentTermsDays: 45 },
    })
  ).createSupplier.id;
  await purchasingDemo(admin, { nordic, rhein, pump, seal, valve, berlin });

  // Support: the knowledge base (a draft, a published article with a second version) and tickets
  // in every status, with public and internal comments, an assignment, a link and a rating.
  const article = async (category: string, title: string, body: string): Promise<string> =>
    (await asAlice.call<{ createArticle: { id: string } }>(`mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }`, { input: { category, title, body } }))
      .createArticle.id;
  const sealArticle = await article(
    'Maintenance',
    'Replacing the seal on a PUMP-200',
    'Stop the pump, drain it, remove the four housing bolts and swap the seal kit (SEAL-KIT-9).',
  );
  await asAlice.call(`mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: sealArticle });
  await asAlice.call(`mutation($id: ID!, $input: UpdateArticleDraftInput!) { updateArticleDraft(id: $id, input: $input) { id } }`, {
    id: sealArticle,
    input: { body: 'Stop the pump, close both valves, drain it, remove the four housing bolts, swap the seal kit (SEAL-KIT-9) and torque the bolts to 25 Nm.' },
  });
  await asAlice.call(`mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: sealArticle });
  await article('Billing', 'Getting a copy of an invoice', 'Draft: where customers find invoice copies, and who sends them.');

  const ticket = async (input: Record<string, unknown>): Promise<string> =>
    (await asAlice.call<{ openTicket: { id: string } }>(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`, { input })).openTicket.id;
  const status = (id: string, to: string, note?: string) =>
    asAlice.call(`mutation($id: ID!, $status: TicketStatus!, $note: String) { changeTicketStatus(id: $id, status: $status, note: $note) { id } }`, { id, status: to, note });
  const comment = (ticketId: string, body: string, internal: boolean) =>
    asAlice.call(`mutation($ticketId: ID!, $body: String!, $internal: Boolean) { addTicketComment(ticketId: $ticketId, body: $body, internal: $internal) { id } }`, {
      ticketId,
      body,
      internal,
    });
  // NEW
  await ticket({ customerId: hooli, subject: 'Which pump for 60 °C water?', priority: 'LOW', channel: 'WEB', category: 'Product question' });
  // OPEN, assigned, with a public and an internal comment
  const leak = await ticket({
    customerId: acme,
    contactId: acmeBuyer,
    subject: 'Pump PUMP-200 leaking at the seal',
    description: 'Site 3, since Monday.',
    priority: 'HIGH',
    channel: 'PHONE',
    category: 'Repair',
    assigneeId: alice,
    teamId: service,
  });
  await status(leak, 'OPEN');
  await comment(leak, 'We are sending a seal kit today; the article linked below shows the steps.', false);
  await comment(leak, 'Third seal failure this year at site 3 — check the water quality with sales.', true);
  await asAlice.call(`mutation($t: ID!, $a: ID!) { linkArticleToTicket(ticketId: $t, articleId: $a) { id } }`, { t: leak, a: sealArticle });
  // WAITING_ON_CUSTOMER
  const copy = await ticket({ customerId: globex, contactId: globexAp, subject: 'Need a copy of last invoice', priority: 'LOW', channel: 'EMAIL', category: 'Billing' });
  await comment(copy, 'Which invoice number do you need?', false);
  await status(copy, 'WAITING_ON_CUSTOMER', 'Asked for the invoice number');
  // RESOLVED, rated
  const address2 = await ticket({ customerId: initech, subject: 'Delivery address change', priority: 'NORMAL', channel: 'EMAIL', category: 'Orders' });
  await asAlice.call(`mutation($id: ID!) { resolveTicket(id: $id) { id } }`, { id: address2 });
  await asAlice.call(`mutation($t: ID!, $r: Int!, $c: String) { rateTicket(ticketId: $t, rating: $r, comment: $c) { id } }`, { t: address2, r: 5, c: 'Quick and friendly.' });
  // CLOSED, rated
  const manual = await ticket({ customerId: acme, subject: 'Manual for VALVE-DN50', priority: 'LOW', channel: 'CHAT', category: 'Product question' });
  await status(manual, 'RESOLVED', 'Sent the PDF');
  await asAlice.call(`mutation($t: ID!, $r: Int!, $c: String) { rateTicket(ticketId: $t, rating: $r, comment: $c) { id } }`, { t: manual, r: 4, c: null });
  await status(manual, 'CLOSED');
  // REOPENED
  const noise = await ticket({ customerId: globex, subject: 'Pump noisy after service', priority: 'URGENT', channel: 'VISIT', category: 'Repair', assigneeId: alice });
  await status(noise, 'RESOLVED', 'Bearing greased');
  await status(noise, 'REOPENED', 'Noise is back');

  // Sales: opportunities open in several stages, won and lost.
  const stages = (await admin.call<{ pipelineStages: { id: string; name: string }[] }>(`{ pipelineStages { id name } }`)).pipelineStages;
  const stage = (name: string): string => {
    const found = stages.find((s) => s.name === name);
    if (!found) throw new Error(`demo data: no pipeline stage named ${name}`);
    return found.id;
  };
  const opportunity = async (input: Record<string, unknown>): Promise<string> =>
    (await asRita.call<{ openOpportunity: { id: string } }>(`mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }`, { input })).openOpportunity.id;
  const move = (id: string, name: string) => admin.call(`mutation($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { id } }`, { id, stageId: stage(name) });
  await opportunity({ customerId: acme, title: 'Spare parts framework 2027', amount: { amount: '48000.00', currency: 'EUR' }, expectedCloseDate: day(45) });
  await move(await opportunity({ customerId: hooli, title: 'Pilot: 10 pumps', amount: { amount: '12900.00', currency: 'EUR' }, expectedCloseDate: day(20) }), 'Proposal');
  await move(await opportunity({ customerId: globex, title: 'Dosing pumps, line 2', amount: { amount: '7400.00', currency: 'EUR' } }), 'Won');
  await move(await opportunity({ customerId: globex, title: 'Cleaning-in-place upgrade', amount: { amount: '21000.00', currency: 'EUR' } }), 'Lost');
  await admin.call(`mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }`, {
    input: { customerId: initech, title: 'Valve retrofit', amount: { amount: '9300.00', currency: 'EUR' } },
  });

  // Orders in every state the real flow reaches, each moved on by the people who would: the
  // warehouse ships (partly, or all of it) through inventory, the accountant invoices what was
  // delivered (or, prepaid, what was ordered) through finance and records payments; sales derives
  // each order's state from their events. Sales learns the products from inventory's events: until it has, an order is refused
  // (PRODUCT_NOT_FOUND, nothing written) and asked again.
  interface PlacedOrder {
    id: string;
    lines: { id: string; quantity: string }[];
  }
  const order = async (customerId: string, lines: { productId: string; quantity: string; price: string }[]): Promise<PlacedOrder> =>
    eventually('sales to know the products ordered', async () => {
      try {
        return (
          await admin.call<{ placeOrder: PlacedOrder }>(`mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id lines { id quantity } } }`, {
            input: {
              customerId,
              currency: 'EUR',
              lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: { amount: l.price, currency: 'EUR' }, taxRate: '19' })),
            },
          })
        ).placeOrder;
      } catch (error) {
        if (error instanceof Error && error.message.includes('PRODUCT_NOT_FOUND')) return undefined;
        throw error;
      }
    });
  interface Notice {
    id: string;
    status: string;
    lines: { orderLineId: string; planned: string }[];
  }
  /** The order's planned notices once inventory has planned all `planned` units of its first line. */
  const noticesOf = (placed: PlacedOrder, planned: string): Promise<Notice[]> =>
    eventually(`the shipping notices of order ${placed.id}`, async () => {
      const found = await asWalt.call<{ salesOrder: { delivery: { shipments: Notice[] } } }>(
        `query($id: ID!) { salesOrder(id: $id) { delivery { shipments { id status lines { orderLineId planned } } } } }`,
        { id: placed.id },
      );
      const open = found.salesOrder.delivery.shipments.filter((n) => n.status === 'PLANNED');
      const line = placed.lines[0]!.id;
      const units = open.flatMap((n) => n.lines.filter((l) => l.orderLineId === line)).reduce((sum, l) => sum + Number(l.planned), 0);
      return units === Number(planned) ? open : undefined;
    });
  const shipShipment = `mutation($id: ID!, $lines: [ShipmentLineInput!], $carrier: String, $tracking: String!) {
    shipShipment(shipmentId: $id, lines: $lines, carrier: $carrier, trackingNumber: $tracking) { id } }`;
  /** Ships everything planned for the order (every notice), and marks it delivered when asked. */
  const shipAll = async (placed: PlacedOrder, carrier: string, tracking: string, deliver: boolean): Promise<void> => {
    const notices = await noticesOf(placed, placed.lines[0]!.quantity);
    for (const [i, notice] of notices.entries()) {
      await asWalt.call(shipShipment, { id: notice.id, lines: null, carrier, tracking: `${tracking}-${i + 1}` });
      if (deliver) await asWalt.call(`mutation($id: ID!) { markDelivered(shipmentId: $id) { id } }`, { id: notice.id });
    }
  };
  /** Ships `quantity` of the order's (one-line) first notice; the rest goes onto a backorder notice. */
  const shipPart = async (placed: PlacedOrder, quantity: string, carrier: string, tracking: string): Promise<void> => {
    const [notice] = await noticesOf(placed, placed.lines[0]!.quantity);
    const line = notice!.lines[0]!;
    const part = Math.min(Number(quantity), Number(line.planned)).toString();
    await asWalt.call(shipShipment, { id: notice!.id, lines: [{ orderLineId: line.orderLineId, quantity: part }], carrier, tracking });
  };
  /** Invoices the order's delivered and not yet invoiced units, once finance has heard of the shipments. */
  const invoiceDelivered = async (placed: PlacedOrder, issued: number, due: number): Promise<{ id: string; total: string }> => {
    await onceFinanceKnows(`finance to know what order ${placed.id} delivered`, async () => {
      const { invoiceableLines } = await asAaron.call<{ invoiceableLines: { delivered: string; invoiceable: string }[] }>(
        `query($id: ID!) { invoiceableLines(orderId: $id) { delivered invoiceable } }`,
        { id: placed.id },
      );
      return invoiceableLines.some((l) => Number(l.invoiceable) > 0) ? true : undefined;
    });
    const { invoiceDeliveredLines: issuedInvoice } = await asAaron.call<{ invoiceDeliveredLines: { id: string; total: { amount: string } } }>(
      `mutation($input: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $input) { id total { amount } } }`,
      { input: { orderId: placed.id, issueDate: day(issued), dueDate: day(due) } },
    );
    return { id: issuedInvoice.id, total: issuedInvoice.total.amount };
  };
  const receivePayment = async (customerId: string, amount: string, receivedOn: number, reference: string, allocations: { invoiceId: string; amount: string }[]): Promise<string> =>
    (
      await asAaron.call<{ receivePayment: { id: string } }>(`mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }`, {
        input: { customerId, amount: { amount, currency: 'EUR' }, method: 'BANK_TRANSFER', reference, receivedOn: day(receivedOn), allocations },
      })
    ).receivePayment.id;

  // CONFIRMED, its notice planned, with an advance invoice asked for (ISSUED, kind ADVANCE).
  const confirmed = await order(acme, [
    { productId: pump, quantity: '2', price: '1250.00' },
    { productId: seal, quantity: '10', price: '49.90' },
  ]);
  await onceFinanceKnows('finance to know the confirmed order', () =>
    asAaron.call(`mutation($input: IssueAdvanceInvoiceInput!) { issueAdvanceInvoice(input: $input) { id } }`, {
      input: { orderId: confirmed.id, amount: { amount: '500.00', currency: 'EUR' }, taxRate: '19', issueDate: day(-1), dueDate: day(13) },
    }),
  );
  // DELIVERED: shipped in full, not invoiced (its notice SHIPPED).
  await shipAll(await order(globex, [{ productId: seal, quantity: '25', price: '47.50' }]), 'DHL', 'DHL-4711-0815', false);
  // PARTLY_DELIVERED: 2 of 6 shipped, the rest on a backorder notice.
  await shipPart(await order(hooli, [{ productId: valve, quantity: '6', price: '299.00' }]), '2', 'DPD', 'DPD-01505011234567');
  // PARTLY_INVOICED: 3 of 5 shipped and invoiced.
  const partlyInvoiced = await order(acme, [{ productId: valve, quantity: '5', price: '289.00' }]);
  await shipPart(partlyInvoiced, '3', 'DHL', 'DHL-4711-0901');
  await invoiceDelivered(partlyInvoiced, -3, 27);
  // INVOICED: delivered (its notice DELIVERED), invoiced in full, overdue and partly paid (PARTIALLY_PAID).
  const invoiced = await order(initech, [{ productId: valve, quantity: '4', price: '295.00' }]);
  await shipAll(invoiced, 'UPS', '1Z999AA10123456784', true);
  const overdueInvoice = await invoiceDelivered(invoiced, -40, -10);
  await receivePayment(initech, '500.00', -5, 'Initech part payment', [{ invoiceId: overdueInvoice.id, amount: '500.00' }]);
  // COMPLETED: an advance received before anything was invoiced (held as the customer's credit),
  // then shipped, delivered, invoiced and settled from the advance (the over-payment stays credit).
  const completed = await order(globex, [{ productId: pump, quantity: '1', price: '1290.00' }]);
  const advance = await receivePayment(globex, '2000.00', -12, 'Globex advance', []);
  await shipAll(completed, 'DHL', 'DHL-4711-0777', true);
  const settled = await invoiceDelivered(completed, -8, 22);
  await asAaron.call(`mutation($input: AllocatePaymentInput!) { allocatePayment(input: $input) { id } }`, {
    input: { paymentId: advance, allocations: [{ invoiceId: settled.id, amount: settled.total }] },
  });
  // CANCELLED before anything was shipped (its notice cancelled: delivery NOT_PLANNED).
  const cancelled = await order(hooli, [{ productId: pump, quantity: '1', price: '1290.00' }]);
  await admin.call(`mutation($id: ID!) { cancelOrder(id: $id) { id } }`, { id: cancelled.id });
  // PAID: invoiced on the ordered quantities before anything shipped (a prepayment, basis ORDERED)
  // and paid in full; its notice still planned.
  const prepaid = await order(initech, [{ productId: valve, quantity: '2', price: '295.00' }]);
  const { invoiceDeliveredLines: prepaidInvoice } = await onceFinanceKnows('finance to know the prepaid order', () =>
    asAaron.call<{ invoiceDeliveredLines: { id: string; total: { amount: string } } }>(
      `mutation($input: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $input) { id total { amount } } }`,
      { input: { orderId: prepaid.id, basis: 'ORDERED', issueDate: day(-4), dueDate: day(10) } },
    ),
  );
  await receivePayment(initech, prepaidInvoice.total.amount, -2, 'Initech prepayment', [{ invoiceId: prepaidInvoice.id, amount: prepaidInvoice.total.amount }]);

  // Invoices not tied to an order: overdue, open and due later, partially paid, paid, and one
  // credited in full by a credit note (CREDITED).
  const invoice = async (customerId: string, amount: string, issued: number, due: number): Promise<string> =>
    (
      await asAaron.call<{ issueInvoice: { id: string } }>(`mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }`, {
        input: { customerId, total: { amount, currency: 'EUR' }, issueDate: day(issued), dueDate: day(due) },
      })
    ).issueInvoice.id;
  const pay = (invoiceId: string, amount: string, paidOn: number) =>
    asAaron.call(`mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`, {
      input: { invoiceId, amount: { amount, currency: 'EUR' }, paidOn: day(paidOn) },
    });
  await invoice(acme, '3420.00', -60, -30);
  await invoice(globex, '1187.50', -20, -5);
  await invoice(hooli, '450.00', -2, 28);
  await pay(await invoice(globex, '2000.00', -15, 15), '500.00', -3);
  await pay(await invoice(initech, '1180.00', -10, 20), '1180.00', -2);
  await asAaron.call(`mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id } }`, {
    input: { invoiceId: await invoice(initech, '240.00', -6, 24), reason: 'PRICE_CORRECTION', full: true },
  });
  // An open item carried over from the previous system (kind OPENING_BALANCE), overdue; then three
  // dunning levels and three runs (a run sends each overdue invoice its next level only): Acme's
  // invoice (30 days overdue) and Hooli's old item (45) reach the last level, which puts both
  // customers on credit hold; Globex's (5 days) is not yet due a reminder.
  await asAaron.call(`mutation($rows: [OpeningBalanceRowInput!]!) { importOpeningBalances(rows: $rows) { rowCount } }`, {
    rows: [{ customerId: hooli, reference: 'LEGACY-2026-0815', date: day(-75), dueDate: day(-45), amount: { amount: '812.40', currency: 'EUR' } }],
  });
  await asAaron.call(
    `mutation { setDunningLevels(levels: [{ daysAfterDue: 7, text: "A friendly reminder: this invoice is overdue." }, { daysAfterDue: 21, fee: "5.00", text: "Second reminder: please pay now." }, { daysAfterDue: 30, fee: "10.00", text: "Final reminder: deliveries are on hold until this is paid." }]) { level } }`,
  );
  for (let run = 0; run < 3; run++) await asAaron.call(`mutation { runDunning { id } }`);
  // A second currency: the accountant sets the USD rate (a document in USD needs one on its day)
  // and bills Globex's US plant in USD.
  await asAaron.call(`mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { id } }`, {
    input: { fromCurrency: 'USD', toCurrency: 'EUR', validOn: day(-60), rate: '0.92' },
  });
  await asAaron.call(`mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { id } }`, {
    input: { customerId: globex, currency: 'USD', issueDate: day(-5), lines: [{ description: 'Commissioning, US plant', quantity: '1', unitPrice: '1450.00', taxRate: '0' }] },
  });
  // An expense claim awaiting approval: Rita's train to Acme, submitted for Mark (her team head) to decide.
  const { createExpense: claim } = await asRita.call<{ createExpense: { id: string } }>(`mutation($input: CreateExpenseInput!) { createExpense(input: $input) { id } }`, {
    input: {
      customerId: acme,
      expenseDate: day(-4),
      category: 'TRAVEL',
      amount: { amount: '186.40', currency: 'EUR' },
      description: 'Train and taxi to the Acme plant',
      receiptReference: 'DB-2026-0412',
    },
  });
  await asRita.call(`mutation($id: ID!) { submitExpense(id: $id) { id } }`, { id: claim.id });

  // Quotations in every state a client can bring about (EXPIRED needs a sent quotation's validity
  // date to pass, and no quotation is valid until a past day): Rita quotes within her limits (a
  // line 10 %, 5 % in total) or asks Mark, her team head, to approve more.
  const quote = async (customerId: string, productId: string, quantity: string, discountPercent: string, terms: string): Promise<string> =>
    (
      await asRita.call<{ createQuotation: { id: string } }>(`mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { id } }`, {
        input: {
          customerId,
          currency: 'EUR',
          terms,
          lines: [{ productId, quantity, unitPrice: { amount: listPrice[productId]!, currency: 'EUR' }, discountPercent, taxRate: '19' }],
        },
      })
    ).createQuotation.id;
  // At list price: otherwise the customer's last price is offered, and its distance from the list price counts as discount too.
  const listPrice: Record<string, string> = { [pump]: '1290.00', [seal]: '49.90', [valve]: '310.00' };
  const onQuotation = (session: Session, mutation: string, id: string, args = '') => session.call(`mutation($id: ID!) { ${mutation}(id: $id${args}) { id } }`, { id });
  const net30 = 'Payment 30 days net; delivery ex works.';
  // DRAFT
  await quote(hooli, valve, '10', '0', net30);
  // AWAITING_APPROVAL: 15 % on a line is over Rita's limits.
  await onQuotation(asRita, 'requestQuotationApproval', await quote(acme, pump, '4', '15', net30), `, comment: "Four pumps for site 3, matching a competitor's offer"`);
  // APPROVED by Mark, not sent yet.
  const approved = await quote(globex, pump, '3', '12', net30);
  await onQuotation(asRita, 'requestQuotationApproval', approved, ', comment: "Second production line"');
  await onQuotation(asMark, 'approveQuotation', approved, ', comment: "Fine for a three-pump order"');
  // SENT, ACCEPTED, REJECTED and CONVERTED (into a confirmed order), each sent within Rita's limits.
  const sent = async (customerId: string, productId: string, quantity: string): Promise<string> => {
    const id = await quote(customerId, productId, quantity, '5', net30);
    await onQuotation(asRita, 'sendQuotation', id);
    return id;
  };
  await sent(acme, valve, '8');
  await onQuotation(asRita, 'acceptQuotation', await sent(acme, seal, '60'));
  await onQuotation(asRita, 'rejectQuotation', await sent(hooli, pump, '2'), ', reason: "Went with a cheaper pump"');
  const won = await sent(globex, seal, '30');
  await onQuotation(asRita, 'acceptQuotation', won);
  await onQuotation(asRita, 'convertQuotation', won);

  // A CSV import with a bad row and a duplicate of Globex, per row: completed with errors.
  await asRita.call(`mutation($input: ImportCustomersInput!) { importCustomers(input: $input) { id status } }`, {
    input: {
      csv: [
        'Company,Email,City,Country,Contact,Contact email',
        'Fjord Fisheries AS,post@fjord-fisheries.example,Bergen,NO,Ingrid Dahl,ingrid@fjord-fisheries.example',
        'Globex Foods,ap@globex.example,Hamburg,DE,Lena Krause,lena.krause@globex.example',
        'Broken Row Ltd,not-an-email,Leeds,GB,,',
      ].join('\n'),
      // The mapping a user types for such a file, as the import tests type it too: data, not logic.
      // jscpd:ignore-start
      mapping: [
        { column: 'Company', field: 'NAME' },
        { column: 'Email', field: 'EMAIL' },
        { column: 'City', field: 'CITY' },
        { column: 'Country', field: 'COUNTRY' },
        { column: 'Contact', field: 'CONTACT_NAME' },
        { column: 'Contact email', field: 'CONTACT_EMAIL' },
      ],
      // jscpd:ignore-end
      dryRun: false,
      duplicates: 'SKIP',
      mode: 'PER_ROW',
    },
  });
  return { created: true, repId: rita, repName: 'Rita Reyes' };
}

/**
 * Purchasing: contacts and an address, prices per supplier (one with a quantity break), and
 * purchase orders in each state: a draft, one approved within the buyer's limit (then partly
 * received and billed, the bill held), one above it waiting for a director, one flagged as a
 * same-day split and approved by the director, one in another currency approved by the director
 * and received in full, a cancelled one. An inquiry (RFQ) for pumps answered by both suppliers (in
 * EUR and SEK) and left open for comparison, and one closed without ordering. Prices wait until
 * purchasing's copy of the catalogue knows the products.
 */
async function purchasingDemo(admin: Session, ids: { nordic: string; rhein: string; pump: string; seal: string; valve: string; berlin: string }): Promise<void> {
  const asBea = await admin.signIn('bea.buyer@rapport.example', DEMO_PASSWORD);
  const asDiane = await admin.signIn('diane.director@rapport.example', DEMO_PASSWORD);
  await asBea.call(`mutation($s: ID!, $i: SupplierContactInput!) { addSupplierContact(supplierId: $s, input: $i) { id } }`, {
    s: ids.rhein,
    i: { name: 'Jonas Weber', position: 'Key account manager', email: 'jonas.weber@rhein-dichtungen.example', phone: '+49 221 555 010' },
  });
  await asBea.call(`mutation($s: ID!, $i: SupplierAddressInput!) { addSupplierAddress(supplierId: $s, input: $i) { id } }`, {
    s: ids.rhein,
    i: { kind: 'OFFICE', street: 'Rheinuferstraße 40', postalCode: '50668', city: 'Köln', country: 'DE' },
  });
  const price = `mutation($input: SetSupplierPriceInput!) { setSupplierPrice(input: $input) { id } }`;
  const first = { supplierId: ids.rhein, productId: ids.seal, price: { amount: '17.50', currency: 'EUR' }, leadTimeDays: 5 };
  await eventually('purchasing to learn the catalogue', async () => {
    try {
      return await asBea.call(price, { input: first });
    } catch {
      return undefined;
    }
  });
  await asBea.call(price, { input: { ...first, price: { amount: '16.90', currency: 'EUR' }, minimumQuantity: '100' } });
  await asBea.call(price, { input: { supplierId: ids.rhein, productId: ids.valve, price: { amount: '150.00', currency: 'EUR' }, leadTimeDays: 10 } });
  await asBea.call(price, { input: { supplierId: ids.rhein, productId: ids.pump, price: { amount: '690.00', currency: 'EUR' }, leadTimeDays: 21 } });
  await asBea.call(price, { input: { supplierId: ids.nordic, productId: ids.pump, price: { amount: '7900.00', currency: 'SEK' }, leadTimeDays: 28 } });

  const order = async (supplierId: string, productId: string, quantity: string): Promise<string> =>
    (
      await asBea.call<{ createPurchaseOrder: { id: string } }>(`mutation($input: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $input) { id } }`, {
        input: { supplierId, lines: [{ productId, quantity, taxRate: '19' }] },
      })
    ).createPurchaseOrder.id;
  const act = (session: Session, mutation: string, id: string) => session.call(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id });
  await order(ids.rhein, ids.seal, '200');
  const valves = await order(ids.rhein, ids.valve, '10');
  await act(asBea, 'submitPurchaseOrder', valves); // within Bea's limit: approved as sent
  await act(asBea, 'submitPurchaseOrder', await order(ids.rhein, ids.pump, '10'));
  const swedish = await order(ids.nordic, ids.pump, '2');
  await act(asBea, 'submitPurchaseOrder', swedish);
  await act(asDiane, 'approvePurchaseOrder', swedish);
  await act(asBea, 'cancelPurchaseOrder', await order(ids.rhein, ids.valve, '5'));
  // Seals for the same supplier on the same day: within Bea's limit alone, over it with the day's other orders (SAME_DAY_SPLIT).
  const seals = await order(ids.rhein, ids.seal, '20');
  await act(asBea, 'submitPurchaseOrder', seals);
  await act(asDiane, 'approvePurchaseOrder', seals);
  // An inquiry for pumps to both suppliers, each answering in its currency (compared in EUR at the
  // accountant's SEK rate: Nordic's 7,650 SEK is 665.55 EUR, below Rhein's 675 EUR); and an older one given up.
  const asAaron = await admin.signIn('aaron.accountant@rapport.example', DEMO_PASSWORD);
  await asAaron.call('mutation($i: SetExchangeRateInput!) { setExchangeRate(input: $i) { id } }', {
    i: { fromCurrency: 'SEK', toCurrency: 'EUR', validOn: day(-1), rate: '0.087' },
  });
  const inquiry = `mutation($i: SendPurchaseInquiryInput!) { sendPurchaseInquiry(input: $i) { id lines { id } } }`;
  const pumps = (
    await asBea.call<{ sendPurchaseInquiry: { id: string; lines: { id: string }[] } }>(inquiry, {
      i: { supplierIds: [ids.rhein, ids.nordic], lines: [{ productId: ids.pump, quantity: '6' }], respondBy: day(14), note: 'For the spring season.' },
    })
  ).sendPurchaseInquiry;
  const answer = `mutation($i: RecordPurchaseInquiryAnswerInput!) { recordPurchaseInquiryAnswer(input: $i) { id } }`;
  const lineId = pumps.lines[0]!.id;
  await asBea.call(answer, {
    i: { inquiryId: pumps.id, supplierId: ids.rhein, lines: [{ lineId, unitPrice: { amount: '675.00', currency: 'EUR' }, taxRate: '19', leadTimeDays: 21 }] },
  });
  await asBea.call(answer, {
    i: { inquiryId: pumps.id, supplierId: ids.nordic, lines: [{ lineId, unitPrice: { amount: '7650.00', currency: 'SEK' }, leadTimeDays: 28, validUntil: day(30) }] },
  });
  const givenUp = (await asBea.call<{ sendPurchaseInquiry: { id: string } }>(inquiry, { i: { supplierIds: [ids.rhein], lines: [{ productId: ids.seal, quantity: '500' }] } }))
    .sendPurchaseInquiry.id;
  await act(asBea, 'closePurchaseInquiry', givenUp);
  // The valves: half of them received in Berlin, and the supplier's bill for those at 5 % over the
  // ordered price, held by the three-way match for the price difference.
  const asWalt = await admin.signIn('walt.warehouse@rapport.example', DEMO_PASSWORD);
  await receivePartlyAndHoldBill(
    { clerk: asWalt.call.bind(asWalt), accountant: asAaron.call.bind(asAaron) },
    { purchaseOrderId: valves, warehouseId: ids.berlin, supplierReference: 'RD-2026-118', billDate: day(0) },
  );
  // The Swedish pumps arrived in full.
  await receiveInFull({ clerk: asWalt.call.bind(asWalt), buyer: asBea.call.bind(asBea) }, swedish, ids.berlin);
}
