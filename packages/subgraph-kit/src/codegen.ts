import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { loadSdl } from './sdl.js';

/** Where each service's resolver types are generated, relative to its `src`. */
export const GENERATED_TYPES_FILE = 'generated/graphql.ts';

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
 * The GraphQL Code Generator config of a subgraph (`services/<svc>/codegen.ts`): `Resolvers` and
 * every SDL type, enum (as a string-literal union) and argument type, from the same SDL the running
 * subgraph serves (`loadSdl`: the kit's common declarations, the service's `*.graphql`, its
 * event-bus field), with Apollo Federation's `__resolveReference`. Reads only files: runs offline.
 */
export function subgraphCodegen({ service, srcDir, mappers = {} }: SubgraphCodegenOptions): CodegenConfig {
  return {
    overwrite: true,
    schema: loadSdl(srcDir, service),
    generates: {
      [join(srcDir, GENERATED_TYPES_FILE)]: {
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useTypeImports: true,
          enumsAsTypes: true,
          contextType: '../context.js#Context',
          mappers,
          mapperTypeSuffix: 'Model',
          // The federation directives' own scalars never reach a resolver.
          scalars: { ID: 'string', DateTime: 'Date', _FieldSet: 'string' },
          strictScalars: true,
          maybeValue: 'T | null',
          inputMaybeValue: 'T | null | undefined',
          useIndexSignature: false,
          optionalResolveType: true,
        },
      },
    },
  };
}
