import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { eventBusSdl } from './operations.js';

/** A module's resolvers: type name → field name → resolver (or `__resolveReference`). */
export type ResolverMap = Record<string, Record<string, unknown>>;

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
 * Merges module resolver maps; two modules defining the same field is an error, never a silent
 * overwrite.
 */
export function mergeResolvers(maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      const target = (merged[typeName] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in target) throw new Error(`resolver ${typeName}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return merged;
}

export function buildSchema(sdl: string, resolvers: ResolverMap): { schema: GraphQLSchema; typeDefs: DocumentNode } {
  const typeDefs = parse(sdl);
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]);
  return { schema, typeDefs };
}
