import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { badInput } from '@rapport/errors';
import { graphqlTag as tagOf, isScalarImplementation, KIT_SCALARS } from './scalars.js';
import { Kind, parse, type DocumentNode, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { mergeResolvers, type ResolverMap } from './merge.js';

/** Keys a resolver map may hold besides fields, by the kind of type. */
const SPECIAL_KEYS: Record<string, readonly string[]> = {
  GraphQLObjectType: ['__resolveReference', '__isTypeOf'],
  GraphQLInterfaceType: ['__resolveReference', '__resolveType'],
  GraphQLUnionType: ['__resolveReference', '__resolveType'],
};

/**
 * Every key of `resolvers` names something `schema` has: a type, and within an object or interface
 * type one of its fields, within an enum one of its values. `@apollo/subgraph` ignores any other key
 * silently, so a resolver for a field renamed or removed from the SDL would never run; here it stops
 * the service at start-up, naming every such key.
 */
export function assertResolversMatchSchema(schema: GraphQLSchema, resolvers: Record<string, Record<string, unknown>>): void {
  const problems: string[] = [];
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    const kind = tagOf(type);
    if (!type || !kind) {
      problems.push(`${typeName}: the schema has no type ${typeName}`);
      continue;
    }
    if (kind === 'GraphQLScalarType') {
      if (!isScalarImplementation(fields)) problems.push(`${typeName}: a scalar takes a GraphQLScalarType, not a map of fields`);
      continue;
    }
    if (kind === 'GraphQLInputObjectType') {
      problems.push(`${typeName}: an input type takes no resolvers`);
      continue;
    }
    const known =
      kind === 'GraphQLEnumType'
        ? new Set((type as unknown as { getValues(): readonly { name: string }[] }).getValues().map((v) => v.name))
        : new Set([...Object.keys(kind === 'GraphQLUnionType' ? {} : (type as unknown as { getFields(): Record<string, unknown> }).getFields()), ...(SPECIAL_KEYS[kind] ?? [])]);
    for (const field of Object.keys(fields)) {
      if (!known.has(field)) problems.push(`${typeName}.${field}: the schema's ${typeName} has no ${kind === 'GraphQLEnumType' ? 'value' : 'field'} ${field}`);
    }
  }
  if (problems.length > 0) throw new Error(`resolvers for what the schema lacks (rename or remove them, or declare them in the SDL):\n  ${problems.join('\n  ')}`);
}

/**
 * `buildSubgraphSchema` with graphql's `buildASTSchema` options. Only the bundle's copy reads them (a
 * subgraph's build patches it, `sdlValidatedPlugin` in infra/src/build-workspace.ts, after validating
 * the SDL): `assumeValidSDL` for an SDL the build validated. Apollo's own ignores a second argument.
 */
const buildWithOptions = buildSubgraphSchema as (modules: Parameters<typeof buildSubgraphSchema>[0], options: { assumeValidSDL: boolean }) => GraphQLSchema;

/**
 * The subgraph's executable schema: `sdl` with the kit's scalars (`DateTime`) and `resolvers`,
 * after checking that every resolver key names something the SDL declares. `sdlValidated`: the build
 * validated this very SDL (`sdlValidatedAtBuild`), so graphql's SDL rules need not run again.
 */
export function buildSchema(sdl: string, resolvers: readonly ResolverMap[], options: { sdlValidated?: boolean } = {}): { schema: GraphQLSchema; typeDefs: DocumentNode } {
  const typeDefs = parse(sdl);
  const declared = new Set(typeDefs.definitions.flatMap((d) => (d.kind === Kind.SCALAR_TYPE_DEFINITION ? [d.name.value] : [])));
  const scalars = Object.fromEntries(Object.entries(KIT_SCALARS).filter(([name]) => declared.has(name)));
  const merged = mergeResolvers([scalars, ...resolvers]);
  const schema = buildWithOptions([{ typeDefs, resolvers: merged as GraphQLResolverMap<unknown> }], { assumeValidSDL: options.sdlValidated === true });
  assertResolversMatchSchema(schema, merged);
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
  if (!field || tagOf(entityUnion) !== 'GraphQLUnionType') return;
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
