import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/**
 * The file a subgraph's build writes beside its SDL files (in `dist/`): the SHA-256 of the SDL
 * `loadSdl` assembled and the build validated (`infra/src/build-workspace.ts`).
 */
export const VALIDATED_SDL_FILE = 'sdl.validated';

export const sdlDigest = (sdl: string): string => createHash('sha256').update(sdl).digest('hex');

/**
 * Whether the build validated exactly `sdl` (the file in `srcDir` names its digest): the bundled
 * start then skips graphql's SDL validation, ~75 % of building the schema (50–80 ms of CPU per
 * start). Under tsx and in tests `srcDir` is `src/`, which has no such file: they validate.
 */
export function sdlValidatedAtBuild(srcDir: string, sdl: string): boolean {
  const file = join(srcDir, VALIDATED_SDL_FILE);
  return existsSync(file) && readFileSync(file, 'utf8').trim() === sdlDigest(sdl);
}
