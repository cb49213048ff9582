import { describe, expect, it } from 'vitest';
import { mutationFieldsOf, runMutationCase, type EventCoverage, type MutationCaseEntry } from './event-coverage.js';
import type { TestSubgraph } from './test-client.js';

/**
 * The event-coverage suite every subgraph runs (`src/events-coverage.int.test.ts`): `cases` must
 * name every Mutation field of the schema, and each case that runs a mutation must announce, in the
 * same transaction, every change the audit saw (and at least the events it lists).
 */
export function describeEventCoverage(service: string, subgraph: () => TestSubgraph, coverage: EventCoverage, cases: Record<string, MutationCaseEntry>): void {
  describe(`every change in ${service} is announced`, () => {
    it('has a case for every Mutation field', async () => {
      expect(Object.keys(cases).sort()).toEqual(await mutationFieldsOf(subgraph()));
    });

    for (const [field, entry] of Object.entries(cases)) {
      if (!('run' in entry)) continue;
      it(`${field} writes ${entry.announces.join(', ') || 'no event'} in the same transaction as every change it makes`, async () => {
        const changes = await runMutationCase(subgraph(), coverage, field, entry);
        expect(changes.audited.length + changes.events.length).toBeGreaterThan(0);
        expect(changes.unannounced).toEqual([]);
        expect(changes.events.map((e) => e.type)).toEqual(expect.arrayContaining(entry.announces));
        await entry.check?.(changes.events);
      });
    }
  });
}
