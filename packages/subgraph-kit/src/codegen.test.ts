import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import { ANY_REWRITES, entityTypeNames, subgraphCodegen, TYPED_RESOLVERS_PLUGIN, typedResolversPlugin } from './codegen.js';

describe('subgraphCodegen', () => {
  it('names the keyed object types, defined or extended, and no other type', () => {
    const sdl = `
      type Ticket @key(fields: "id") { id: ID! }
      extend type Customer @key(fields: "id", resolvable: false) { id: ID! }
      type Comment { id: ID! }
      interface Node { id: ID! }
      type Query { ticket: Ticket }
    `;
    expect(entityTypeNames(sdl)).toEqual(['Customer', 'Ticket']);
  });

  const srcDir = mkdtempSync(join(tmpdir(), 'rapport-codegen-'));
  afterAll(() => rmSync(srcDir, { recursive: true, force: true }));

  it('writes the SDL types apart from the resolver types, which import them as Types and the keyed types by name', () => {
    writeFileSync(join(srcDir, 'ticket.graphql'), 'type Ticket @key(fields: "id") { id: ID! }\nextend type Query { ticket(id: ID!): Ticket }\n');
    const config = subgraphCodegen({ service: 'fixture', srcDir });
    expect(Object.keys(config.generates)).toEqual([join(srcDir, 'generated/types.ts'), join(srcDir, 'generated/graphql.ts')]);
    const [types, resolvers] = Object.values(config.generates) as { plugins: unknown[]; config: Record<string, unknown> }[];
    // The SDL's types import nothing of the service, so any module may use them without a cycle.
    expect(types?.plugins).toEqual(['typescript']);
    expect(types?.config).not.toHaveProperty('contextType');
    expect(types?.config).not.toHaveProperty('mappers');
    expect(resolvers?.plugins).toEqual([{ add: { content: ["import type * as Types from './types.js';", "import type { Ticket } from './types.js';"] } }, TYPED_RESOLVERS_PLUGIN]);
    expect(resolvers?.config).toMatchObject({ namespacedImportName: 'Types', contextType: '../context.js#Context' });
  });

  it('types resolvers without any, even for a subscription and a custom scalar the template types with any', async () => {
    // The plugin is CommonJS: its schema must come from graphql's CommonJS build (one realm).
    const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof GraphQL;
    const schema = buildSchema('scalar Money\ntype Query { total: Money }\ntype Subscription { totals(since: Int): Money }\n');
    const output = await typedResolversPlugin.plugin(schema, [], { contextType: './context.js#Context' }, { outputFile: 'graphql.ts' });
    const code = typeof output === 'string' ? output : [...(output.prepend ?? []), output.content].join('\n');
    // Each rewrite met something to rewrite (the template still prints it), and no any is left.
    for (const [pattern] of ANY_REWRITES) expect(code, String(pattern)).not.toMatch(pattern);
    expect(code).toContain('SubscriptionResolver<');
    expect(code).toContain("GraphQLScalarTypeConfig<ResolversTypes['Money'], unknown>");
    expect(code).not.toMatch(/\bany\b/);
  });
});
