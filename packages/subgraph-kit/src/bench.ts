import pg from 'pg';
import type { Principal, Role } from '@rapport/auth';
import { createLogger } from './logger.js';
import { databaseUrl } from './config.js';
import type { SubgraphRuntimeConfig, SubgraphService } from './service.js';
import { testVerifier } from './test-client.js';

/** The PostgreSQL server benchmarks use for their scratch databases (`DATABASE_SERVER_URL`, else the local one). */
export const benchServerUrl = (): string => process.env.DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';

/**
 * Runs `body` against the service `create` builds on a fresh scratch database `database` (dropped first if
 * a crashed run left it, and dropped afterwards unless `BENCH_KEEP` is set), with no Kafka: what a
 * benchmark measures is the service's own code against PostgreSQL. With `BENCH_REUSE` set, a database
 * an earlier `BENCH_KEEP` run left is used as it is (the service migrates it to the current schema)
 * and kept; the benchmark then skips its load when the data is there.
 */
export async function withBenchService<S extends SubgraphService>(
  name: string,
  create: (config: SubgraphRuntimeConfig) => S,
  database: string,
  body: (service: S) => Promise<void>,
): Promise<void> {
  const server = benchServerUrl();
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    if (!process.env.BENCH_REUSE) await admin.query(`drop database if exists ${database} with (force)`);
    const service = create({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: databaseUrl(server, database),
      kafkaBrokers: [],
      topicPrefix: 'bench.',
      logLevel: 'warn',
      outboxPollMs: 1000,
      logger: createLogger(`${name}-bench`, 'warn'),
      verifier: await testVerifier(),
    });
    try {
      await service.start();
      await body(service);
    } finally {
      await service.stop();
      if (!process.env.BENCH_KEEP && !process.env.BENCH_REUSE) await admin.query(`drop database if exists ${database} with (force)`);
    }
  } finally {
    await admin.end();
  }
}

/** The `p`th percentile (0–100) of ascending `sorted` samples, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  if (value === undefined) throw new Error('percentile of no samples');
  return value;
}

/** A signed-in caller of role `role`, for benchmarks that call a service's functions directly. */
export const benchPrincipal = (role: Role): Principal => ({
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'bench@example.com',
  role,
  teamIds: [],
  tokenId: 'bench',
});
