import { subgraphConfigFromEnv, type SubgraphRuntimeConfig } from '@rapport/subgraph-kit';

/** Reads the purchasing subgraph's configuration from `env` once, at boot. */
export const loadConfig = (env: Record<string, string | undefined>): SubgraphRuntimeConfig => subgraphConfigFromEnv('purchasing', env);
