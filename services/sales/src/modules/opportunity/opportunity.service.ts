import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { OpportunityClosedV1, OpportunityDeletedV1, OpportunityOpenedV1, OpportunityRestoredV1, OpportunityStageChangedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, normaliseAmount, notFound, parseMoneyInput, requireIsoDate, requireText, requireUuid, type Money } from '@rapport/errors';
import {
  keysetPage,
  restoreDeleted,
  restrictToVisibleCustomers,
  softDelete,
  transition,
  whereDeleted,
  type Connection,
  type Deleted,
  type Keyset,
  type Viewer,
  type WriteAccess,
} from '@rapport/subgraph-kit';
import { assertCustomerKnown } from '../customer/customer-check.js';
import { isClosing, PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { firstStage, getPipeline, getStage } from '../pipeline/pipeline.service.js';
import { OpportunityStageHistory, type IOpportunityStageHistory } from './opportunity-stage-history.entity.js';
import { moveToStage, Opportunity, type IOpportunity } from './opportunity.entity.js';
import type { OpportunityStatus } from '../../generated/types.js';

export interface OpenOpportunityInput {
  customerId: string;
  title: string;
  amount: Money;
  stageId?: string | null;
  pipelineId?: string | null;
  expectedCloseDate?: string | null;
}

/**
 * The one base query for opportunities: those `viewer` may see, as a query to narrow further
 * (alias `o`). With scoped access, only those of the customers they may see; the live ones unless
 * `deleted` says otherwise (only deleting and restoring look at deleted ones, to tell CONFLICT from NOT_FOUND).
 */
export function visibleOpportunities(em: SqlEntityManager, viewer: Viewer, deleted: Deleted = 'exclude') {
  const qb = whereDeleted(em.createQueryBuilder(Opportunity, 'o').select('*'), 'o', deleted);
  restrictToVisibleCustomers(qb, 'o', viewer);
  return qb;
}

/** Validates, opens the opportunity and writes `sales.opportunity.opened.v1` in one flush; the customer must be visible to `viewer`. */
export async function openOpportunity(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: OpenOpportunityInput, meta: EventMetadata): Promise<IOpportunity> {
  const customerId = requireUuid('input.customerId', input.customerId);
  await assertCustomerKnown(em, viewer, customerId, 'input.customerId');
  const title = requireText('input.title', input.title);
  const amount = parseMoneyInput('input.amount', input.amount);
  const expectedCloseDate = input.expectedCloseDate ? requireIsoDate('input.expectedCloseDate', input.expectedCloseDate) : null;
  const pipelineId = input.pipelineId ? (await getPipeline(em, input.pipelineId, 'input.pipelineId')).id : null;
  const stage = input.stageId ? await getStage(em, input.stageId, 'input.stageId') : await firstStage(em, pipelineId ?? undefined);
  if (pipelineId && stage.pipelineId !== pipelineId)
    throw badInput('input.stageId', `input.stageId: stage ${stage.name} is not a stage of pipeline ${pipelineId}`, 'STAGE_OF_OTHER_PIPELINE');
  if (isClosing(stage)) throw badInput('input.stageId', `input.stageId: a new opportunity cannot start in the closing stage ${stage.name}`, 'CLOSING_STAGE');
  const opportunity = em.create(Opportunity, {
    id: randomUUID(),
    customerId,
    title,
    amount: amount.amount,
    currency: amount.currency,
    stageId: stage.id,
    furthestStageId: stage.id,
    status: 'OPEN',
    expectedCloseDate,
    closedAt: null,
  });
  enterStage(em, opportunity.id, stage.id, opportunity.createdAt ?? new Date());
  publish(em, OpportunityOpenedV1, opportunity.id, { opportunityId: opportunity.id, customerId, title, amount, stage: stage.name }, meta);
  await em.flush();
  return opportunity;
}

/**
 * Moves the opportunity to `stageId` and writes `sales.opportunity.stage-changed.v1`; reaching Won
 * or Lost closes it and writes `sales.opportunity.closed.v1` too, in the same flush, under the
 * opportunity's row lock (concurrent moves: one at a time, so one closing wins and the others
 * CONFLICT). NOT_FOUND when `viewer` may not see it.
 */
export async function moveOpportunity(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, stageId: string, meta: EventMetadata): Promise<IOpportunity> {
  const stage = await getStage(em, stageId, 'stageId');
  return transition(
    em,
    (tx) => getOpportunity(tx, viewer, id),
    async (opportunity, tx) => {
      const from = await getStage(tx, opportunity.stageId, 'id');
      if (stage.pipelineId !== from.pipelineId)
        throw badInput('stageId', `stageId: stage ${stage.name} belongs to another pipeline than the opportunity's`, 'STAGE_OF_OTHER_PIPELINE');
      const now = new Date();
      const furthest = opportunity.furthestStageId === from.id ? from : await tx.findOne(PipelineStage, { id: opportunity.furthestStageId });
      moveToStage(opportunity, stage, now, furthest);
      if (stage.id !== from.id) await leaveAndEnterStage(tx, opportunity.id, stage.id, now);
      publish(
        tx,
        OpportunityStageChangedV1,
        opportunity.id,
        {
          opportunityId: opportunity.id,
          customerId: opportunity.customerId,
          fromStage: from.name,
          toStage: stage.name,
          probability: stage.probability,
          changedAt: new Date().toISOString(),
        },
        meta,
      );
      if (opportunity.status !== 'OPEN' && opportunity.closedAt) {
        publish(
          tx,
          OpportunityClosedV1,
          opportunity.id,
          {
            opportunityId: opportunity.id,
            customerId: opportunity.customerId,
            title: opportunity.title,
            outcome: opportunity.status,
            amount: { amount: normaliseAmount(opportunity.amount), currency: opportunity.currency },
            closedAt: opportunity.closedAt.toISOString(),
          },
          meta,
        );
      }
      return opportunity;
    },
  );
}

/**
 * Wins an opportunity because its customer accepted a quotation for it: moves it to its pipeline's
 * first won stage as `moveOpportunity` does (so `sales.opportunity.stage-changed.v1` and
 * `sales.opportunity.closed.v1` with outcome WON are written the same way). An opportunity already
 * won or lost, deleted, or whose pipeline has no won stage stays as it is (null).
 */
export async function winOpportunity(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IOpportunity | null> {
  const opportunity = await visibleOpportunities(em, viewer).andWhere({ id }).getSingleResult();
  if (!opportunity || opportunity.status !== 'OPEN') return null;
  const current = await getStage(em, opportunity.stageId, 'id');
  const won = await em.findOne(PipelineStage, { pipelineId: current.pipelineId, closesAs: 'WON' }, { orderBy: { position: 'asc' } });
  if (!won) return null;
  return moveOpportunity(em, viewer, id, won.id, meta);
}

/** The opportunity `id`; NOT_FOUND naming `field` when it does not exist or `viewer` may not see it (the two are indistinguishable). */
export async function getOpportunity(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IOpportunity> {
  const opportunity = await visibleOpportunities(em, viewer)
    .andWhere({ id: requireUuid(field, id) })
    .getSingleResult();
  if (!opportunity) throw notFound('Opportunity', id, field);
  return opportunity;
}

export interface OpportunityFilter {
  customerId?: string | null;
  status?: OpportunityStatus | null;
}

/** Opportunities newest first: by creation, then id. */
const OPPORTUNITY_ORDER: Keyset<IOpportunity> = { sort: 'o.created_at', kind: 'timestamp', direction: 'desc', id: 'o.id', sortValue: (o) => o.createdAt.toISOString() };

/** The opportunities `viewer` may see, newest first, by keyset on (createdAt, id). */
export async function listOpportunities(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: OpportunityFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IOpportunity>> {
  const qb = visibleOpportunities(em, viewer);
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.status) qb.andWhere({ status: filter.status });
  return keysetPage(qb, OPPORTUNITY_ORDER, { field: 'opportunities', first, after });
}

/** The opportunity `id` whether deleted or not; NOT_FOUND when it does not exist or `viewer` may not see it. */
async function getOpportunityWithDeleted(em: SqlEntityManager, viewer: Viewer, id: string): Promise<IOpportunity> {
  const opportunity = await visibleOpportunities(em, viewer, 'include')
    .andWhere({ id: requireUuid('id', id) })
    .getSingleResult();
  if (!opportunity) throw notFound('Opportunity', id, 'id');
  return opportunity;
}

/**
 * Deletes an opportunity softly: it disappears from every list, lookup and customer's open deals,
 * and can be restored. NOT_FOUND when `viewer` may not see it; CONFLICT when it is deleted already.
 */
export async function deleteOpportunity(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IOpportunity> {
  return softDelete(em, {
    entity: 'Opportunity',
    load: (tx) => getOpportunityWithDeleted(tx, viewer, id),
    announce: ({ id: opportunityId, customerId }, tx, at) => publish(tx, OpportunityDeletedV1, opportunityId, { opportunityId, customerId, deletedAt: at.toISOString() }, meta),
  });
}

/**
 * Restores a deleted opportunity (`viewer` holds restore access). NOT_FOUND when `viewer` may not
 * see it; CONFLICT when it is not deleted.
 */
export async function restoreOpportunity(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IOpportunity> {
  return restoreDeleted(em, {
    entity: 'Opportunity',
    load: (tx) => getOpportunityWithDeleted(tx, viewer, id),
    announce: ({ id: opportunityId, customerId }, tx, at) => publish(tx, OpportunityRestoredV1, opportunityId, { opportunityId, customerId, restoredAt: at.toISOString() }, meta),
  });
}

/** Records that the opportunity entered `stageId` at `at` (its stage history). */
function enterStage(em: SqlEntityManager, opportunityId: string, stageId: string, at: Date): void {
  em.create(OpportunityStageHistory, { id: randomUUID(), opportunityId, stageId, enteredAt: at, leftAt: null });
}

/** Closes the opportunity's current stay (under its row lock) and opens one in `stageId`. */
async function leaveAndEnterStage(em: SqlEntityManager, opportunityId: string, stageId: string, at: Date): Promise<void> {
  const current = await em.find(OpportunityStageHistory, { opportunityId, leftAt: null });
  for (const stay of current) stay.leftAt = at;
  enterStage(em, opportunityId, stageId, at);
}

/** The opportunity's stays in stages, oldest first (the caller has seen the opportunity). */
export const stageHistory = (em: SqlEntityManager, opportunityId: string): Promise<IOpportunityStageHistory[]> =>
  em.find(OpportunityStageHistory, { opportunityId }, { orderBy: { enteredAt: 'asc', id: 'asc' } });
