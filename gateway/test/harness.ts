import { createTokenVerifier, type TokenVerifier } from '@rapport/auth';
import type { Logger } from 'pino';
import { createKafka, deadLetterTopic, ensureTopics } from '@rapport/bus';
import { ALL_TOPICS } from '@rapport/contracts';
import { createCustomersService } from '@rapport/customers';
import { createFinanceService } from '@rapport/finance';
import { createIdentityService, DEFAULT_IDENTITY_OPTIONS, type PasswordHashing } from '@rapport/identity';
import { createInventoryService } from '@rapport/inventory';
import { expectStockBooksBalanced } from '@rapport/inventory/testing';
import { createPurchasingService } from '@rapport/purchasing';
import { createSalesService } from '@rapport/sales';
import { createLogger, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { graphqlRequest, startTestSubgraph, type GraphQLResult, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { createSupportService } from '@rapport/support';
import { deleteTopics, testKafkaBrokers, testTopicPrefix, waitFor } from '@rapport/testing';
import { tracingFromEnv, type TracingSettings } from '@rapport/telemetry';
import { loadGatewayConfig, type GatewayConfig } from '../src/config.js';
import { createGateway, type Gateway } from '../src/create-gateway.js';
import { SUBGRAPHS, type SubgraphName } from '../src/subgraphs.js';
import { dayFromToday } from '@rapport/errors';
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { onceCustomerKnown } from './once-customer-known.js';

// The whole system for a gateway test file: every subgraph on its own fresh database, real Kafka
// topics under a private prefix, and a gateway in front. One per test file (they run one at a time).

/**
 * The scrypt cost of the passwords test users get (identity's `passwordHashing`): 2^10 instead of
 * production's 2^15, about 3 ms of CPU per hash or sign-in instead of 100–200 ms, and test files
 * create and sign in hundreds of users. Identity's own tests keep the production cost.
 */
export const TEST_PASSWORD_HASHING: PasswordHashing = { N: 2 ** 10, r: 8, p: 1 };

export const factories: Record<SubgraphName, (config: SubgraphRuntimeConfig) => SubgraphService> = {
  identity: (config) => createIdentityService(config, { ...DEFAULT_IDENTITY_OPTIONS, passwordHashing: TEST_PASSWORD_HASHING }),
  customers: createCustomersService,
  sales: createSalesService,
  support: createSupportService,
  inventory: createInventoryService,
  purchasing: createPurchasingService,
  finance: createFinanceService,
};

/** An ISO date (YYYY-MM-DD) `offsetDays` from today, in UTC (the errors package's calendar helper). */
export const day = (offsetDays = 0): string => dayFromToday(offsetDays);

export const ADMIN = { email: 'admin@rapport.example', password: 'rapport-admin-password' } as const;

export interface TestSystem {
  /** The gateway's GraphQL endpoint (…/graphql). */
  url: string;
  /** The gateway's origin, for its non-GraphQL routes. */
  baseUrl: string;
  subgraphs: Record<SubgraphName, TestSubgraph>;
  verifier: TokenVerifier;
  logger: Logger;
  /** The first admin's access token. */
  adminToken: string;
  /** Another gateway in front of the same subgraphs (stopped with the system), with other subgraph URLs or settings. */
  startGateway(overrides?: Partial<Record<SubgraphName, string>>, connections?: number, settings?: Partial<GatewayConfig>): Promise<Gateway>;
  signIn(email: string, password: string): Promise<string>;
  /** Calls the gateway with `token` (none when null). */
  as<T = Record<string, unknown>>(token: string | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  /** Like `as`, and fails the test when the answer carries errors. */
  must<T = Record<string, unknown>>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Creates a user through the gateway as the admin and signs them in. */
  createUser(input: { email: string; displayName?: string; role: string; teamId?: string | null }): Promise<{ id: string; token: string }>;
  /**
   * Waits until sales' copy of the catalogue holds the product inventory created (it learns it from
   * inventory's product event, after the createProduct answer): orders and quotations name known products only.
   */
  untilSellable(productId: string): Promise<void>;
  /**
   * Like `must`, for a sales mutation about a customer created moments ago: sales learns the customer
   * (and who owns it) from customers' event, and until then refuses with CUSTOMER_NOT_FOUND (writing
   * nothing), so this retries on exactly that answer and fails on any other error.
   */
  mustOnceCustomerKnown<T = Record<string, unknown>>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Fails the test unless inventory's stock levels agree with its ledger, reservations and inbound documents. */
  expectStockBalanced(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestSystemOptions {
  /** Every subgraph answers only callers presenting this secret; the system's gateways present it. */
  gatewaySecret?: string;
  /** Where the gateway and every subgraph send traces; by default as the environment says (`OTEL_EXPORTER_OTLP_ENDPOINT`: off when unset). */
  tracing?: TracingSettings | null;
  /** Settings of the system's first gateway (`system.url`), over the defaults. */
  gatewaySettings?: Partial<GatewayConfig>;
}

/** Finance's copy of an order line (`invoiceableLines`): what was ordered, cancelled, delivered, returned, invoiced, and may still be invoiced. */
export interface InvoiceableLine {
  ordered: string;
  cancelled: string;
  delivered: string;
  returned: string;
  invoiced: string;
  invoiceable: string;
}

/**
 * Polls finance's copy of order `orderId`'s first line, as `token` sees it, until `accept` holds
 * (NOT_FOUND until finance learned the order from sales' event).
 */
export function untilInvoiceableLine(system: TestSystem, token: string, orderId: string, accept: (line: InvoiceableLine) => boolean, what: string): Promise<InvoiceableLine> {
  return waitFor(
    async () => {
      const answer = await system.as<{ invoiceableLines: InvoiceableLine[] }>(
        token,
        'query($id: ID!) { invoiceableLines(orderId: $id) { ordered cancelled delivered returned invoiced invoiceable } }',
        { id: orderId },
      );
      if (answer.errors?.[0]?.extensions?.code === 'NOT_FOUND') return undefined;
      if (answer.errors) throw new Error(`the gateway answered errors: ${JSON.stringify(answer.errors)}`);
      const line = answer.data?.invoiceableLines[0];
      return line && accept(line) ? line : undefined;
    },
    { what },
  );
}

/** The customer's timeline entries (newest first, up to 100) as `token` sees them. */
export async function timelineOf(system: TestSystem, token: string, customerId: string): Promise<{ kind: string; summary: string }[]> {
  const { customer } = await system.must<{ customer: { timeline: { edges: { node: { kind: string; summary: string } }[] } } }>(
    token,
    'query($id: ID!) { customer(id: $id) { timeline(first: 100) { edges { node { kind summary } } } } }',
    { id: customerId },
  );
  return customer.timeline.edges.map((e) => e.node);
}

/** True once inventory's database answers `sql` (a `select count(*)::int as n …`) with a count above 0, else undefined: for `waitFor` on a read copy. */
export async function inventoryKnows(system: TestSystem, sql: string, params: unknown[]): Promise<true | undefined> {
  const rows = await system.subgraphs.inventory.service.orm.em.fork().getConnection().execute<{ n: number }[]>(sql, params);
  return rows[0]?.n ? true : undefined;
}

/**
 * A product and a warehouse made by `clerk` with `quantity` received there, and a customer owned by
 * `rep`; returns once sales can sell the product.
 */
export async function aStockedProductAndCustomer(
  system: TestSystem,
  as: { clerk: string; rep: string },
  input: { sku: string; name: string; listPrice: string; standardCost: string; warehouseCode: string; warehouseName: string; quantity: string; customerName: string },
): Promise<{ productId: string; warehouseId: string; customerId: string }> {
  const stocked = await system.must<{ createProduct: { id: string }; createWarehouse: { id: string } }>(
    as.clerk,
    `mutation($p: CreateProductInput!, $w: CreateWarehouseInput!) { createProduct(input: $p) { id } createWarehouse(input: $w) { id } }`,
    {
      p: { sku: input.sku, name: input.name, listPrice: { amount: input.listPrice, currency: 'EUR' }, standardCost: { amount: input.standardCost, currency: 'EUR' } },
      w: { code: input.warehouseCode, name: input.warehouseName },
    },
  );
  const productId = stocked.createProduct.id;
  const warehouseId = stocked.createWarehouse.id;
  await system.must(as.clerk, 'mutation($p: ID!, $w: ID!, $q: String!) { receiveStock(input: { productId: $p, warehouseId: $w, quantity: $q }) { id } }', {
    p: productId,
    w: warehouseId,
    q: input.quantity,
  });
  const { createCustomer } = await system.must<{ createCustomer: { id: string } }>(as.rep, 'mutation($n: String!) { createCustomer(input: { name: $n, kind: COMPANY }) { id } }', {
    n: input.customerName,
  });
  await system.untilSellable(productId);
  return { productId, warehouseId, customerId: createCustomer.id };
}

/** A sales order line's quantities as they follow inventory's reservation events. */
export interface OrderLineStock {
  shortQuantity: string;
  reservedQuantity: string;
}

/** Waits until sales shows the first line of order `orderId` (as `token` sees it) with exactly `expected`. */
export function untilOrderLine(system: TestSystem, token: string, orderId: string, expected: OrderLineStock, what: string): Promise<OrderLineStock> {
  return waitFor(
    async () => {
      const { salesOrder } = await system.must<{ salesOrder: { lines: OrderLineStock[] } }>(
        token,
        'query($id: ID!) { salesOrder(id: $id) { lines { shortQuantity reservedQuantity } } }',
        {
          id: orderId,
        },
      );
      const line = salesOrder.lines[0];
      return line?.shortQuantity === expected.shortQuantity && line.reservedQuantity === expected.reservedQuantity ? line : undefined;
    },
    { what },
  );
}

export async function startTestSystem(name: string, options: TestSystemOptions = {}): Promise<TestSystem> {
  const shared = {
    ...(options.gatewaySecret ? { gatewaySecret: options.gatewaySecret } : {}),
    tracing: options.tracing === undefined ? tracingFromEnv(process.env) : options.tracing,
  };
  const brokers = testKafkaBrokers();
  const topicPrefix = testTopicPrefix();
  const logger = createLogger(name, process.env.LOG_LEVEL ?? 'silent');
  const kafka = createKafka({ brokers, clientId: name, logger });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [...ALL_TOPICS.map((t) => `${topicPrefix}${t}`), ...SUBGRAPHS.map(({ name: n }) => deadLetterTopic(topicPrefix, n))]);
  } catch (error) {
    // Those created stay otherwise: a shared broker slows down with every topic left on it.
    await deleteTopics(brokers, topicPrefix).catch(() => undefined);
    throw error;
  } finally {
    await admin.disconnect();
  }

  const subgraphs = {} as Record<SubgraphName, TestSubgraph>;
  const gateways: Gateway[] = [];
  // Every subgraph at once. The others verify tokens against identity's JWKS, whose URL is known
  // once identity listens: they ask for the verifier at their first request (after the start).
  let identityVerifier: (verifier: TokenVerifier) => void = () => undefined;
  let identityFailed: (error: unknown) => void = () => undefined;
  const identityVerifies = new Promise<TokenVerifier>((resolve, reject) => {
    identityVerifier = resolve;
    identityFailed = reject;
  });
  identityVerifies.catch(() => undefined); // a failed start is reported by the start itself
  const verifier: TokenVerifier = async (token) => (await identityVerifies)(token);
  const starts = await Promise.allSettled(
    SUBGRAPHS.map(async ({ name: n }) => {
      try {
        subgraphs[n] = await startTestSubgraph(n, factories[n], { kafka: true, topicPrefix, overrides: { logger, ...(n === 'identity' ? {} : { verifier }), ...shared } });
      } catch (error) {
        if (n === 'identity') identityFailed(error);
        throw error;
      }
      if (n === 'identity') identityVerifier(createTokenVerifier({ jwks: `${subgraphs.identity.service.url}/.well-known/jwks.json` }));
    }),
  );
  const failed = starts.find((s) => s.status === 'rejected');
  if (failed) {
    // Those that did start are stopped, so a failed start leaves no servers or consumers running.
    await Promise.allSettled(Object.values(subgraphs).map((s) => s.stop()));
    await deleteTopics(brokers, topicPrefix).catch(() => undefined);
    throw failed.reason;
  }

  const startGateway = async (overrides: Partial<Record<SubgraphName, string>> = {}, connections = 16, settings: Partial<GatewayConfig> = {}): Promise<Gateway> => {
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map(({ name: n }) => [n, overrides[n] ?? subgraphs[n].url])) as Record<SubgraphName, string>;
    const gateway = createGateway(
      { ...loadGatewayConfig({}), ...shared, kafkaBrokers: brokers, topicPrefix, ...settings, port: 0, subgraphUrls, subgraphConnections: connections, verifier },
      { logger },
    );
    gateways.push(gateway);
    await gateway.start();
    return gateway;
  };
  const gateway = await startGateway({}, 16, options.gatewaySettings);
  const url = `${gateway.url}/graphql`;

  const as = <T>(token: string | null, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResult<T>> =>
    graphqlRequest<T>(url, query, variables, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
  const must = async <T>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const result = await as<T>(token, query, variables);
    // Thrown, not expect(): the harness also runs outside vitest (bench/limits.bench.ts).
    if (result.errors) throw new Error(`the gateway answered errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  };
  const signIn = async (email: string, password: string): Promise<string> =>
    (await must<{ signIn: { accessToken: string } }>(null, `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, { i: { email, password } })).signIn.accessToken;
  const adminToken = await signIn(ADMIN.email, ADMIN.password);

  const createUser: TestSystem['createUser'] = async ({ email, displayName, role, teamId }) => {
    const password = `${email}-password`;
    const created = await must<{ createUser: { id: string } }>(adminToken, `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { email, displayName: displayName ?? email.split('@')[0], role, teamId: teamId ?? null, password },
    });
    return { id: created.createUser.id, token: await signIn(email, password) };
  };

  const untilSellable = async (productId: string): Promise<void> => {
    await waitFor(
      async () => {
        const rows = await subgraphs.sales.service.orm.em
          .fork()
          .getConnection()
          .execute<{ n: number }[]>('select count(*)::int as n from catalogue_product where id = ?', [productId]);
        return rows[0]?.n ? true : undefined;
      },
      { what: `sales to learn product ${productId}` },
    );
  };

  const mustOnceCustomerKnown = onceCustomerKnown(as);

  const expectStockBalanced = (): Promise<void> => expectStockBooksBalanced(subgraphs.inventory);

  return {
    url,
    baseUrl: gateway.url,
    subgraphs,
    verifier,
    logger,
    adminToken,
    startGateway,
    signIn,
    as,
    must,
    createUser,
    untilSellable,
    mustOnceCustomerKnown,
    expectStockBalanced,
    async stop() {
      // This process's own kept-alive connections (`fetch`'s global pool) closed first: the gateway's
      // drain otherwise waits its idle grace (1 s) for them before it stops.
      const clients = getGlobalDispatcher();
      setGlobalDispatcher(new Agent());
      await clients.close();
      // Gateways and subgraphs together: a subgraph's drain ends as the gateway closes its pool,
      // and their Kafka consumers (each waiting out its fetch in flight, up to 1 s) leave at once.
      const stops = await Promise.allSettled([...gateways.map((g) => g.stop()), ...Object.values(subgraphs).map((s) => s.stop())]);
      await deleteTopics(brokers, topicPrefix);
      // A failed stop check (inventory's ledger) fails the file, after everything stopped.
      const failure = stops.find((s) => s.status === 'rejected');
      if (failure) throw failure.reason;
    },
  };
}

/** A product's stock level in one warehouse, as inventory answers it. */
export interface StockLevel {
  onHand: string;
  reserved: string;
  available: string;
}

/** The product's (first) stock level as the holder of `token` sees it through the gateway. */
export async function stockLevelOf(system: TestSystem, token: string, productId: string): Promise<StockLevel | undefined> {
  const answer = await system.must<{ product: { stock: StockLevel[] } }>(token, 'query($id: ID!) { product(id: $id) { stock { onHand reserved available } } }', { id: productId });
  return answer.product.stock[0];
}

/** Polls the product's stock level until it is `expected` (events travel over Kafka), then returns it. */
export const untilStockLevel = (system: TestSystem, token: string, productId: string, expected: StockLevel, what: string): Promise<StockLevel> =>
  waitFor(
    async () => {
      const now = await stockLevelOf(system, token, productId);
      return now && now.onHand === expected.onHand && now.reserved === expected.reserved && now.available === expected.available ? now : undefined;
    },
    { what },
  );
