import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasDatabaseObject, KIT_UNMAPPED_TABLES, schemaDrift, type UnmappedSchema } from './schema-drift.js';
import type { SubgraphRuntimeConfig, SubgraphService } from './service.js';
import { startTestSubgraph, type TestSubgraph } from './testing.js';

/**
 * The schema-drift suite every subgraph runs (`src/schema-drift.int.test.ts`): the service is built
 * through its own factory on a fresh database, so it runs exactly its migrations (the kit's and bus's
 * first) and maps exactly its entities (the kit's and bus's too); then MikroORM's schema comparator
 * must find nothing to change. `unmapped` names what the service's own raw SQL keeps without an
 * entity, each with the reason.
 */
export function describeSchemaDrift(service: string, factory: (config: SubgraphRuntimeConfig) => SubgraphService, unmapped: UnmappedSchema = {}): void {
  describe(`${service}: entity metadata and the migrated database agree`, () => {
    let subgraph: TestSubgraph | undefined;
    const orm = () => {
      if (!subgraph) throw new Error(`${service} did not start`);
      return subgraph.service.orm;
    };

    beforeAll(async () => {
      subgraph = await startTestSubgraph(service, factory);
    });
    afterAll(async () => {
      await subgraph?.stop();
    });

    it('the schema comparator finds nothing to change after every migration', async () => {
      const drift = await schemaDrift(orm(), unmapped);
      expect(drift.sql, `the entities of ${service} and its migrations disagree; MikroORM would run:\n${drift.sql}\n`).toBe('');
      expect(drift.unseen, `the entities of ${service} and its migrations disagree where the comparator does not look`).toEqual([]);
    });

    it('every table and column left out of the comparison exists and is mapped by no entity', async () => {
      const mapped = new Map([...orm().getMetadata()].map((meta) => [meta.tableName, new Set(meta.props.flatMap((prop) => prop.fieldNames ?? []))]));
      for (const table of Object.keys({ ...KIT_UNMAPPED_TABLES, ...unmapped.tables })) {
        expect(mapped.has(table), `${table} is mapped by an entity: compare it`).toBe(false);
      }
      for (const table of Object.keys(unmapped.tables ?? {})) {
        expect(await hasDatabaseObject(orm(), table), `${table} is not in the database`).toBe(true);
      }
      for (const key of Object.keys(unmapped.columns ?? {})) {
        const [table = '', column = ''] = key.split('.');
        expect(mapped.get(table)?.has(column) ?? false, `${key} is mapped by a property: compare it`).toBe(false);
        expect(await hasDatabaseObject(orm(), table, column), `${key} is not in the database`).toBe(true);
      }
    });
  });
}
