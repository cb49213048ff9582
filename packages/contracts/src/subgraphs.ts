// The one registry of the system's processes: every subgraph with its default port and the root
// fields it answers without a signed-in caller, and the gateway's port. The gateway (routing,
// composition, its public fields), the infra CLI (start, dev, chaos), the kit (each subgraph's
// default port and public fields, identity's JWKS address) and the tests all read it from here.
// infra/docker-compose.yml and infra/systemd cannot import it; a test checks they agree.

/** One subgraph of the federation. */
export interface SubgraphEntry {
  /** Its name: the workspace `services/<name>`, its database `rapport_<name>`, its dead-letter topic `dlq.<name>`. */
  readonly name: string;
  /** Where it listens unless `PORT` says otherwise; the gateway routes to it there unless `SUBGRAPH_<NAME>_URL` says otherwise. */
  readonly port: number;
  /** Root fields (Query or Mutation) it answers for a caller without a token; every other field needs one. */
  readonly publicRootFields: readonly string[];
}

/** The subgraphs, in the order they start and are listed (identity first: the others verify tokens against its JWKS). */
export const SUBGRAPHS = [
  { name: 'identity', port: 4001, publicRootFields: ['signIn', 'refreshSession'] },
  { name: 'customers', port: 4002, publicRootFields: ['submitLeadForm'] },
  { name: 'sales', port: 4003, publicRootFields: [] },
  { name: 'support', port: 4004, publicRootFields: [] },
  { name: 'inventory', port: 4005, publicRootFields: [] },
  { name: 'purchasing', port: 4006, publicRootFields: [] },
  { name: 'finance', port: 4007, publicRootFields: [] },
] as const satisfies readonly SubgraphEntry[];

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const SUBGRAPH_NAMES: readonly SubgraphName[] = SUBGRAPHS.map((s) => s.name);

/** The gateway's default port. */
export const GATEWAY_PORT = 4000;

/** Where every process listens by default. */
export const DEFAULT_HOST = '127.0.0.1';

export const isSubgraphName = (name: string): name is SubgraphName => (SUBGRAPH_NAMES as readonly string[]).includes(name);

/** The registry entry of subgraph `name`; an unknown name is an error naming the known ones. */
export function subgraphEntry(name: string): SubgraphEntry {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  if (!entry) throw new Error(`unknown subgraph '${name}': the subgraphs are ${SUBGRAPH_NAMES.join(', ')}`);
  return entry;
}

/** The root fields the gateway lets through without a token: every subgraph's public root fields. */
export const PUBLIC_ROOT_FIELDS: readonly string[] = SUBGRAPHS.flatMap((s) => s.publicRootFields);

/** The address identity publishes its signing keys at, on its default port. */
export const DEFAULT_JWKS_URL = `http://${DEFAULT_HOST}:${subgraphEntry('identity').port}/.well-known/jwks.json`;
