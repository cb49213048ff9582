/**
 * A Map that holds at most `limit` entries (at least 1): setting a key it does not hold when full
 * first drops the entry set longest ago (a Map iterates in insertion order). `use` reads a key and
 * makes it the newest, so a cache that reads through `use` drops the least recently used entry
 * instead. The one bounded in-memory cache of the project (tokens verified, documents parsed,
 * requests a guard let through, messages dead-lettered): a process serving hostile or endless input
 * must not grow a memory without end.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly limit: number;

  constructor(limit: number) {
    super();
    this.limit = Math.max(1, limit);
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }

  /** The value of `key`, if held, which becomes the newest entry (the last to be dropped). */
  use(key: K): V | undefined {
    if (!this.has(key)) return undefined;
    const value = this.get(key) as V;
    this.delete(key);
    super.set(key, value);
    return value;
  }
}
