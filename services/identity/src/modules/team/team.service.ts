import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { TeamCreatedV1, type EventMetadata } from '@rapport/contracts';
import { conflict, notFound, requireText, requireUuid } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import { Team, type ITeam } from './team.entity.js';

export interface CreateTeamInput {
  name: string;
  parentId?: string | null;
}

const nameTaken = (name: string) => conflict('TEAM_NAME_TAKEN', `a team named ${name} already exists`, 'input.name');

/**
 * Validates and creates a team, under `parentId` when given, with its `identity.team.created.v1`;
 * names are unique ignoring case.
 */
export async function createTeam(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreateTeamInput, meta: EventMetadata): Promise<ITeam> {
  const name = requireText('input.name', input.name, 100);
  const parentId = input.parentId ? requireUuid('input.parentId', input.parentId) : null;

  if (parentId && !(await em.findOne(Team, { id: parentId }, { fields: ['id'] }))) throw notFound('Team', parentId, 'input.parentId');
  const sameName = await em.createQueryBuilder(Team, 't').select('id').where('lower(t.name) = lower(?)', [name]).getResultList();
  if (sameName.length > 0) throw nameTaken(name);

  const team = em.create(Team, { id: randomUUID(), name, parentId, createdAt: new Date() });
  publish(em, TeamCreatedV1, team.id, { teamId: team.id, name, parentId, createdAt: team.createdAt.toISOString() }, meta);
  try {
    await em.flush();
  } catch (error) {
    // Another request took the name between our check and the insert.
    if (error instanceof UniqueConstraintViolationException) throw nameTaken(name);
    throw error;
  }
  return team;
}

/** Every team, by name. */
export const listTeams = (em: SqlEntityManager, viewer: Viewer): Promise<ITeam[]> => em.find(Team, {}, { orderBy: { name: 'asc', id: 'asc' } });
