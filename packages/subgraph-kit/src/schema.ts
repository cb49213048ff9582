import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { badInput } from '@rapport/errors';
import { Kind, parse, type DocumentNode, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { ResolverMap } from './merge.js';
import { eventBusSdl } from './operations.js';

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

export function buildSchema(sdl: string, resolvers: ResolverMap): { schema: GraphQLSchema; typeDefs: DocumentNode } {
  const typeDefs = parse(sdl);
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]);
  guardEntities(schema);
  return { schema, typeDefs };
}

/** The top-level fields of each entity's `@key`s: `@key(fields: "id")` → id. */
function keyFieldsOf(schema: GraphQLSchema, typeName: string): string[][] {
  const type = schema.getType(typeName);
  const keys: string[][] = [];
  for (const node of [type?.astNode, ...(type?.extensionASTNodes ?? [])]) {
    for (const directive of node?.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
      if (fields?.kind === Kind.STRING && !fields.value.includes('{')) keys.push(fields.value.split(/[\s,]+/).filter(Boolean));
    }
  }
  return keys;
}

/**
 * `_entities` checks its representations before any `__resolveReference` runs: each is an object
 * naming an entity type of this subgraph and carrying one of its keys. Anything else is
 * BAD_USER_INPUT naming `representations.<i>…`, where `@apollo/subgraph` (or a DataLoader given
 * `undefined`) would have thrown a plain error, answered as INTERNAL_SERVER_ERROR. Their strings were
 * already checked by the input boundary (`input-guard.ts`); a well-formed reference whose id is not
 * a UUID still resolves to null, as an unknown one does (the loaders filter ids before SQL).
 */
function guardEntities(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  // By tag, not `isUnionType`: the schema comes from @apollo/subgraph's copy of graphql-js.
  if (!field || (entityUnion as { [Symbol.toStringTag]?: string } | undefined)?.[Symbol.toStringTag] !== 'GraphQLUnionType') return;
  const members = (entityUnion as unknown as { getTypes(): readonly { name: string }[] }).getTypes();
  const entities = new Map(members.map((t) => [t.name, keyFieldsOf(schema, t.name)]));
  const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown, { representations: unknown[] }>;
  field.resolve = (source: unknown, args: { representations: unknown[] }, context: unknown, info: GraphQLResolveInfo) => {
    args.representations.forEach((representation: unknown, i: number) => {
      const at = `representations.${i}`;
      if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
        throw badInput(at, `${at} must be an object with a __typename`, 'INVALID_REPRESENTATION');
      }
      const reference = representation as Record<string, unknown>;
      const typename = reference.__typename;
      const keys = typeof typename === 'string' ? entities.get(typename) : undefined;
      if (typeof typename !== 'string' || !keys) throw badInput(`${at}.__typename`, `${at}.__typename must name an entity type of this subgraph`, 'UNKNOWN_TYPENAME');
      const complete = keys.find((key) => key.every((k) => reference[k] !== undefined && reference[k] !== null));
      if (!complete) throw badInput(at, `${at} must carry the key fields of ${typename}`, 'INVALID_REPRESENTATION');
    });
    return resolve(source, args, context, info);
  };
}
