/** An export replaced by `replaceExportOnce`: what was there and what is there now. */
export interface ReplacedExport<F> {
  original: F;
  replacement: F;
}

// Per module exports object, per export name: the replacement made, so a second call (a second
// gateway in the process, a test) gets the same pair instead of wrapping the wrapper.
const replaced = new WeakMap<object, Map<string, ReplacedExport<unknown>>>();

/**
 * Puts `wrap(original)` in the place of `moduleExports[name]`, once per process, and returns both.
 * Meant for the CommonJS modules of @apollo/* whose own functions read a sibling's export from its
 * `exports` object on every call: the caller passes that object as a default import (in Node and in
 * an esbuild bundle alike it is the one instance Apollo uses; a `createRequire` would load a second
 * copy from node_modules and patch that one instead).
 */
export function replaceExportOnce<K extends string, F>(moduleExports: Record<K, F>, name: K, wrap: (original: F) => F): ReplacedExport<F> {
  let byName = replaced.get(moduleExports);
  if (!byName) {
    byName = new Map();
    replaced.set(moduleExports, byName);
  }
  const known = byName.get(name) as ReplacedExport<F> | undefined;
  if (known) return known;
  const original = moduleExports[name];
  const replacement = wrap(original);
  moduleExports[name] = replacement;
  const made = { original, replacement };
  byName.set(name, made);
  return made;
}
