// Demo data, loaded through the gateway's public mutations (so every event flows as in real
// use). Loading twice is a no-op: it stops when the demo users already exist.

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

let accessToken = '';

async function call<T>(gatewayUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': `demo-data-${Date.now()}`,
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (body.errors?.length) throw new Error(`demo data: ${body.errors.map((e) => `${e.message} ${JSON.stringify(e.extensions ?? {})}`).join('; ')}`);
  return body.data as T;
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export interface DemoSummary {
  created: boolean;
  repId: string;
  repName: string;
}

/** Every demo user signs in with this password (the admin's comes from RAPPORT_ADMIN_PASSWORD). */
export const DEMO_PASSWORD = 'rapport-demo-password';

/**
 * Loads the demo company into a running system through `gatewayUrl` (…/graphql), signed in as
 * the first admin that identity creates from RAPPORT_ADMIN_EMAIL / RAPPORT_ADMIN_PASSWORD.
 */
export async function loadDemoData(gatewayUrl: string, env: Record<string, string | undefined> = process.env): Promise<DemoSummary> {
  accessToken = '';
  const session = await call<{ signIn: { accessToken: string } }>(gatewayUrl, `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
    input: { email: env.RAPPORT_ADMIN_EMAIL ?? 'admin@rapport.example', password: env.RAPPORT_ADMIN_PASSWORD ?? 'rapport-admin-password' },
  });
  accessToken = session.signIn.accessToken;
  const existing = await call<{ users: { edges: { node: { id: string; displayName: string } }[] } }>(
    gatewayUrl,
    `query { users(filter: { search: "Rita Reyes" }, first: 1) { edges { node { id displayName } } } }`,
  );
  const found = existing.users.edges[0]?.node;
  if (found) return { created: false, repId: found.id, repName: found.displayName };

  const team = async (name: string, parentId: string | null): Promise<string> =>
    (await call<{ createTeam: { id: string } }>(gatewayUrl, `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`, { input: { name, parentId } }))
      .createTeam.id;
  const user = async (email: string, displayName: string, role: string, teamId: string | null): Promise<string> =>
    (
      await call<{ createUser: { id: string } }>(gatewayUrl, `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
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
  await user('alice.agent@rapport.example', 'Alice Agent', 'SUPPORT_AGENT', service);
  await user('walt.warehouse@rapport.example', 'Walt Warehouse', 'WAREHOUSE_CLERK', null);
  await user('bea.buyer@rapport.example', 'Bea Buyer', 'BUYER', null);
  await user('aaron.accountant@rapport.example', 'Aaron Accountant', 'ACCOUNTANT', null);
  await user('ada.admin@rapport.example', 'Ada Admin', 'ADMIN', null);

  const customer = async (name: string, kind: string, lifecycleState: string, ownerId: string, teamId: string, email: string): Promise<string> =>
    (
      await call<{ createCustomer: { id: string } }>(gatewayUrl, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
        input: { name, kind, lifecycleState, ownerId, teamId, email },
      })
    ).createCustomer.id;
  const acme = await customer('Acme Pumps Ltd', 'COMPANY', 'ACTIVE', rita, north, 'purchasing@acme-pumps.example');
  const globex = await customer('Globex Foods', 'COMPANY', 'ACTIVE', rita, north, 'ap@globex.example');
  const hooli = await customer('Hooli Hydraulics', 'COMPANY', 'PROSPECT', rita, north, 'info@hooli.example');
  await customer('Jane Doe', 'PERSON', 'LEAD', rita, north, 'jane.doe@example.org');
  const initech = await customer('Initech', 'COMPANY', 'ACTIVE', sam, south, 'office@initech.example');
  await customer('Umbrella Mills', 'COMPANY', 'DORMANT', sam, south, 'hello@umbrella.example');

  const product = async (sku: string, name: string, amount: string): Promise<string> =>
    (
      await call<{ createProduct: { id: string } }>(gatewayUrl, `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
        input: { sku, name, unit: 'pcs', listPrice: { amount, currency: 'EUR' } },
      })
    ).createProduct.id;
  const pump = await product('PUMP-200', 'Centrifugal pump 200 l/min', '1290.00');
  const seal = await product('SEAL-KIT-9', 'Seal kit, series 9', '49.90');
  await product('VALVE-DN50', 'Gate valve DN50', '310.00');

  const supplier = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`;
  await call(gatewayUrl, supplier, { input: { name: 'Nordic Castings AB', email: 'orders@nordic-castings.example', currency: 'SEK', paymentTermsDays: 30 } });
  await call(gatewayUrl, supplier, { input: { name: 'Rhein Dichtungen GmbH', email: 'vertrieb@rhein-dichtungen.example', currency: 'EUR', paymentTermsDays: 45 } });

  const ticket = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
  await call(gatewayUrl, ticket, { input: { customerId: acme, subject: 'Pump PUMP-200 leaking at the seal', priority: 'HIGH', description: 'Site 3, since Monday.' } });
  await call(gatewayUrl, ticket, { input: { customerId: globex, subject: 'Need a copy of last invoice', priority: 'LOW' } });
  const solved = await call<{ openTicket: { id: string } }>(gatewayUrl, ticket, { input: { customerId: initech, subject: 'Delivery address change', priority: 'NORMAL' } });
  await call(gatewayUrl, `mutation($id: ID!) { resolveTicket(id: $id) { id } }`, { id: solved.openTicket.id });

  const opportunity = `mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }`;
  await call(gatewayUrl, opportunity, { input: { customerId: acme, title: 'Spare parts framework 2027', amount: { amount: '48000.00', currency: 'EUR' }, expectedCloseDate: day(45) } });
  await call(gatewayUrl, opportunity, { input: { customerId: hooli, title: 'Pilot: 10 pumps', amount: { amount: '12900.00', currency: 'EUR' }, expectedCloseDate: day(20) } });
  await call(gatewayUrl, opportunity, { input: { customerId: initech, title: 'Valve retrofit', amount: { amount: '9300.00', currency: 'EUR' } } });

  const order = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`;
  await call(gatewayUrl, order, {
    input: {
      customerId: acme,
      currency: 'EUR',
      lines: [
        { productId: pump, quantity: '2', unitPrice: { amount: '1250.00', currency: 'EUR' } },
        { productId: seal, quantity: '10', unitPrice: { amount: '49.90', currency: 'EUR' } },
      ],
    },
  });
  await call(gatewayUrl, order, { input: { customerId: globex, currency: 'EUR', lines: [{ productId: seal, quantity: '25', unitPrice: { amount: '47.50', currency: 'EUR' } }] } });

  const invoice = `mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }`;
  await call(gatewayUrl, invoice, { input: { customerId: acme, total: { amount: '3420.00', currency: 'EUR' }, issueDate: day(-60), dueDate: day(-30) } });
  await call(gatewayUrl, invoice, { input: { customerId: globex, total: { amount: '1187.50', currency: 'EUR' }, issueDate: day(-20), dueDate: day(-5) } });
  const paid = await call<{ issueInvoice: { id: string } }>(gatewayUrl, invoice, {
    input: { customerId: initech, total: { amount: '780.00', currency: 'EUR' }, issueDate: day(-10), dueDate: day(20) },
  });
  await call(gatewayUrl, `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`, {
    input: { invoiceId: paid.issueInvoice.id, amount: { amount: '780.00', currency: 'EUR' }, paidOn: day(-2) },
  });
  return { created: true, repId: rita, repName: 'Rita Reyes' };
}
