import { subgraphConfigFromEnv, type SubgraphRuntimeConfig } from '@rapport/subgraph-kit';

/** Reads the identity subgraph's configuration from `env` once, at boot. */
export const loadConfig = (env: Record<string, string | undefined>): SubgraphRuntimeConfig => subgraphConfigFromEnv('identity', 4001, env);
