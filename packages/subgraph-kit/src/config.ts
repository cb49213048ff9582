import { tracingFromEnv } from '@rapport/telemetry';
import { z } from 'zod';
import { DEFAULT_HOST, parseBrokers, subgraphEntry, type SubgraphName } from '@rapport/contracts';
import { verifierFromEnv } from './authentication.js';
import { parseEnv } from './env.js';
import { DEFAULT_SUBGRAPH_LIMITS, operationLimitsFromEnv } from './operation-limits.js';
import type { SubgraphRuntimeConfig } from './service.js';

/** The environment every subgraph reads, parsed once at boot; nothing else reads process.env. */
export const subgraphEnvSchema = z.object({
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/postgres'),
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  HOST: z.string().default(DEFAULT_HOST),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The outbox relay's safety-net poll; commits wake it at once (LISTEN/NOTIFY). */
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(2000),
  /** When set, the subgraph answers GraphQL only to callers presenting it (the gateway); unset in development. */
  GATEWAY_SECRET: z.string().min(16).optional(),
});

export type SubgraphEnv = z.infer<typeof subgraphEnvSchema>;

/** The URL of database `dbName` on the server `serverUrl` points at. */
export function databaseUrl(serverUrl: string, dbName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

/**
 * The runtime config of subgraph `name` from `env`: its port (`PORT`, else the registry's), its own
 * database `rapport_<name>` on the server `DATABASE_URL` names, Kafka, log level, the operation
 * limits (`SUBGRAPH_MAX_*`) and the gateway's shared secret (`GATEWAY_SECRET`).
 */
export function subgraphConfigFromEnv(name: SubgraphName, env: Record<string, string | undefined>): SubgraphRuntimeConfig {
  const parsed = parseEnv(subgraphEnvSchema.extend({ PORT: z.coerce.number().int().min(0).max(65535).default(subgraphEntry(name).port) }), env);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: databaseUrl(parsed.DATABASE_URL, `rapport_${name}`),
    kafkaBrokers: parseBrokers(parsed.KAFKA_BROKERS),
    topicPrefix: parsed.KAFKA_TOPIC_PREFIX,
    logLevel: parsed.LOG_LEVEL,
    outboxPollMs: parsed.OUTBOX_POLL_MS,
    verifier: verifierFromEnv(env),
    limits: operationLimitsFromEnv('SUBGRAPH_', env, DEFAULT_SUBGRAPH_LIMITS),
    gatewaySecret: parsed.GATEWAY_SECRET ?? null,
    tracing: tracingFromEnv(env),
  };
}
