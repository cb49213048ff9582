import { parseBrokers } from '@rapport/contracts';
import { DEFAULT_OPERATION_LIMITS, operationLimitsFromEnv, parseEnv, type OperationLimits } from '@rapport/subgraph-kit';
import { tracingFromEnv, type TracingSettings } from '@rapport/telemetry';
import { z } from 'zod';
import { DEFAULT_HOST, GATEWAY_PORT } from '@rapport/contracts';
import { SUBGRAPHS, defaultSubgraphUrl, type SubgraphName } from './subgraphs.js';

export interface GatewayConfig {
  port: number;
  host: string;
  logLevel: string;
  /** Each subgraph's URL: `SUBGRAPH_<NAME>_URL`, else the routing URL of the local default. */
  subgraphUrls: Record<SubgraphName, string>;
  /** At most this many keep-alive connections to each subgraph. */
  subgraphConnections: number;
  /**
   * Identical query requests to a subgraph in flight at the same moment (same body, authorization and
   * other headers but the request id) share one fetch (`GATEWAY_DEDUPE_SUBGRAPH_REQUESTS`, default true).
   */
  dedupeSubgraphRequests: boolean;
  /**
   * Queries one subgraph answers whole are answered with its data as it came when Apollo's result
   * shaping would not change it (`one-fetch-shortcut.ts`); false: always through Apollo's executor
   * (tests compare the two). Default on; off while tracing.
   */
  oneFetchShortcut?: boolean;
  /** What one request may ask for (`GATEWAY_MAX_*`), the body size included; the kit's rules, as in every subgraph. */
  limits: OperationLimits;
  /** Sent to every subgraph in `x-gateway-secret` (`GATEWAY_SECRET`); subgraphs given the same value answer no one else. */
  gatewaySecret: string | null;
  /** Largest document upload passed on to the customers service, in bytes (its own routes, not GraphQL). */
  documentsMaxBytes: number;
  /** Where a browser goes after posting the website's lead form (303); null: a short thank-you page. */
  leadFormRedirectUrl: string | null;
  /** Serve the explorer page (its queries, introspection included, always need a signed-in user). */
  explorer: boolean;
  supergraphSdl?: string;
  /**
   * Kafka brokers (`KAFKA_BROKERS`) the gateway reads identity's token revocations from, into its
   * in-memory deny list; empty: it keeps none, and revoked tokens are refused by the subgraphs only.
   */
  kafkaBrokers: string[];
  /** Topic namespace (`KAFKA_TOPIC_PREFIX`). */
  topicPrefix: string;
  /** Where traces go (`OTEL_EXPORTER_OTLP_ENDPOINT` and the like); null: tracing off, no SDK started. */
  tracing?: TracingSettings | null;
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(GATEWAY_PORT),
  HOST: z.string().default(DEFAULT_HOST),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GATEWAY_SUBGRAPH_CONNECTIONS: z.coerce.number().int().min(1).max(1024).default(16),
  GATEWAY_SECRET: z.string().min(16).optional(),
  GATEWAY_DEDUPE_SUBGRAPH_REQUESTS: z.enum(['true', 'false']).default('true'),
  GATEWAY_DOCUMENTS_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  GATEWAY_EXPLORER: z.enum(['true', 'false']).optional(),
  GATEWAY_LEAD_FORM_REDIRECT_URL: z.url().optional(),
  NODE_ENV: z.string().default('development'),
  KAFKA_BROKERS: z.string().default(''),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
});

/** Reads the gateway's configuration from `env` once, at boot. */
export function loadGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const parsed = parseEnv(schema, env);
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map(({ name, port }) => [name, env[`SUBGRAPH_${name.toUpperCase()}_URL`] ?? defaultSubgraphUrl(port)])) as Record<
    SubgraphName,
    string
  >;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    logLevel: parsed.LOG_LEVEL,
    subgraphUrls,
    subgraphConnections: parsed.GATEWAY_SUBGRAPH_CONNECTIONS,
    dedupeSubgraphRequests: parsed.GATEWAY_DEDUPE_SUBGRAPH_REQUESTS === 'true',
    limits: operationLimitsFromEnv('GATEWAY_', env, DEFAULT_OPERATION_LIMITS),
    gatewaySecret: parsed.GATEWAY_SECRET ?? null,
    documentsMaxBytes: parsed.GATEWAY_DOCUMENTS_MAX_BYTES,
    leadFormRedirectUrl: parsed.GATEWAY_LEAD_FORM_REDIRECT_URL ?? null,
    // In production the explorer page is off unless asked for; everywhere, it only works signed in.
    explorer: parsed.GATEWAY_EXPLORER ? parsed.GATEWAY_EXPLORER === 'true' : parsed.NODE_ENV !== 'production',
    kafkaBrokers: parseBrokers(parsed.KAFKA_BROKERS),
    topicPrefix: parsed.KAFKA_TOPIC_PREFIX,
    tracing: tracingFromEnv(env),
  };
}
