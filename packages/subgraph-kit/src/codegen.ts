import { basename, join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import * as typescriptResolvers from '@graphql-codegen/typescript-resolvers';
import { Kind, parse } from 'graphql';
import { loadSdl } from './sdl.js';

/**
 * Where each service's generated types go, relative to its `src`: the SDL's own types (enums as
 * string-literal unions, inputs, arguments, objects), which import nothing, so any module may use
 * them; and the resolver types (`Resolvers`), which import the context and the mapped entities.
 * Two files so that a service module typed with an SDL enum is not tied into an import cycle
 * through the context's loaders (`npm run cycles`).
 */
export const GENERATED_SCHEMA_TYPES_FILE = 'generated/types.ts';
export const GENERATED_RESOLVER_TYPES_FILE = 'generated/graphql.ts';

export interface SubgraphCodegenOptions {
  /** The domain name: `sales`, … (its event-bus root field is part of the SDL). */
  service: string;
  /** The service's `src` folder, as `loadSdl` reads it. */
  srcDir: string;
  /**
   * GraphQL type → the TypeScript type its resolvers receive and return, as
   * `<path relative to src/generated>#<export>` (`'../modules/opportunity/opportunity.entity.js#IOpportunity'`):
   * an entity where resolvers return entities, so a field resolver's parent is the entity.
   */
  mappers?: Record<string, string>;
}

/**
 * The object types of `sdl` with a `@key`, by name. The resolver types name these unqualified in
 * their `FederationTypes` (typescript-resolvers 6.1.0 does not apply `namespacedImportName` there),
 * so the resolver file imports them by name besides `Types`.
 */
export function entityTypeNames(sdl: string): string[] {
  const names = new Set<string>();
  for (const definition of parse(sdl).definitions) {
    const isObject = definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION;
    if (isObject && definition.directives?.some((d) => d.name.value === 'key')) names.add(definition.name.value);
  }
  return [...names].sort();
}

/**
 * The pieces of typescript-resolvers' fixed template (6.1.0) typed `any`, with what they become:
 * its subscription helpers (no subgraph serves subscriptions, but the template always prints them)
 * and a custom scalar's serialized type. `unknown` where a value is only passed on, `never[]`
 * where any function must fit. No option of the plugin turns these off, so the kit rewrites them.
 */
export const ANY_REWRITES: readonly (readonly [RegExp, string])[] = [
  [/SubscriptionSubscribeFn<any, /g, 'SubscriptionSubscribeFn<unknown, '],
  [/SubscriptionResolveFn<TResult, any, /g, 'SubscriptionResolveFn<TResult, unknown, '],
  [/\(\.\.\.args: any\[\]\) =>/g, '(...args: never[]) =>'],
  [/(GraphQLScalarTypeConfig<ResolversTypes\['\w+'\]), any>/g, '$1, unknown>'],
];

function withoutAny(code: string): string {
  return ANY_REWRITES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), code);
}

/** The name `subgraphCodegen` gives typescript-resolvers wrapped by `withoutAny` (see its `pluginLoader`). */
export const TYPED_RESOLVERS_PLUGIN = 'rapport-typed-resolvers';

/** typescript-resolvers, its output rewritten by `ANY_REWRITES`: resolver types without `any`. */
export const typedResolversPlugin: typeof typescriptResolvers = {
  ...typescriptResolvers,
  plugin: async (schema, documents, config, info) => {
    const output = await typescriptResolvers.plugin(schema, documents, config, info);
    return { ...output, prepend: output.prepend?.map(withoutAny), content: withoutAny(output.content) };
  },
};

type PluginLoader = NonNullable<CodegenConfig['pluginLoader']>;

/** Loads the kit's wrapped resolver plugin by its name, any other plugin as codegen would. */
const pluginLoader: PluginLoader = async (name) => (name === TYPED_RESOLVERS_PLUGIN ? typedResolversPlugin : ((await import(name)) as Awaited<ReturnType<PluginLoader>>));

/**
 * The GraphQL Code Generator config of a subgraph (`services/<svc>/codegen.ts`): every SDL type, enum
 * (as a string-literal union) and argument type in `generated/types.ts`, and `Resolvers`, with
 * Apollo Federation's `__resolveReference`, in `generated/graphql.ts`; from the same SDL the running
 * subgraph serves (`loadSdl`: the kit's common declarations, the service's `*.graphql`, its
 * event-bus field). Reads only files: runs offline.
 */
export function subgraphCodegen({ service, srcDir, mappers = {} }: SubgraphCodegenOptions): CodegenConfig {
  const sdl = loadSdl(srcDir, service);
  const typesModule = `./${basename(GENERATED_SCHEMA_TYPES_FILE, '.ts')}.js`;
  const entities = entityTypeNames(sdl);
  const imports = [`import type * as Types from '${typesModule}';`, ...(entities.length > 0 ? [`import type { ${entities.join(', ')} } from '${typesModule}';`] : [])];
  const shared = {
    federation: true,
    useTypeImports: true,
    enumsAsTypes: true,
    // The federation directives' own scalars never reach a resolver.
    scalars: { ID: 'string', DateTime: 'Date', _FieldSet: 'string' },
    strictScalars: true,
    maybeValue: 'T | null',
    inputMaybeValue: 'T | null | undefined',
    useIndexSignature: false,
  };
  return {
    overwrite: true,
    schema: sdl,
    pluginLoader,
    generates: {
      [join(srcDir, GENERATED_SCHEMA_TYPES_FILE)]: { plugins: ['typescript'], config: shared },
      [join(srcDir, GENERATED_RESOLVER_TYPES_FILE)]: {
        plugins: [{ add: { content: imports } }, TYPED_RESOLVERS_PLUGIN],
        config: {
          ...shared,
          // The SDL's types come from the file above, as `Types.<name>`.
          namespacedImportName: 'Types',
          contextType: '../context.js#Context',
          mappers,
          mapperTypeSuffix: 'Model',
          optionalResolveType: true,
        },
      },
    },
  };
}
