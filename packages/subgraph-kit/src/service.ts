import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { MigrationObject } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import {
  BUS_ENTITIES,
  BUS_MIGRATION,
  OUTBOX_POSITION_MIGRATION,
  OUTBOX_NOTIFY_MIGRATION,
  createEventConsumer,
  createConsumerKafka,
  createKafka,
  createOutboxRelay,
  createProducer,
  deadLetterTopic,
  ensureTopics,
  type EventConsumer,
  type EventHandlerRegistration,
  type OutboxRelay,
  type RetryPolicy,
} from '@rapport/bus';
import { ALL_TOPICS, isSubgraphName, subgraphEntry, type CloudEvent, type EventMetadata } from '@rapport/contracts';
import type { AppError } from '@rapport/errors';
import type { Admin, ISocketFactory, Producer } from 'kafkajs';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { TokenVerifier } from '@rapport/auth';
import { flushTracing, startTracing, tracerOf, type TracingSettings } from '@rapport/telemetry';
import { AUDIT_MIGRATION, actingScope, AuditEntry, auditEntryResolvers, AuditSubscriber } from './audit.js';
import { authenticate, requireAuthentication } from './authentication.js';
import { createFormatError } from './format-error.js';
import { closeServer, createHttpApp, DRAIN_TIMEOUT_MS, listen, type RouteHandler } from './http.js';
import { httpStatusPlugin } from './http-status.js';
import { IDEMPOTENCY_MIGRATION, idempotentMutations, startIdempotencyPurge } from './idempotency.js';
import { inputBoundary } from './input-guard.js';
import { createOperationGuard, DEFAULT_SUBGRAPH_LIMITS, type OperationLimits } from './operation-limits.js';
import { createLogger, withRequestLogger } from './logger.js';
import type { PeriodicJob } from './periodic.js';
import { RequestMetrics } from './metrics.js';
import { databaseProbe, eventBusResolvers, kafkaFigures, kafkaProbe, operationsAdmin, renderMetrics, type EventBusView } from './operations.js';
import { graphqlSpanPlugin } from './tracing.js';
import { createOrm, migrate } from './orm.js';
import { ACCESS_REVOCATION_MIGRATION, accessRevocationHandlers, loadRevocations, RevocationList, revokingVerifier, watchRevocations } from './revocation.js';
import {
  CUSTOMER_ACCESS_MIGRATION,
  CUSTOMER_ACCESS_SOURCE_EVENTS,
  CUSTOMER_DELETION_MIGRATION,
  CUSTOMER_MERGE_MIGRATION,
  CustomerAccess,
  customerAccessHandlers,
} from './visibility.js';
import { COMPANY_PROFILE_COPY_MIGRATION, companyProfileCopyHandlers } from './company-profile.js';
import { PRINT_RECIPIENT_COPY_MIGRATION, printRecipientHandlers } from './print-recipient.js';
import type { ResolverMap } from './merge.js';
import { buildSchema } from './schema.js';
import { callerOf, type Caller } from './viewer.js';
import { loadSdl, sdlValidatedAtBuild } from './sdl.js';

/**
 * What every resolver receives: its own EntityManager fork, the request id, loaders, and the caller
 * (`Caller`): `ctx.viewer(policy, action)` is the one way to the module's viewer services take.
 */
export interface SubgraphContext<TLoaders> extends Caller {
  em: SqlEntityManager;
  requestId: string;
  logger: Logger;
  loaders: TLoaders;
  /** Metadata for events caused by this request. */
  eventMeta: EventMetadata;
  /** Why a presented token was refused, if it was. */
  authError: AppError | null;
}

/** What a service's own HTTP handler gets besides the request: the started ORM, the verifier, the request id. */
export interface ServiceRequestContext {
  orm: MikroORM;
  logger: Logger;
  verifier: TokenVerifier;
  requestId: string;
}

export interface SubgraphDefinition<TLoaders> {
  /** The domain name: `customers`, `sales`, … */
  name: string;
  /** The service's `src` folder: every `*.graphql` below it makes the subgraph's SDL. */
  srcDir: string;
  resolvers: ResolverMap[];
  entities: unknown[];
  /** The service's own migrations, in order (the bus tables come first automatically). */
  migrations: MigrationObject[];
  /** Handlers for events from other services. */
  handlers?: EventHandlerRegistration[];
  /** Per-request DataLoaders; they get the caller (`caller.viewer(policy, 'lookup')`), so batched lookups apply the same visibility. */
  createLoaders: (em: SqlEntityManager, caller: Caller) => TLoaders;
  /**
   * Root fields callable without a token, for a subgraph outside the registry (a test fixture); a
   * registered subgraph's come from the registry (`SUBGRAPHS` in @rapport/contracts), and giving
   * them here too is an error.
   */
  publicRootFields?: string[];
  /** Extra GET routes (identity's JWKS). */
  routes?: Record<string, RouteHandler>;
  /**
   * Requests outside GraphQL the service answers itself, any method (customers' document uploads
   * and downloads); returns false to leave a request alone. It authenticates the caller itself.
   */
  handle?: (req: IncomingMessage, res: ServerResponse, url: URL, context: ServiceRequestContext) => boolean | Promise<boolean>;
  /** Runs after migrations, before serving (identity loads its signing keys). */
  onStart?: (orm: MikroORM) => Promise<void>;
  /**
   * The service's timers (`startPeriodicJob`: finance's daily dunning, inventory's overdue-loan
   * check), started once it serves and stopped first when it stops, so no run outlives the ORM.
   */
  jobs?: (orm: MikroORM, logger: Logger) => PeriodicJob[];
  /**
   * Keeps the `customer_access` read model (who owns and who may see each customer) from the
   * customers service's events, for subgraphs whose records belong to customers. `'source'` for the
   * customers service itself, which writes it in the transactions that publish those events and so
   * skips `CUSTOMER_ACCESS_SOURCE_EVENTS` when its consumer sees them again.
   */
  customerAccess?: boolean | 'source';
  /**
   * Keeps a copy of identity's company profile (`company_profile_copy`, read with
   * `loadCompanyProfile`) from `identity.company.profile-changed.v1`, for subgraphs that print.
   */
  companyProfileCopy?: boolean;
  /**
   * Keeps customers' names and addresses (`print_customer`, `print_customer_address`, read with
   * `recipientOf`) from the customers service's events, for subgraphs that print to customers.
   * Sales keeps the same tables by its own migration and registers `printRecipientHandlers` itself.
   */
  printRecipientCopy?: boolean;
}

export interface SubgraphRuntimeConfig {
  port: number;
  host: string;
  /** The full URL of this service's own database. */
  databaseUrl: string;
  /** Kafka brokers; empty runs without relay and consumers (the outbox still fills). */
  kafkaBrokers: string[];
  topicPrefix: string;
  logLevel: string;
  outboxPollMs: number;
  consumerRetry?: Partial<RetryPolicy>;
  /** Sees every SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
  logger?: Logger;
  /** Verifies callers' access tokens. */
  verifier: TokenVerifier;
  /** What one request may ask for (DEFAULT_SUBGRAPH_LIMITS when absent). */
  limits?: OperationLimits;
  /** When set, GraphQL is answered only to callers presenting it in `x-gateway-secret` (the gateway). */
  gatewaySecret?: string | null;
  /** Opens broker connections (tests route them through a proxy they can cut); kafkajs' own by default. */
  kafkaSocketFactory?: ISocketFactory;
  /**
   * The safety-net reload of the deny list of revoked access tokens from the database (30 s unless
   * told); a revocation another instance of the same service consumed reloads it at its commit
   * (LISTEN/NOTIFY, `watchRevocations`).
   */
  revocationRefreshMs?: number;
  /** Where traces go (OTLP/HTTP); null or absent: tracing off, no SDK started (`tracingFromEnv`). */
  tracing?: TracingSettings | null;
}

export interface SubgraphService {
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
  readonly orm: MikroORM;
  readonly logger: Logger;
  readonly url: string;
  readonly sdl: string;
  /** Every migration `start` applies, in order (the kit's and the bus's first): tests build template databases from them. */
  readonly migrations: readonly MigrationObject[];
}

/** How long the Kafka steps of `stop` (consumer, relay, producer) may take together before stop goes on. */
export const KAFKA_STOP_BOUND_MS = 4_000;

/** Waits for `work` at most `boundMs` (its failure is thrown); 'timeout' when it takes longer. */
export async function withinBound(work: Promise<unknown> | undefined, boundMs: number): Promise<'done' | 'timeout'> {
  if (!work) return 'done';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), boundMs);
  });
  try {
    return await Promise.race([work.then(() => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The composition root every subgraph shares: ORM (migrated), outbox relay, consumers, Apollo
 * Server over HTTP. `stop` closes in order: HTTP, consumers, relay, producer, ORM.
 */
/**
 * The root fields subgraph `definition` answers without a token: the registry's for a registered
 * subgraph, else the definition's own. Each must be a Query or Mutation field of `schema`, so a
 * misspelt name fails at boot instead of silently locking a public field away.
 */
export function publicRootFieldsOf(definition: Pick<SubgraphDefinition<unknown>, 'name' | 'publicRootFields'>, schema: GraphQLSchema): readonly string[] {
  let fields: readonly string[];
  if (isSubgraphName(definition.name)) {
    if (definition.publicRootFields) {
      throw new Error(`${definition.name}'s public root fields are listed in the registry (SUBGRAPHS in @rapport/contracts), not in its definition`);
    }
    fields = subgraphEntry(definition.name).publicRootFields;
  } else {
    fields = definition.publicRootFields ?? [];
  }
  const roots = { ...schema.getQueryType()?.getFields(), ...schema.getMutationType()?.getFields() };
  const unknown = fields.filter((f) => !(f in roots));
  if (unknown.length > 0) throw new Error(`${definition.name}: public root field(s) ${unknown.join(', ')} are not Query or Mutation fields of its schema`);
  return fields;
}

export function createSubgraphService<TLoaders>(definition: SubgraphDefinition<TLoaders>, config: SubgraphRuntimeConfig): SubgraphService {
  const logger = config.logger ?? createLogger(definition.name, config.logLevel);
  const sdl = loadSdl(definition.srcDir, definition.name);
  const { schema, typeDefs } = buildSchema(sdl, [auditEntryResolvers, eventBusResolvers(definition.name, () => operations()), ...definition.resolvers], {
    sdlValidated: sdlValidatedAtBuild(definition.srcDir, sdl),
  });
  const publicRootFields = publicRootFieldsOf(definition, schema);
  const migrations: MigrationObject[] = [
    BUS_MIGRATION,
    OUTBOX_POSITION_MIGRATION,
    OUTBOX_NOTIFY_MIGRATION,
    AUDIT_MIGRATION,
    ACCESS_REVOCATION_MIGRATION,
    ...(definition.customerAccess ? [CUSTOMER_ACCESS_MIGRATION, CUSTOMER_MERGE_MIGRATION, CUSTOMER_DELETION_MIGRATION] : []),
    IDEMPOTENCY_MIGRATION,
    ...(definition.companyProfileCopy ? [COMPANY_PROFILE_COPY_MIGRATION] : []),
    ...(definition.printRecipientCopy ? [PRINT_RECIPIENT_COPY_MIGRATION] : []),
    ...definition.migrations,
  ];
  let orm: MikroORM | undefined;
  let server: Server | undefined;
  let apollo: ApolloServer<SubgraphContext<TLoaders>> | undefined;
  let producer: Producer | undefined;
  let admin: Admin | undefined;
  let relay: OutboxRelay | undefined;
  let consumer: EventConsumer | undefined;
  let idempotencyPurge: { stop(): void } | undefined;
  let url = '';
  let ready: () => Promise<Record<string, boolean>> = async () => ({ started: false });
  const operations = (): EventBusView => ({
    service: definition.name,
    orm: activeOrm(),
    topicPrefix: config.topicPrefix,
    ...(admin ? { admin } : {}),
    ...(consumer ? { consumer } : {}),
    ready,
  });
  const activeOrm = (): MikroORM => {
    if (!orm) throw new Error(`${definition.name} is not started`);
    return orm;
  };
  // Revoked access tokens: refused by this subgraph as soon as identity's event is handled.
  const revocations = new RevocationList();
  const verifier = revokingVerifier(config.verifier, revocations);
  let revocationWatch: ReturnType<typeof watchRevocations> | undefined;
  let jobs: PeriodicJob[] = [];
  const requestMetrics = new RequestMetrics();
  const kafkaReading = kafkaFigures(() => operations());

  async function start(): Promise<{ url: string }> {
    const started = Date.now();
    await startTracing(config.tracing ?? null);
    const tracer = tracerOf(definition.name);
    orm = await createOrm({
      url: config.databaseUrl,
      entities: [...BUS_ENTITIES, AuditEntry, ...(definition.customerAccess ? [CustomerAccess] : []), ...definition.entities],
      migrations,
      subscribers: [new AuditSubscriber()],
      logger,
      tracer,
      ...(config.onQuery ? { onQuery: config.onQuery } : {}),
    });
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    await definition.onStart?.(orm);
    const revocationOrm = orm;
    // Listening first: a revocation committed between the load and the listen is notified.
    revocationWatch = watchRevocations({
      databaseUrl: String(orm.config.get('clientUrl') ?? config.databaseUrl),
      reload: () => loadRevocations(revocationOrm.em.fork(), revocations),
      logger,
      ...(config.revocationRefreshMs ? { safetyReloadMs: config.revocationRefreshMs } : {}),
    });
    await revocationWatch.start();
    await loadRevocations(revocationOrm.em.fork(), revocations);
    const purgeOrm = orm;
    idempotencyPurge = startIdempotencyPurge(() => purgeOrm.em.fork(), logger);

    if (config.kafkaBrokers.length > 0) {
      const client = {
        brokers: config.kafkaBrokers,
        clientId: `rapport-${definition.name}`,
        logger,
        ...(config.kafkaSocketFactory ? { socketFactory: config.kafkaSocketFactory } : {}),
      };
      const kafka = createKafka(client);
      const setup = kafka.admin();
      await setup.connect();
      try {
        await ensureTopics(setup, [...ALL_TOPICS.map((t) => `${config.topicPrefix}${t}`), deadLetterTopic(config.topicPrefix, definition.name)]);
      } finally {
        await setup.disconnect();
      }
      admin = operationsAdmin(kafka);
      await admin.connect();
      producer = createProducer(client);
      await producer.connect();
      relay = createOutboxRelay({
        orm,
        producer,
        logger,
        topicPrefix: config.topicPrefix,
        lockName: `outbox-relay:${definition.name}`,
        pollIntervalMs: config.outboxPollMs,
        tracer,
        // After a broker crash the broker may refuse the producer's id or sequence for good: a new producer.
        renewProducer: async () => {
          const next = createProducer(client);
          await next.connect();
          const previous = producer;
          producer = next;
          void previous?.disconnect().catch(() => undefined);
          return next;
        },
      });
      relay.start();
      // Changes made while handling an event are audited as caused by the event's actor and request.
      const handlers = [
        ...accessRevocationHandlers(revocations),
        ...(definition.customerAccess ? customerAccessHandlers.filter((h) => !(definition.customerAccess === 'source' && CUSTOMER_ACCESS_SOURCE_EVENTS.includes(h.type))) : []),
        ...(definition.companyProfileCopy ? companyProfileCopyHandlers : []),
        ...(definition.printRecipientCopy ? printRecipientHandlers : []),
        ...(definition.handlers ?? []),
      ].map((h) => ({
        ...h,
        // The flush happens inside the scope (still inside the inbox transaction), so the audit sees the actor.
        run: (event: CloudEvent, em: SqlEntityManager) =>
          actingScope.run({ requestId: event.requestid, actorId: event.actor }, async () => {
            await h.run(event, em);
            await em.flush();
          }),
      }));
      // Every subgraph consumes at least identity's revocations.
      consumer = createEventConsumer({
        kafka: createConsumerKafka(client),
        orm,
        groupId: definition.name,
        topicPrefix: config.topicPrefix,
        handlers,
        // Dead letters go through the relay's current producer, renewed or not.
        producer: () => {
          if (!producer) throw new Error('the producer is stopped');
          return producer;
        },
        logger,
        tracer,
        ...(config.consumerRetry ? { retry: config.consumerRetry } : {}),
      });
      await consumer.start();
    }

    const formatError = createFormatError(logger);
    const limits = config.limits ?? DEFAULT_SUBGRAPH_LIMITS;
    apollo = new ApolloServer<SubgraphContext<TLoaders>>({
      schema,
      introspection: true,
      includeStacktraceInErrorResponses: false,
      // `stop` drains HTTP first and stops Apollo after; Apollo's own SIGTERM handler would stop it at
      // once, failing every request still arriving on a kept-alive connection.
      stopOnTerminationSignals: false,
      formatError,
      // No automatic persisted queries: every document arrives in full, so the guard sees it.
      persistedQueries: false,
      parseOptions: { maxTokens: limits.maxTokens },
      plugins: [
        ApolloServerPluginInlineTraceDisabled(),
        // Nothing here sets cache hints, and Apollo's default cache-control plugin hooks every resolved field.
        ApolloServerPluginCacheControlDisabled(),
        requireAuthentication<SubgraphContext<TLoaders>>(publicRootFields),
        inputBoundary<SubgraphContext<TLoaders>>(),
        httpStatusPlugin<SubgraphContext<TLoaders>>(),
        idempotentMutations<SubgraphContext<TLoaders>>(),
        ...(tracer ? [graphqlSpanPlugin<SubgraphContext<TLoaders>>()] : []),
      ],
    });
    await apollo.start();
    const startedOrm = orm;
    const handle = definition.handle;
    // Readiness tells the truth cheaply: each dependency is asked at most once a second, with a short timeout.
    const database = databaseProbe(startedOrm);
    const broker = admin ? kafkaProbe(admin) : undefined;
    ready = async () => {
      const [db, kafka] = await Promise.all([database(), broker ? broker() : Promise.resolve(true)]);
      return { database: db, kafka };
    };
    server = createHttpApp({
      apollo,
      logger,
      context: async (req: IncomingMessage, requestId: string) => {
        // The request's own fork of the global EntityManager: nothing of MikroORM's request or
        // transaction context is active here, so fork need not look for one (two AsyncLocalStorage reads).
        const em = startedOrm.em.fork({ disableContextResolution: true });
        const { principal, authError } = await authenticate(req, verifier);
        const caller = callerOf(principal);
        const scope = actingScope.getStore();
        if (scope) scope.actorId = principal?.userId ?? null;
        return withRequestLogger(
          {
            em,
            requestId,
            loaders: definition.createLoaders(em, caller),
            eventMeta: { requestId, correlationId: requestId, actor: principal?.userId ?? null },
            principal,
            viewer: caller.viewer,
            authError,
          },
          logger,
          { requestId, userId: principal?.userId },
        );
      },
      maxBodyBytes: limits.maxBodyBytes,
      // The same limits as the gateway's, for whoever reaches the subgraph's port.
      guard: createOperationGuard({ limits, publicRootFields, sdl: typeDefs }),
      gatewaySecret: config.gatewaySecret ?? null,
      ready: () => ready(),
      metrics: () => renderMetrics(operations(), { requests: requestMetrics, kafka: kafkaReading }),
      requestMetrics,
      tracer,
      ...(definition.routes ? { routes: definition.routes } : {}),
      ...(handle
        ? { handle: (req: IncomingMessage, res: ServerResponse, reqUrl: URL, requestId: string) => handle(req, res, reqUrl, { orm: startedOrm, logger, verifier, requestId }) }
        : {}),
    });
    url = await listen(server, config.port, config.host);
    jobs = definition.jobs?.(startedOrm, logger) ?? [];
    logger.info({ url: `${url}/graphql`, ms: Date.now() - started }, 'subgraph ready');
    return { url };
  }

  async function stop(): Promise<void> {
    // Each step is bounded: with the broker gone, kafkajs' disconnect and a relay retrying a
    // publish can wait for tens of seconds; the process must still stop (what they leave undone is
    // redone after the restart: the outbox row stays pending, the offset uncommitted).
    let failure: unknown;
    const step = async (name: string, fn: () => Promise<unknown> | undefined, boundMs: number): Promise<void> => {
      const began = Date.now();
      try {
        const outcome = await withinBound(fn(), Math.max(boundMs, 100));
        if (outcome === 'timeout') logger.warn({ step: name, ms: Date.now() - began }, 'stop step did not finish in time; went on without it');
        else logger.debug({ step: name, ms: Date.now() - began }, 'stopped');
      } catch (error) {
        logger.warn({ err: error, step: name }, 'stop step failed; went on');
        failure ??= error;
      }
    };
    await step('jobs', () => Promise.all(jobs.map((job) => job.stop())), 5_000);
    jobs = [];
    await step('revocations', () => revocationWatch?.stop(), 1_000);
    revocationWatch = undefined;
    await step('http', () => (server ? closeServer(server, DRAIN_TIMEOUT_MS) : undefined), DRAIN_TIMEOUT_MS + 1_000);
    await step('apollo', () => apollo?.stop(), 1_000);
    const kafkaDeadline = Date.now() + KAFKA_STOP_BOUND_MS;
    await step('consumer', () => consumer?.stop(), kafkaDeadline - Date.now());
    await step('relay', () => relay?.stop(), kafkaDeadline - Date.now());
    await step('producer', () => producer?.disconnect(), kafkaDeadline - Date.now());
    await step('admin', () => admin?.disconnect(), kafkaDeadline - Date.now());
    idempotencyPurge?.stop();
    await step('orm', () => orm?.close(true), 2_000);
    await step('traces', () => flushTracing(definition.name), 2_000);
    server = undefined;
    apollo = undefined;
    consumer = undefined;
    relay = undefined;
    producer = undefined;
    admin = undefined;
    if (failure) throw failure;
  }

  return {
    start,
    stop,
    get orm() {
      return activeOrm();
    },
    logger,
    get url() {
      return url;
    },
    sdl,
    migrations,
  };
}
