import DataLoader from 'dataloader';

/**
 * A DataLoader that fetches rows by id in one query and answers each key with its row or null,
 * in key order. One per request, so nothing is cached across callers.
 */
export function byIdLoader<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await fetch(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A DataLoader that fetches the children of many parents in one query, grouped by parent id. */
export function groupedLoader<T>(fetch: (parentIds: readonly string[]) => Promise<T[]>, parentOf: (row: T) => string): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const rows = await fetch(parentIds);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const parent = parentOf(row);
      const group = groups.get(parent);
      if (group) group.push(row);
      else groups.set(parent, [row]);
    }
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}

export { DataLoader };

/**
 * The row `id` for a non-null field (an opportunity's stage): a missing one is a broken reference,
 * an internal error naming it, as GraphQL's own refusal of null there would have been.
 */
export async function loadExisting<T>(loader: DataLoader<string, T | null>, id: string, what: string): Promise<T> {
  const row = await loader.load(id);
  if (row === null) throw new Error(`${what} ${id} does not exist`);
  return row;
}
