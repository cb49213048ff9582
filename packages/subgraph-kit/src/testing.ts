import { createTestDatabase, deleteTopics, testKafkaBrokers, testTopicPrefix, type TestDatabase } from '@rapport/testing';
import type { SubgraphRuntimeConfig, SubgraphService } from './service.js';
import { createLogger } from './logger.js';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** Posts a GraphQL operation to `url` as a client would. */
export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

export interface TestSubgraph {
  service: SubgraphService;
  url: string;
  /** SQL statements seen since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  topicPrefix: string;
  database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * Starts a subgraph through its own factory against a fresh database (and, with `kafka`, the
 * test broker under a topic namespace of its own). `stop` stops it, drops the database and
 * deletes the topics.
 */
export async function startTestSubgraph(
  name: string,
  factory: (config: SubgraphRuntimeConfig) => SubgraphService,
  options: { kafka?: boolean; topicPrefix?: string; overrides?: Partial<SubgraphRuntimeConfig> } = {},
): Promise<TestSubgraph> {
  const database = await createTestDatabase(name);
  const queries: string[] = [];
  const brokers = options.kafka ? testKafkaBrokers() : [];
  const topicPrefix = options.topicPrefix ?? testTopicPrefix();
  const service = factory({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    kafkaBrokers: brokers,
    topicPrefix,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    outboxPollMs: 50,
    consumerRetry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 },
    onQuery: (sql) => queries.push(sql),
    logger: createLogger(name, process.env.LOG_LEVEL ?? 'warn'),
    ...options.overrides,
  });
  try {
    await service.start();
  } catch (error) {
    await service.stop().catch(() => undefined);
    await database.drop();
    throw error;
  }
  const url = `${service.url}/graphql`;
  return {
    service,
    url,
    queries,
    resetQueries: () => void queries.splice(0, queries.length),
    gql: (query, variables) => graphqlRequest(url, query, variables),
    topicPrefix,
    database,
    async stop() {
      await service.stop();
      await database.drop();
      if (options.kafka && !options.topicPrefix) await deleteTopics(brokers, topicPrefix);
    },
  };
}
