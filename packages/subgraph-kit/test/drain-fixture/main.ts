// A minimal subgraph for the drain tests, run as its own process so SIGTERM reaches it as it
// reaches a real service: `slow(ms)` keeps a request in flight. Env: PORT, DATABASE_URL (the full
// URL of a test database), KAFKA_BROKERS (empty: no Kafka), KAFKA_TOPIC_PREFIX.
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseBrokers } from '@rapport/contracts';
import { createLogger, createSubgraphService, runUntilSignal } from '../../src/index.js';
import { testVerifier } from '../../src/testing.js';

const env = process.env;
const logger = createLogger('drain-fixture', env.LOG_LEVEL ?? 'info');
const service = createSubgraphService(
  {
    name: 'drainfixture',
    srcDir: fileURLToPath(new URL('./schema/', import.meta.url)),
    resolvers: [{ Query: { slow: async (_: unknown, args: { ms: number }) => (await sleep(args.ms), 'done') } }],
    entities: [],
    migrations: [],
    createLoaders: () => ({}),
    publicRootFields: ['slow'],
    handlers: [],
  },
  {
    port: Number(env.PORT ?? 0),
    host: '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? '',
    kafkaBrokers: parseBrokers(env.KAFKA_BROKERS ?? ''),
    topicPrefix: env.KAFKA_TOPIC_PREFIX ?? '',
    logLevel: env.LOG_LEVEL ?? 'info',
    outboxPollMs: 100,
    logger,
    verifier: await testVerifier(),
  },
);
await runUntilSignal(service, logger);
