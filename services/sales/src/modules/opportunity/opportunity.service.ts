import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { OpportunityOpenedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, notFound, pageSize, parseMoneyInput, requireIsoDate, requireOneOf, requireText, requireUuid, type Money } from '@rapport/errors';
import { decodeCursor, toConnection, type Connection } from '@rapport/subgraph-kit';
import { isClosing } from '../pipeline/pipeline-stage.entity.js';
import { firstStage, getStage } from '../pipeline/pipeline.service.js';
import { moveToStage, Opportunity, OPPORTUNITY_STATUSES, type IOpportunity } from './opportunity.entity.js';

export interface OpenOpportunityInput {
  customerId: string;
  title: string;
  amount: Money;
  stageId?: string | null;
  expectedCloseDate?: string | null;
}

/** Validates, opens the opportunity and writes `sales.opportunity.opened.v1` in one flush. */
export async function openOpportunity(em: SqlEntityManager, input: OpenOpportunityInput, meta: EventMetadata): Promise<IOpportunity> {
  const customerId = requireUuid('input.customerId', input.customerId);
  const title = requireText('input.title', input.title);
  const amount = parseMoneyInput('input.amount', input.amount);
  const expectedCloseDate = input.expectedCloseDate ? requireIsoDate('input.expectedCloseDate', input.expectedCloseDate) : null;
  const stage = input.stageId ? await getStage(em, input.stageId, 'input.stageId') : await firstStage(em);
  if (isClosing(stage)) throw badInput('input.stageId', `input.stageId: a new opportunity cannot start in the closing stage ${stage.name}`, 'CLOSING_STAGE');
  const opportunity = em.create(Opportunity, {
    id: randomUUID(),
    customerId,
    title,
    amount: amount.amount,
    currency: amount.currency,
    stageId: stage.id,
    status: 'OPEN',
    expectedCloseDate,
    closedAt: null,
  });
  publish(em, OpportunityOpenedV1, opportunity.id, { opportunityId: opportunity.id, customerId, title, amount, stage: stage.name }, meta);
  await em.flush();
  return opportunity;
}

/** Moves the opportunity to `stageId`; reaching Won or Lost closes it. */
export async function moveOpportunity(em: SqlEntityManager, id: string, stageId: string): Promise<IOpportunity> {
  const opportunity = await getOpportunity(em, id);
  const stage = await getStage(em, stageId, 'stageId');
  moveToStage(opportunity, stage);
  await em.flush();
  return opportunity;
}

export async function getOpportunity(em: SqlEntityManager, id: string, field = 'id'): Promise<IOpportunity> {
  const opportunity = await em.findOne(Opportunity, { id: requireUuid(field, id) });
  if (!opportunity) throw notFound('Opportunity', id, field);
  return opportunity;
}

export interface OpportunityFilter {
  customerId?: string | null;
  status?: string | null;
}

/** Opportunities newest first, by keyset on (createdAt, id). */
export async function listOpportunities(
  em: SqlEntityManager,
  filter: OpportunityFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IOpportunity>> {
  const limit = pageSize('first', first);
  const qb = em.createQueryBuilder(Opportunity, 'o').select('*');
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.status) qb.andWhere({ status: requireOneOf('filter.status', filter.status, OPPORTUNITY_STATUSES) });
  if (after) {
    const cursor = decodeCursor('after', after);
    qb.andWhere('(o.created_at, o.id) < (?, ?)', [cursor.sortValue, cursor.id]);
  }
  const rows = await qb.orderBy({ createdAt: 'desc', id: 'desc' }).limit(limit + 1).getResultList();
  return toConnection(rows, limit, (o) => o.createdAt.toISOString());
}
