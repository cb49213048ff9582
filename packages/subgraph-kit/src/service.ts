import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { MigrationObject } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import {
  BUS_ENTITIES,
  BUS_MIGRATION,
  createEventConsumer,
  createKafka,
  createOutboxRelay,
  deadLetterTopic,
  ensureTopics,
  type EventConsumer,
  type EventHandlerRegistration,
  type OutboxRelay,
  type RetryPolicy,
} from '@rapport/bus';
import { ALL_TOPICS, type CloudEvent, type EventMetadata } from '@rapport/contracts';
import type { AppError } from '@rapport/errors';
import { Partitioners, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { Principal, TokenVerifier } from '@rapport/auth';
import { AUDIT_MIGRATION, actingScope, AuditEntry, auditEntryResolvers, AuditSubscriber } from './audit.js';
import { authenticate, requireAuthentication } from './authentication.js';
import { createFormatError } from './format-error.js';
import { inputBoundary } from './input-guard.js';
import { closeServer, createHttpApp, listen, type RouteHandler } from './http.js';
import { createLogger } from './logger.js';
import { createOrm, migrate } from './orm.js';
import { CUSTOMER_ACCESS_MIGRATION, CUSTOMER_MERGE_MIGRATION, CustomerAccess, customerAccessHandlers } from './visibility.js';
import { buildSchema, loadSdl, mergeResolvers, type ResolverMap } from './schema.js';

/** What every resolver receives: its own EntityManager fork, the request id, loaders. */
export interface SubgraphContext<TLoaders> {
  em: SqlEntityManager;
  requestId: string;
  logger: Logger;
  loaders: TLoaders;
  /** Metadata for events caused by this request. */
  eventMeta: EventMetadata;
  /** The verified caller; null only in operations on public root fields. */
  principal: Principal | null;
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
  /** Per-request DataLoaders; they see the caller, so batched lookups apply the same visibility. */
  createLoaders: (em: SqlEntityManager, principal: Principal | null) => TLoaders;
  /** Root fields callable without a token (identity's `signIn`, …). */
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
   * Keeps the `customer_access` read model (who owns and who may see each customer) from the
   * customers service's events, for subgraphs whose records belong to customers.
   */
  customerAccess?: boolean;
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
}

export interface SubgraphService {
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
  readonly orm: MikroORM;
  readonly logger: Logger;
  readonly url: string;
  readonly sdl: string;
}

/**
 * The composition root every subgraph shares: ORM (migrated), outbox relay, consumers, Apollo
 * Server over HTTP. `stop` closes in order: HTTP, consumers, relay, producer, ORM.
 */
export function createSubgraphService<TLoaders>(definition: SubgraphDefinition<TLoaders>, config: SubgraphRuntimeConfig): SubgraphService {
  const logger = config.logger ?? createLogger(definition.name, config.logLevel);
  const sdl = loadSdl(definition.srcDir);
  const { schema } = buildSchema(sdl, mergeResolvers([auditEntryResolvers, ...definition.resolvers]));
  let orm: MikroORM | undefined;
  let server: Server | undefined;
  let apollo: ApolloServer<SubgraphContext<TLoaders>> | undefined;
  let producer: Producer | undefined;
  let producerConnected = false;
  let relay: OutboxRelay | undefined;
  let consumer: EventConsumer | undefined;
  let url = '';

  async function start(): Promise<{ url: string }> {
    const started = Date.now();
    orm = await createOrm({
      url: config.databaseUrl,
      entities: [...BUS_ENTITIES, AuditEntry, ...(definition.customerAccess ? [CustomerAccess] : []), ...definition.entities],
      migrations: [BUS_MIGRATION, AUDIT_MIGRATION, ...(definition.customerAccess ? [CUSTOMER_ACCESS_MIGRATION, CUSTOMER_MERGE_MIGRATION] : []), ...definition.migrations],
      subscribers: [new AuditSubscriber()],
      logger,
      ...(config.onQuery ? { onQuery: config.onQuery } : {}),
    });
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    await definition.onStart?.(orm);

    if (config.kafkaBrokers.length > 0) {
      const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: `rapport-${definition.name}`, logger });
      const admin = kafka.admin();
      await admin.connect();
      try {
        await ensureTopics(admin, [...ALL_TOPICS.map((t) => `${config.topicPrefix}${t}`), deadLetterTopic(config.topicPrefix, definition.name)]);
      } finally {
        await admin.disconnect();
      }
      producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      producer.on(producer.events.CONNECT, () => (producerConnected = true));
      producer.on(producer.events.DISCONNECT, () => (producerConnected = false));
      await producer.connect();
      relay = createOutboxRelay({
        orm,
        producer,
        logger,
        topicPrefix: config.topicPrefix,
        lockName: `outbox-relay:${definition.name}`,
        pollIntervalMs: config.outboxPollMs,
      });
      relay.start();
      // Changes made while handling an event are audited as caused by the event's actor and request.
      const handlers = [...(definition.customerAccess ? customerAccessHandlers : []), ...(definition.handlers ?? [])].map((h) => ({
        ...h,
        // The flush happens inside the scope (still inside the inbox transaction), so the audit sees the actor.
        run: (event: CloudEvent, em: SqlEntityManager) =>
          actingScope.run({ requestId: event.requestid, actorId: event.actor }, async () => {
            await h.run(event, em);
            await em.flush();
          }),
      }));
      if (handlers.length) {
        consumer = createEventConsumer({
          kafka,
          orm,
          groupId: definition.name,
          topicPrefix: config.topicPrefix,
          handlers,
          producer,
          logger,
          ...(config.consumerRetry ? { retry: config.consumerRetry } : {}),
        });
        await consumer.start();
      }
    }

    const formatError = createFormatError(logger);
    apollo = new ApolloServer<SubgraphContext<TLoaders>>({
      schema,
      introspection: true,
      includeStacktraceInErrorResponses: false,
      formatError,
      plugins: [
        ApolloServerPluginInlineTraceDisabled(),
        requireAuthentication<SubgraphContext<TLoaders>>(definition.publicRootFields),
        inputBoundary<SubgraphContext<TLoaders>>(),
      ],
    });
    await apollo.start();
    const activeOrm = orm;
    const handle = definition.handle;
    server = createHttpApp({
      apollo,
      logger,
      context: async (req: IncomingMessage, requestId: string) => {
        const em = activeOrm.em.fork() as SqlEntityManager;
        const { principal, authError } = await authenticate(req, config.verifier);
        const scope = actingScope.getStore();
        if (scope) scope.actorId = principal?.userId ?? null;
        return {
          em,
          requestId,
          logger: logger.child({ requestId, userId: principal?.userId }),
          loaders: definition.createLoaders(em, principal),
          eventMeta: { requestId, correlationId: requestId, actor: principal?.userId ?? null },
          principal,
          authError,
        };
      },
      ready: async () => ({
        database: await activeOrm.isConnected(),
        kafka: config.kafkaBrokers.length === 0 || producerConnected,
      }),
      ...(definition.routes ? { routes: definition.routes } : {}),
      ...(handle ? { handle: (req: IncomingMessage, res: ServerResponse, reqUrl: URL, requestId: string) => handle(req, res, reqUrl, { orm: activeOrm, logger, verifier: config.verifier, requestId }) } : {}),
    });
    url = await listen(server, config.port, config.host);
    logger.info({ url: `${url}/graphql`, ms: Date.now() - started }, 'subgraph ready');
    return { url };
  }

  async function stop(): Promise<void> {
    const step = async (name: string, fn: () => Promise<unknown> | undefined): Promise<void> => {
      const began = Date.now();
      await fn();
      logger.debug({ step: name, ms: Date.now() - began }, 'stopped');
    };
    await step('http', () => (server ? closeServer(server) : undefined));
    await step('apollo', () => apollo?.stop());
    await step('consumer', () => consumer?.stop());
    await step('relay', () => relay?.stop());
    await step('producer', () => producer?.disconnect());
    await step('orm', () => orm?.close(true));
    server = undefined;
    apollo = undefined;
    consumer = undefined;
    relay = undefined;
    producer = undefined;
  }

  return {
    start,
    stop,
    get orm() {
      if (!orm) throw new Error(`${definition.name} is not started`);
      return orm;
    },
    logger,
    get url() {
      return url;
    },
    sdl,
  };
}
