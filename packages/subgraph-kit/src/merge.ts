// The kit's registries are merged from one part per module; a name two modules both define is an
// error at the merge, never a silent overwrite by whichever module came later (what object spread
// does).

/** A module's resolvers: type name → field name → resolver (or `__resolveReference`). */
export type ResolverMap = Record<string, Record<string, unknown>>;

/** Merges module resolver maps; two modules defining the same field is an error. */
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
