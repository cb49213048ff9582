import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound, optionalEmail, optionalText, pageSize, requireOneOf, requireText, requireUuid } from '@rapport/errors';
import { decodeCursor, toConnection, type Connection } from '@rapport/subgraph-kit';
import { Team } from '../team/team.entity.js';
import { ROLES, User, type IUser } from './user.entity.js';

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: string;
  teamId?: string | null;
}

const emailTaken = (email: string) => conflict('USER_EMAIL_TAKEN', `a user with email ${email} already exists`, 'input.email');

/** Validates and creates a user; the email is stored lower-cased and must be unique. */
export async function createUser(em: SqlEntityManager, input: CreateUserInput): Promise<IUser> {
  const email = optionalEmail('input.email', input.email);
  if (email === null) throw badInput('input.email', 'input.email must not be empty', 'REQUIRED');
  const displayName = requireText('input.displayName', input.displayName);
  const role = requireOneOf('input.role', input.role, ROLES);
  const teamId = input.teamId ? requireUuid('input.teamId', input.teamId) : null;

  if (teamId && !(await em.findOne(Team, { id: teamId }, { fields: ['id'] }))) throw notFound('Team', teamId, 'input.teamId');
  if (await em.findOne(User, { email }, { fields: ['id'] })) throw emailTaken(email);

  const user = em.create(User, { id: randomUUID(), email, displayName, role, teamId });
  try {
    await em.flush();
  } catch (error) {
    // Another request took the email between our check and the insert.
    if (error instanceof UniqueConstraintViolationException) throw emailTaken(email);
    throw error;
  }
  return user;
}

export async function getUser(em: SqlEntityManager, id: string, field = 'id'): Promise<IUser> {
  const user = await em.findOne(User, { id: requireUuid(field, id) });
  if (!user) throw notFound('User', id, field);
  return user;
}

export interface UserFilter {
  role?: string | null;
  teamId?: string | null;
  search?: string | null;
}

const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Users by display name, then id, paged by keyset (never OFFSET). */
export async function listUsers(
  em: SqlEntityManager,
  filter: UserFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IUser>> {
  const limit = pageSize('first', first);
  const qb = em.createQueryBuilder(User, 'u').select('*');
  if (filter?.role) qb.andWhere({ role: requireOneOf('filter.role', filter.role, ROLES) });
  if (filter?.teamId) qb.andWhere({ teamId: requireUuid('filter.teamId', filter.teamId) });
  const search = optionalText('filter.search', filter?.search, 100);
  if (search) qb.andWhere({ $or: [{ displayName: { $ilike: likePattern(search) } }, { email: { $ilike: likePattern(search) } }] });
  if (after) {
    const cursor = decodeCursor('after', after);
    qb.andWhere('(u.display_name, u.id) > (?, ?)', [cursor.sortValue, cursor.id]);
  }
  const rows = await qb.orderBy({ displayName: 'asc', id: 'asc' }).limit(limit + 1).getResultList();
  return toConnection(rows, limit, (u) => u.displayName);
}
