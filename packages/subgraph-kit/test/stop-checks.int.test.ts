import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { testServerUrl } from '@rapport/testing';
import { describe, expect, it } from 'vitest';
import { createSubgraphService, type SubgraphRuntimeConfig } from '../src/index.js';
import { checkBeforeEveryStop, startTestSubgraph } from '../src/testing.js';

// Checks a workspace registers (in its vitest.setup.ts) for every test subgraph of a name: run
// before it stops, with the subgraph still up; a failure fails the stop, which finishes all the same.

const createProbe = (config: SubgraphRuntimeConfig) =>
  createSubgraphService(
    {
      name: 'probe',
      srcDir: fileURLToPath(new URL('./fixture', import.meta.url)),
      resolvers: [{ Query: { probe: () => 1 } }],
      entities: [],
      migrations: [],
      createLoaders: () => ({}),
    },
    config,
  );

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return ((await client.query('select 1 from pg_database where datname = $1', [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

describe('checks before every stop', () => {
  it("runs the checks registered for the subgraph's name before it stops, on its live database, then drops it", async () => {
    const seen: number[] = [];
    checkBeforeEveryStop('checked-probe', async (subgraph) => {
      const [row] = await subgraph.sql<{ one: number }>('select 1 as one');
      seen.push(row?.one ?? 0);
    });
    const subgraph = await startTestSubgraph('checked-probe', createProbe);
    const other = await startTestSubgraph('unchecked-probe', createProbe);
    await other.stop();
    expect(seen).toEqual([]);
    await subgraph.stop();
    expect(seen).toEqual([1]);
    expect(await databaseExists(subgraph.database.name)).toBe(false);
  });

  it('runs a check registered twice once (the setup file runs again before each file of a worker that shares its modules)', async () => {
    let runs = 0;
    const check = async (): Promise<void> => {
      runs += 1;
    };
    checkBeforeEveryStop('twice-probe', check);
    checkBeforeEveryStop('twice-probe', check);
    const subgraph = await startTestSubgraph('twice-probe', createProbe);
    await subgraph.stop();
    expect(runs).toBe(1);
  });

  it('fails the stop when a check fails, and stops the subgraph and drops its database all the same', async () => {
    checkBeforeEveryStop('failing-probe', async () => {
      throw new Error('the books do not balance');
    });
    const subgraph = await startTestSubgraph('failing-probe', createProbe);
    await expect(subgraph.stop()).rejects.toThrow('the books do not balance');
    expect(await databaseExists(subgraph.database.name)).toBe(false);
    await expect(fetch(`${subgraph.service.url}/ready`)).rejects.toThrow();
  });
});
