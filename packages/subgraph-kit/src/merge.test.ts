import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildSchema } from './schema.js';
import { mergeLoaders } from './merge.js';
import { publicRootFieldsOf } from './service.js';
import { byIdLoader, groupedLoader, type DataLoader } from './loaders.js';

describe('mergeLoaders', () => {
  it('combines the loaders of every module, typed as all of them', async () => {
    const merged = mergeLoaders(
      { stageById: byIdLoader(async (ids) => ids.map((id) => ({ id, name: `stage ${id}` }))) },
      {
        linesByOrderId: groupedLoader(
          async () => [{ orderId: 'o1', n: 1 }],
          (line) => line.orderId,
        ),
      },
    );
    expectTypeOf(merged.stageById).toEqualTypeOf<DataLoader<string, { id: string; name: string } | null>>();
    expect(Object.keys(merged)).toEqual(['stageById', 'linesByOrderId']);
    expect(await merged.stageById.load('s1')).toEqual({ id: 's1', name: 'stage s1' });
    expect(await merged.linesByOrderId.load('o1')).toEqual([{ orderId: 'o1', n: 1 }]);
  });

  it('refuses two modules defining a loader of the same name instead of the later one silently winning', () => {
    const first = { customerById: byIdLoader(async () => []) };
    const second = { customerById: byIdLoader(async () => []), contactById: byIdLoader(async () => []) };
    expect(() => mergeLoaders(first, second)).toThrow(/loader customerById is defined twice/);
  });
});

describe('publicRootFieldsOf', () => {
  const { schema } = buildSchema('type Query { ping: String, secret: String } type Mutation { signIn: String, refreshSession: String }', []);

  it('takes a registered subgraph’s public root fields from the registry', () => {
    expect(publicRootFieldsOf({ name: 'identity' }, schema)).toEqual(['signIn', 'refreshSession']);
  });

  it('refuses a registered subgraph listing its own public root fields beside the registry', () => {
    expect(() => publicRootFieldsOf({ name: 'identity', publicRootFields: ['signIn'] }, schema)).toThrow(/listed in the registry/);
  });

  it('takes an unregistered subgraph’s (a test fixture’s) own list', () => {
    expect(publicRootFieldsOf({ name: 'fixture', publicRootFields: ['ping'] }, schema)).toEqual(['ping']);
  });

  it('fails at boot on a public root field the schema does not have', () => {
    expect(() => publicRootFieldsOf({ name: 'fixture', publicRootFields: ['pong'] }, schema)).toThrow(/fixture: public root field\(s\) pong are not Query or Mutation fields/);
    expect(() => publicRootFieldsOf({ name: 'customers' }, schema)).toThrow(/submitLeadForm/);
  });
});
