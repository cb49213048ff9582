import { join } from 'node:path';
import { DEFAULT_HOST, GATEWAY_PORT, SUBGRAPHS as REGISTERED_SUBGRAPHS } from '@rapport/contracts';
import { stateDir } from './paths.js';

/** A process `rapport start` runs: its name, port and entry point (relative to the repo root). */
export interface ServiceSpec {
  name: string;
  port: number;
  entry: string;
}

/** The subgraphs, in the order they start and are listed (from the registry in @rapport/contracts). */
export const SUBGRAPHS: readonly ServiceSpec[] = REGISTERED_SUBGRAPHS.map(({ name, port }) => ({ name, port, entry: `services/${name}/src/main.ts` }));

export const GATEWAY: ServiceSpec = { name: 'gateway', port: GATEWAY_PORT, entry: 'gateway/src/main.ts' };

export const HOST = DEFAULT_HOST;

/**
 * The export condition under which the workspace packages resolve to their compiled `dist/` (their
 * package.json `exports`); without it (tsx, vitest, tsc) they resolve to their TypeScript source.
 */
export const DIST_CONDITION = 'rapport-dist';

/** Where `npm run build` (turbo's `build`) compiles `spec.entry`: `services/sales/dist/main.js`, … */
export const builtEntry = (spec: ServiceSpec): string => spec.entry.replace(/\/src\//, '/dist/').replace(/\.ts$/, '.js');

/**
 * Node's arguments for running `spec` built: the dist export condition and the compiled entry. No
 * `--enable-source-maps`: a bundle maps its own stack traces into the sources, reading its map only
 * when the first stack is formatted (`LAZY_SOURCE_MAPS` in build-workspace.ts), not at every start.
 */
export const builtArgs = (spec: ServiceSpec): string[] => [`--conditions=${DIST_CONDITION}`, builtEntry(spec)];

/**
 * How `rapport start` runs `spec` once built: plain Node (this process's), no compiler at launch,
 * with Node's on-disk compile cache (V8 code of the modules it loaded before: a restart or the next
 * start compiles less; entries of changed files are not used), merged into the environment.
 * `infra/docker-compose.yml` and `infra/systemd/` run the same arguments (`infra/test/registry-copies.test.ts`).
 */
export function builtCommand(spec: ServiceSpec): { command: string; args: string[]; env: Record<string, string> } {
  return { command: process.execPath, args: builtArgs(spec), env: { NODE_COMPILE_CACHE: join(stateDir, 'compile-cache') } };
}

export const graphqlUrl = (port: number): string => `http://${HOST}:${port}/graphql`;
export const readyUrl = (port: number): string => `http://${HOST}:${port}/ready`;
export const explorerUrl = (port: number): string => `http://${HOST}:${port}/explorer`;

/** `SUBGRAPH_<NAME>_URL` for each subgraph: what the gateway routes to. */
export function subgraphUrlEnv(subgraphs: readonly ServiceSpec[] = SUBGRAPHS): Record<string, string> {
  return Object.fromEntries(subgraphs.map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, graphqlUrl(s.port)]));
}
