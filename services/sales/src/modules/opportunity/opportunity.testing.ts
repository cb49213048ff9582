// What the opportunity tests share: the pipeline's stages by name, and what was written to the outbox about one opportunity.
import type { TestSubgraph, UseTestSubgraphOptions } from '@rapport/subgraph-kit/testing';
import { useSalesSubgraph } from '../../testing.js';

/** The pipeline's stage ids by stage name, as an ADMIN reads them. */
export async function stageIdsByName(subgraph: TestSubgraph): Promise<Record<string, string>> {
  const stages = await subgraph.must<{ pipelineStages: { id: string; name: string }[] }>('{ pipelineStages { id name } }');
  return Object.fromEntries(stages.pipelineStages.map((s) => [s.name, s.id]));
}

/** An outbox row: the event's type and its payload. */
export type OutboxRow = { type: string; payload: { data: Record<string, unknown> } };

/** The events written to the outbox about `opportunityId` (its message key), oldest first. */
export const outboxOfOpportunity = (subgraph: TestSubgraph, opportunityId: string): Promise<OutboxRow[]> =>
  subgraph.service.orm.em.fork().getConnection().execute<OutboxRow[]>('select type, payload from outbox_message where message_key = ? order by position', [opportunityId]);

/**
 * The sales subgraph of one opportunity test file (`options` as for useSalesSubgraph; their seed runs
 * after the stages are read), the pipeline's stage ids by name (filled before the tests) and the
 * outbox rows about one opportunity.
 */
export function useOpportunitySubgraph(options: UseTestSubgraphOptions = {}) {
  const stageIds: Record<string, string> = {};
  const subgraph = useSalesSubgraph({
    ...options,
    seed: async (started) => {
      Object.assign(stageIds, await stageIdsByName(started));
      await options.seed?.(started);
    },
  });
  return { subgraph, stageIds, outboxOf: (opportunityId: string): Promise<OutboxRow[]> => outboxOfOpportunity(subgraph, opportunityId) };
}
