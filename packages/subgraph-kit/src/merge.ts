import { isScalarImplementation } from './scalars.js';

// The kit's registries are merged from one part per module; a name two modules both define is an
// error at the merge, never a silent overwrite by whichever module came later (what object spread
// does).

/**
 * A module's resolvers: type name → field name → resolver (or `__resolveReference`), or a scalar's
 * implementation. Services type theirs with the `Resolvers` generated from their SDL
 * (`src/generated/graphql.ts`), so a field, an argument or a return type the SDL does not declare
 * fails to compile; `buildSchema` refuses at start-up a key the schema lacks that slipped past.
 */
export type ResolverMap = { readonly [typeName: string]: object | undefined };

/**
 * Merges module resolver maps; two modules defining the same field (or scalar) is an error, never
 * a silent overwrite.
 */
export function mergeResolvers(maps: readonly ResolverMap[]): Record<string, Record<string, unknown>> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      if (fields === undefined) continue;
      if (isScalarImplementation(fields)) {
        if (typeName in merged) throw new Error(`resolver ${typeName} is defined twice`);
        merged[typeName] = fields as Record<string, unknown>;
        continue;
      }
      const target = (merged[typeName] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in target) throw new Error(`resolver ${typeName}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return merged;
}

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * Merges the per-request loaders of a service's modules into one object typed as all of them; two
 * modules defining a loader of the same name is an error naming it.
 */
export function mergeLoaders<const T extends readonly object[]>(...parts: T): Intersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, loader] of Object.entries(part)) {
      if (name in merged) throw new Error(`loader ${name} is defined twice`);
      merged[name] = loader;
    }
  }
  return merged as Intersection<T[number]>;
}
