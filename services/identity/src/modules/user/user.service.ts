import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { UserCreatedV1, UserDeactivatedV1, UserRoleChangedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, conflict, notFound, optionalEmail, optionalText, requireText, requireUuid } from '@rapport/errors';
import { keysetPage, transition, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { hashPassword, requirePassword, type PasswordHashing } from '../session/password.js';
import { announceRevocation, revokeUserRefreshTokens } from '../session/session.service.js';
import { Team } from '../team/team.entity.js';
import { User, type IUser } from './user.entity.js';
import type { Role } from '../../generated/types.js';

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  teamId?: string | null;
  /** The initial password; without one the user cannot sign in until an administrator sets one. */
  password?: string | null;
}

const emailTaken = (email: string) => conflict('USER_EMAIL_TAKEN', `a user with email ${email} already exists`, 'input.email');

/** Validates and creates a user and its `identity.user.created.v1`; the email is stored lower-cased and must be unique. */
export async function createUser(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreateUserInput, meta: EventMetadata, hashing?: PasswordHashing): Promise<IUser> {
  const email = optionalEmail('input.email', input.email);
  if (email === null) throw badInput('input.email', 'input.email must not be empty', 'REQUIRED');
  const displayName = requireText('input.displayName', input.displayName);
  const role = input.role;
  const teamId = input.teamId ? requireUuid('input.teamId', input.teamId) : null;
  const password = input.password === null || input.password === undefined ? null : requirePassword('input.password', input.password);

  if (teamId && !(await em.findOne(Team, { id: teamId }, { fields: ['id'] }))) throw notFound('Team', teamId, 'input.teamId');
  if (await em.findOne(User, { email }, { fields: ['id'] })) throw emailTaken(email);

  const passwordHash = password === null ? null : await hashPassword(password, hashing);
  const user = em.create(User, { id: randomUUID(), email, displayName, role, teamId, passwordHash, createdAt: new Date() });
  publish(em, UserCreatedV1, user.id, { userId: user.id, email, displayName, role, teamId, createdAt: user.createdAt.toISOString() }, meta);
  try {
    await em.flush();
  } catch (error) {
    // Another request took the email between our check and the insert.
    if (error instanceof UniqueConstraintViolationException) throw emailTaken(email);
    throw error;
  }
  return user;
}

export async function getUser(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IUser> {
  const user = await em.findOne(User, { id: requireUuid(field, id) });
  if (!user) throw notFound('User', id, field);
  return user;
}

export interface UserFilter {
  role?: Role | null;
  teamId?: string | null;
  search?: string | null;
}

const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Users by display name, then id. */
const USER_ORDER: Keyset<IUser> = { sort: 'u.display_name', kind: 'text', direction: 'asc', id: 'u.id', sortValue: (u) => u.displayName };

/** Users by display name, then id, paged by keyset (never OFFSET). */
export async function listUsers(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: UserFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IUser>> {
  const qb = em.createQueryBuilder(User, 'u').select('*');
  if (filter?.role) qb.andWhere({ role: filter.role });
  if (filter?.teamId) qb.andWhere({ teamId: requireUuid('filter.teamId', filter.teamId) });
  const search = optionalText('filter.search', filter?.search, 100);
  if (search) qb.andWhere({ $or: [{ displayName: { $ilike: likePattern(search) } }, { email: { $ilike: likePattern(search) } }] });
  return keysetPage(qb, USER_ORDER, { field: 'users', first, after });
}

/** CONFLICT unless another active ADMIN remains when `user` stops being one. */
async function requireAnotherAdmin(em: SqlEntityManager, user: IUser, field: string): Promise<void> {
  if (user.role !== 'ADMIN' || !user.active) return;
  const others = await em.count(User, { role: 'ADMIN', active: true, id: { $ne: user.id } });
  if (others === 0) throw conflict('LAST_ADMIN', 'Rapport must keep at least one active administrator', field);
}

/**
 * Gives a user another role and writes `identity.user.role-changed.v1` (when it changes); it
 * reaches their access token at the next sign-in or refresh.
 */
export async function setUserRole(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, role: Role, meta: EventMetadata): Promise<IUser> {
  const newRole = role;
  return transition(
    em,
    (tx) => getUser(tx, viewer, id),
    async (user, tx) => {
      if (newRole !== 'ADMIN') await requireAnotherAdmin(tx, user, 'role');
      const fromRole = user.role;
      user.role = newRole;
      if (fromRole !== newRole) publish(tx, UserRoleChangedV1, user.id, { userId: user.id, fromRole, toRole: newRole, changedAt: new Date().toISOString() }, meta);
      return user;
    },
  );
}

/**
 * Deactivates a user: no more sign-ins, every refresh token revoked, and every access token issued
 * until now revoked through `identity.access.revoked.v1`; their records stay theirs. Under the
 * user's row lock: of concurrent deactivations one wins, the others find the user inactive already
 * (CONFLICT).
 */
export async function deactivateUser(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IUser> {
  return transition(
    em,
    (tx) => getUser(tx, viewer, id),
    async (user, tx) => {
      if (!user.active) throw conflict('USER_INACTIVE', `user ${user.email} is inactive already`, 'id');
      await requireAnotherAdmin(tx, user, 'id');
      const deactivatedAt = new Date();
      user.active = false;
      await revokeUserRefreshTokens(tx, user.id);
      publish(tx, UserDeactivatedV1, user.id, { userId: user.id, deactivatedAt: deactivatedAt.toISOString() }, meta);
      announceRevocation(tx, { userId: user.id, tokenIds: [], issuedBefore: deactivatedAt, reason: 'DEACTIVATED' }, meta);
      return user;
    },
  );
}

/** Sets a user's password (an administrator's reset): unlocks the account and revokes every refresh token. */
export async function resetPassword(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, newPassword: string, hashing?: PasswordHashing): Promise<boolean> {
  const password = requirePassword('newPassword', newPassword);
  const user = await getUser(em, viewer, id);
  const passwordHash = await hashPassword(password, hashing);
  await em.transactional(async (tx) => {
    await tx.nativeUpdate(User, { id: user.id }, { passwordHash, failedSignIns: 0, lockedUntil: null });
    await revokeUserRefreshTokens(tx, user.id);
  });
  return true;
}

/**
 * Creates the first administrator from `admin` when no ADMIN exists yet (on a fresh install);
 * returns it, or null when there already is one. Refuses to start when the email belongs to a user
 * who is not an administrator, rather than promote them silently.
 */
export async function ensureFirstAdmin(em: SqlEntityManager, admin: { email: string; password: string }, hashing?: PasswordHashing): Promise<IUser | null> {
  return em.transactional(async (tx) => {
    // Two instances starting together must not both create one.
    await tx.execute("select pg_advisory_xact_lock(hashtext('identity:first-admin'))");
    if ((await tx.count(User, { role: 'ADMIN' })) > 0) return null;
    const email = admin.email.trim().toLowerCase();
    if (await tx.findOne(User, { email }, { fields: ['id'] })) {
      throw new Error(`RAPPORT_ADMIN_EMAIL ${email} belongs to a user who is not an administrator; choose another email`);
    }
    const user = tx.create(User, {
      id: randomUUID(),
      email,
      displayName: 'Administrator',
      role: 'ADMIN',
      teamId: null,
      passwordHash: await hashPassword(requirePassword('RAPPORT_ADMIN_PASSWORD', admin.password), hashing),
      createdAt: new Date(),
    });
    publish(tx, UserCreatedV1, user.id, { userId: user.id, email, displayName: user.displayName, role: user.role, teamId: null, createdAt: user.createdAt.toISOString() });
    return user;
  });
}
