import { createKafka, kafkaGroupId } from '@rapport/bus';
import { createHash } from 'node:crypto';
import type { MigrationObject } from '@mikro-orm/core';
import { createTestDatabase, deleteTopics, testDatabaseName, testDatabaseUrl, testKafkaBrokers, testTopicPrefix, waitFor, type TestDatabaseTemplate } from '@rapport/testing';
import type { Admin, Producer } from 'kafkajs';
import { afterAll, beforeAll } from 'vitest';
import type { QueryBuilder, SqlEntityManager } from '@mikro-orm/postgresql';
import { leanRows } from './lean.js';
import type { SubgraphRuntimeConfig, SubgraphService } from './service.js';
import { createLogger } from './logger.js';
import { createOrm, migrate } from './orm.js';
import { graphqlRequest, testToken, testVerifier, type TestEvents, type TestSubgraph } from './test-client.js';
export * from './product-copy-testing.js';
export * from './race-testing.js';
export * from './test-client.js';
export * from './visibility-testing.js';

export interface TestSubgraphOptions {
  kafka?: boolean;
  topicPrefix?: string;
  overrides?: Partial<SubgraphRuntimeConfig>;
  /** How the service reaches its fresh database (e.g. through a proxy the test can cut); directly by default. */
  databaseUrl?: (url: string) => string;
}

type StopCheck = (subgraph: TestSubgraph) => Promise<void>;
const stopChecks = new Map<string, Set<StopCheck>>();

/**
 * Makes every test subgraph named `name` run `check` before it stops (after its file's tests, or
 * whenever a test stops it): an invariant no test file may leave broken, such as inventory's ledger
 * check. A workspace registers its checks in its `vitest.setup.ts` (run before each of its test
 * files), so no file can forget them; a failing check fails the file, and the subgraph stops all the
 * same. A check registered again (the setup file run again for the next file in the same worker,
 * modules shared) is kept once.
 */
export function checkBeforeEveryStop(name: string, check: StopCheck): void {
  stopChecks.set(name, new Set([...(stopChecks.get(name) ?? []), check]));
}

/**
 * What a migration list makes, as text: per migration its name, its class's source and the SQL its
 * `up` adds (run against nothing: a migration that needs the database there is known by its source
 * alone). The same text, the same schema; a changed migration (or constant it reads) changes it.
 */
async function migrationsFingerprint(migrations: readonly MigrationObject[]): Promise<string> {
  const hash = createHash('sha256');
  for (const { name, class: Class } of migrations) {
    hash.update(`${name}\0${Class.toString()}\0`);
    try {
      const migration = new Class(undefined, undefined);
      await migration.up();
      for (const sql of migration.getQueries?.() ?? []) hash.update(`${typeof sql === 'string' ? sql : JSON.stringify(sql)}\0`);
    } catch (error) {
      hash.update(`up() needs a database: ${String(error)}\0`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

const templates = new Map<string, Promise<TestDatabaseTemplate>>();

/**
 * The template database of subgraph `name`'s migrations: built once per server and migration list
 * (`createTestDatabase`), so each test database is a copy instead of every migration run again.
 */
export function migratedTemplate(name: string, migrations: readonly MigrationObject[]): Promise<TestDatabaseTemplate> {
  const key = `${name}\0${migrations.map((m) => m.name).join(',')}`;
  let template = templates.get(key);
  if (!template) {
    template = migrationsFingerprint(migrations).then((hash) => ({
      name: `rt_tpl_${name.replace(/[^a-z0-9]/g, '_')}_${hash}`,
      async build(url: string) {
        const orm = await createOrm({ url, entities: [], migrations: [...migrations], logger: createLogger(`${name}-template`, 'warn') });
        try {
          await migrate(orm);
        } finally {
          await orm.close(true);
        }
      },
    }));
    templates.set(key, template);
  }
  return template;
}

/**
 * Starts a subgraph through its own factory against a fresh database, already migrated (and, with `kafka`, the
 * test broker under a topic namespace of its own). `stop` stops it, drops the database and
 * deletes the topics.
 */
export async function startTestSubgraph(name: string, factory: (config: SubgraphRuntimeConfig) => SubgraphService, options: TestSubgraphOptions = {}): Promise<TestSubgraph> {
  const queries: string[] = [];
  // Read the brokers before creating the database, so a missing KAFKA_BROKERS leaves no database behind.
  const brokers = options.kafka ? testKafkaBrokers() : [];
  const databaseName = testDatabaseName(name);
  const topicPrefix = options.topicPrefix ?? testTopicPrefix();
  const service = factory({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: options.databaseUrl ? options.databaseUrl(testDatabaseUrl(databaseName)) : testDatabaseUrl(databaseName),
    kafkaBrokers: brokers,
    topicPrefix,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    outboxPollMs: 50,
    consumerRetry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 },
    onQuery: (sql) => queries.push(sql),
    logger: createLogger(name, process.env.LOG_LEVEL ?? 'warn'),
    verifier: await testVerifier(),
    ...options.overrides,
  });
  // Already migrated: a copy of the template of the service's migrations (its start finds none pending).
  const database = await createTestDatabase(name, { name: databaseName, template: await migratedTemplate(name, service.migrations) });
  try {
    await service.start();
  } catch (error) {
    await service.stop().catch(() => undefined);
    await database.drop();
    throw error;
  }
  const url = `${service.url}/graphql`;
  let clients: Promise<{ producer: Producer; admin: Admin }> | undefined;
  const kafkaClients = (): Promise<{ producer: Producer; admin: Admin }> =>
    (clients ??= (async () => {
      if (!options.kafka) throw new Error(`start ${name} with { kafka: true } to deliver events`);
      const kafka = createKafka({ brokers, clientId: `${name}-test-events`, logger: createLogger(`${name}-test-events`, 'warn') });
      const producer = kafka.producer();
      const admin = kafka.admin();
      await producer.connect();
      await admin.connect();
      return { producer, admin };
    })());
  const events: TestEvents = {
    async deliver(event) {
      const [svc, aggregate] = event.type.split('.');
      const topic = `${topicPrefix}${svc}.${aggregate}`;
      const { producer } = await kafkaClients();
      const [meta] = await producer.send({ topic, acks: -1, messages: [{ key: event.subject, value: JSON.stringify(event) }] });
      if (!meta?.baseOffset) throw new Error('Kafka did not acknowledge the event');
      return { topic, partition: meta.partition, offset: BigInt(meta.baseOffset) };
    },
    async waitUntilHandled(delivery, timeoutMs = 15_000) {
      const { admin } = await kafkaClients();
      await waitFor(
        async () => {
          const [topicOffsets] = await admin.fetchOffsets({ groupId: kafkaGroupId(topicPrefix, name), topics: [delivery.topic] });
          const committed = topicOffsets?.partitions.find((p) => p.partition === delivery.partition)?.offset;
          return committed !== undefined && BigInt(committed) > delivery.offset ? true : undefined;
        },
        { what: `${name} to handle the event at offset ${delivery.offset}`, timeoutMs },
      );
    },
  };
  const subgraph: TestSubgraph = {
    service,
    url,
    queries,
    resetQueries: () => void queries.splice(0, queries.length),
    gql: async (query, variables) => graphqlRequest(url, query, variables, { authorization: `Bearer ${await testToken()}` }),
    async must<T>(query: string, variables?: Record<string, unknown>) {
      const result = await graphqlRequest<T>(url, query, variables, { authorization: `Bearer ${await testToken()}` });
      if (result.errors) throw new Error(`${name} answered errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    gqlAs: async (principal, query, variables) => graphqlRequest(url, query, variables, principal ? { authorization: `Bearer ${await testToken(principal)}` } : {}),
    sql: async <T>(text: string, params: unknown[] = []) => service.orm.em.fork().getConnection().execute<T[]>(text, params),
    topicPrefix,
    database,
    events,
    async stop() {
      const failures: unknown[] = [];
      for (const check of stopChecks.get(name) ?? []) await check(subgraph).catch((error: unknown) => failures.push(error));
      if (clients) {
        const { producer, admin } = await clients;
        await producer.disconnect();
        await admin.disconnect();
      }
      await service.stop();
      await database.drop();
      if (options.kafka && !options.topicPrefix) await deleteTopics(brokers, topicPrefix);
      if (failures.length) throw failures[0];
    },
  };
  return subgraph;
}
export * from './event-coverage.js';

/**
 * Asks the subgraph's `_entities` for references of `typename` by `ids` (in that order), selecting
 * `selection`, and returns the answers with the SQL statements run meanwhile: for `_entities` tests
 * (each `@key` entity's: the references resolve in order, an unknown id to null, in one batched query).
 */
export async function resolveEntities(
  subgraph: TestSubgraph,
  typename: string,
  ids: readonly string[],
  selection: string,
): Promise<{ entities: (Record<string, unknown> | null)[]; queries: string[] }> {
  subgraph.resetQueries();
  const result = await subgraph.gql<{ _entities: (Record<string, unknown> | null)[] }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`,
    { r: ids.map((id) => ({ __typename: typename, id })) },
  );
  if (result.errors) throw new Error(`_entities answered errors: ${JSON.stringify(result.errors)}`);
  return { entities: result.data!._entities, queries: [...subgraph.queries] };
}

export interface UseTestSubgraphOptions extends TestSubgraphOptions {
  /** Runs once the subgraph has started, before the file's tests. */
  seed?: (subgraph: TestSubgraph) => Promise<void>;
  /** Runs once after the file's tests, before the subgraph stops (invariants the tests must leave intact). */
  check?: (subgraph: TestSubgraph) => Promise<void>;
}

/**
 * The one subgraph of a test file: started before the file's tests (beforeAll), then `seed` run
 * on it (rows the tests assume, e.g. access grants copied from other services), stopped after them
 * (afterAll, after `check`). The answer stands for the started subgraph, so files declare it at the top instead of
 * writing the lifecycle out; touching it outside a hook or test (before it started) throws.
 */
export function useTestSubgraph(name: string, factory: (config: SubgraphRuntimeConfig) => SubgraphService, options: UseTestSubgraphOptions = {}): TestSubgraph {
  let started: TestSubgraph | undefined;
  const current = (): TestSubgraph => {
    if (!started) throw new Error(`the ${name} test subgraph is not started: use it inside a test or a hook`);
    return started;
  };
  beforeAll(async () => {
    started = await startTestSubgraph(name, factory, options);
    await options.seed?.(started);
  });
  afterAll(async () => {
    try {
      if (started) await options.check?.(started);
    } finally {
      await started?.stop();
    }
  });
  return {
    get service() {
      return current().service;
    },
    get url() {
      return current().url;
    },
    get queries() {
      return current().queries;
    },
    get topicPrefix() {
      return current().topicPrefix;
    },
    get database() {
      return current().database;
    },
    get events() {
      return current().events;
    },
    resetQueries: () => current().resetQueries(),
    gql: (query, variables) => current().gql(query, variables),
    must: (query, variables) => current().must(query, variables),
    gqlAs: (principal, query, variables) => current().gqlAs(principal, query, variables),
    sql: (text, params) => current().sql(text, params),
    stop: () => current().stop(),
  };
}
export { benchPrincipal, benchServerUrl, percentile, withBenchService } from './bench.js';
export { benchClient, benchRepCustomers, type BenchAnswer, type BenchClient } from './bench-client.js';

/**
 * What `leanRows` gives for a query against what `getResultList` hydrates for the same query (built
 * twice by `query` on two fresh forks of `em`): per row, each of the entity's properties with its
 * value (an own key of the row the entity lacks shows as `extra`), for a test to assert they are
 * equal. Both lists come back in the query's order.
 */
export async function leanAndHydrated<Entity extends object>(
  em: SqlEntityManager,
  query: (em: SqlEntityManager) => QueryBuilder<Entity, string>,
): Promise<{ lean: Record<string, unknown>[]; hydrated: Record<string, unknown>[] }> {
  const hydratedEm = em.fork();
  const hydratedQuery = query(hydratedEm);
  const names: string[] = hydratedQuery.mainAlias.meta.props.map((prop) => prop.name);
  const entities = await hydratedQuery.getResultList();
  const leanEm = em.fork();
  const rows = await leanRows(leanEm, query(leanEm));
  const values = (row: object): Record<string, unknown> => {
    const all = row as Record<string, unknown>;
    const extra = Object.keys(all).filter((key) => !names.includes(key));
    return { ...Object.fromEntries(names.map((name) => [name, all[name]])), ...(extra.length > 0 ? { extra } : {}) };
  };
  return { lean: rows.map(values), hydrated: entities.map(values) };
}
