import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// A subgraph's SDL, read from its files. Kept apart from the schema building (Apollo, the ORM, Kafka)
// so that its codegen config loads it without loading the rest of the kit.

/** The root field of a service's event status: `salesEventBus`, `customersEventBus`, … */
export const eventBusField = (service: string): string => `${service}EventBus`;

/** The SDL of that root field; `loadSdl` adds it to every service's schema. */
export const eventBusSdl = (service: string): string =>
  `extend type Query {\n  "The ${service} service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only."\n  ${eventBusField(service)}: EventBusStatus!\n}\n`;

function graphqlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...graphqlFiles(path));
    else if (name.endsWith('.graphql')) out.push(path);
  }
  return out;
}

/** What every subgraph declares alike: the federation link, DateTime, PageInfo, Money. */
const COMMON_SDL_PATH = fileURLToPath(new URL('../graphql/common.graphql', import.meta.url));

/**
 * The subgraph's SDL: the common declarations, then every `*.graphql` under `srcDir` in path
 * order, then (given the service's name) its ADMIN status root field `<service>EventBus`. The same
 * function feeds the running subgraph and `npm run compose`, so they cannot disagree.
 */
export function loadSdl(srcDir: string, service?: string): string {
  const common = `# common.graphql (@rapport/subgraph-kit)\n${readFileSync(COMMON_SDL_PATH, 'utf8').trim()}\n`;
  const own = graphqlFiles(srcDir).map((file) => `# ${relative(srcDir, file)}\n${readFileSync(file, 'utf8').trim()}\n`);
  const status = service ? [`# the event bus status (@rapport/subgraph-kit)\n${eventBusSdl(service)}`] : [];
  return [common, ...own, ...status].join('\n');
}
