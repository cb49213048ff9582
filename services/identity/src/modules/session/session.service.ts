import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { isTeamHead, signAccessToken, type Principal } from '@rapport/auth';
import { publish } from '@rapport/bus';
import { AccessRevokedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, badInput, notFound } from '@rapport/errors';
import type { KeyRing } from '../signing-key/signing-key.service.js';
import { User, type IUser } from '../user/user.entity.js';
import { hashPassword, PASSWORD_MAX_LENGTH, requirePassword, verifyAgainstDummy, verifyPassword, type PasswordHashing } from './password.js';
import { RefreshToken } from './refresh-token.entity.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Wrong passwords in a row that lock an account, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

/** What a client gets on signing in or refreshing. */
export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: IUser;
}

export interface SignInInput {
  email: string;
  password: string;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

const invalidCredentials = (message = 'email or password is wrong'): AppError => new AppError('UNAUTHENTICATED', 'INVALID_CREDENTIALS', message);
const accountLocked = (until: Date): AppError =>
  new AppError('UNAUTHENTICATED', 'ACCOUNT_LOCKED', `too many wrong passwords: the account is locked until ${until.toISOString()}`, {
    details: { lockedUntil: until.toISOString() },
  });
const accountDisabled = (): AppError => new AppError('UNAUTHENTICATED', 'ACCOUNT_DISABLED', 'this account is deactivated');
const refreshRefused = (code: string, message: string): AppError => new AppError('UNAUTHENTICATED', code, message);

/** The stored form of a refresh token: its SHA-256, so a database leak yields no usable token. */
const hashRefreshToken = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** A presented secret (password or refresh token): present, and not absurdly long. */
function requireSecret(field: string, value: string, max = PASSWORD_MAX_LENGTH): string {
  if (value.length === 0) throw badInput(field, `${field} must not be empty`, 'REQUIRED');
  if (value.length > max) throw badInput(field, `${field} must be at most ${max} characters`, 'TOO_LONG');
  return value;
}

/**
 * The teams the access token names: a team head (`isTeamHead`) heads their team and every team below it;
 * anyone else is scoped to their own team (none without a team).
 */
export async function teamIdsFor(em: SqlEntityManager, user: IUser): Promise<string[]> {
  if (!user.teamId) return [];
  if (!isTeamHead(user)) return [user.teamId];
  const rows: { id: string }[] = await em.execute(
    `with recursive subtree (id, depth) as (
       select id, 0 from team where id = ?
       union
       select t.id, s.depth + 1 from team t join subtree s on t.parent_id = s.id
     )
     select id from subtree order by depth, id`,
    [user.teamId],
  );
  return rows.map((r) => r.id);
}

/** Signs an access token for `user` and stores a new refresh token (flushed by the caller). */
async function issueSession(em: SqlEntityManager, ring: KeyRing, user: IUser): Promise<{ session: Session; refreshTokenId: string }> {
  const teamIds = await teamIdsFor(em, user);
  const access = await signAccessToken(ring.active(), { userId: user.id, email: user.email, role: user.role, teamIds }, { ttlSeconds: ACCESS_TOKEN_TTL_SECONDS });
  const refreshToken = randomBytes(32).toString('base64url');
  const refreshTokenExpiresAt = new Date(Date.now() + REFRESH_TOKEN_TTL_MS);
  const row = em.create(RefreshToken, {
    id: randomUUID(),
    userId: user.id,
    tokenHash: hashRefreshToken(refreshToken),
    expiresAt: refreshTokenExpiresAt,
    revokedAt: null,
    replacedBy: null,
  });
  return { session: { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, user }, refreshTokenId: row.id };
}

/** Counts a wrong password; the MAX_FAILED_SIGN_INS-th in a row locks the account (and restarts the count). */
async function recordFailedSignIn(em: SqlEntityManager, userId: string): Promise<Date | null> {
  const rows: { locked_until: Date | null; locked: boolean }[] = await em.execute(
    `update app_user set
       failed_sign_ins = case when failed_sign_ins + 1 >= ? then 0 else failed_sign_ins + 1 end,
       locked_until = case when failed_sign_ins + 1 >= ? then now() + make_interval(mins => ?) else locked_until end
     where id = ?
     returning locked_until, coalesce(locked_until > now(), false) as locked`,
    [MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS, LOCK_MINUTES, userId],
  );
  const row = rows[0];
  return row?.locked && row.locked_until ? new Date(row.locked_until) : null;
}

/**
 * Checks `password` against `user`'s, with lockout: refused while locked; a wrong password is
 * counted and may lock the account; a right one resets the count. An unknown user (or one without a
 * password) costs the same hashing time and gets the same answer as a wrong password.
 */
async function checkPassword(em: SqlEntityManager, user: IUser | null, password: string, wrongMessage?: string, hashing?: PasswordHashing): Promise<IUser> {
  const stored = user?.passwordHash ?? null;
  if (!user || !stored) {
    await verifyAgainstDummy(password, hashing);
    throw invalidCredentials(wrongMessage);
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await verifyAgainstDummy(password, hashing);
    throw accountLocked(user.lockedUntil);
  }
  if (!(await verifyPassword(password, stored))) {
    const lockedUntil = await recordFailedSignIn(em, user.id);
    throw lockedUntil ? accountLocked(lockedUntil) : invalidCredentials(wrongMessage);
  }
  // A right password clears the count and any lapsed lock; written by the caller's flush.
  user.failedSignIns = 0;
  user.lockedUntil = null;
  return user;
}

/** Signs a user in with email and password; UNAUTHENTICATED (INVALID_CREDENTIALS, ACCOUNT_LOCKED, ACCOUNT_DISABLED) otherwise. */
export async function signIn(em: SqlEntityManager, ring: KeyRing, input: SignInInput, hashing?: PasswordHashing): Promise<Session> {
  const email = requireSecret('input.email', input.email.trim(), 254).toLowerCase();
  const password = requireSecret('input.password', input.password);
  const found = await em.findOne(User, { email }, { populate: ['passwordHash'] });
  const user = await checkPassword(em, found, password, undefined, hashing);
  if (!user.active) throw accountDisabled();
  const { session } = await issueSession(em, ring, user);
  await em.flush();
  return session;
}

/** Revokes `refreshTokenId` and every token issued from it by refreshing, up to the newest. */
async function revokeChain(em: SqlEntityManager, refreshTokenId: string): Promise<void> {
  await em.execute(
    `with recursive chain (id, replaced_by) as (
       select id, replaced_by from refresh_token where id = ?
       union
       select r.id, r.replaced_by from refresh_token r join chain c on r.id = c.replaced_by
     )
     update refresh_token set revoked_at = now() where id in (select id from chain) and revoked_at is null`,
    [refreshTokenId],
  );
}

/** Revokes every refresh token of `userId` still valid (after a password change, reset or deactivation). */
export async function revokeUserRefreshTokens(em: SqlEntityManager, userId: string): Promise<void> {
  await em.nativeUpdate(RefreshToken, { userId, revokedAt: null }, { revokedAt: new Date() });
}

/** Thrown inside the rotation transaction when another request used the token first. */
class RefreshTokenAlreadyUsed extends Error {}

/**
 * Exchanges a refresh token for a new session, once: the token is revoked and replaced. A token
 * presented again after it was used (stolen and replayed, or raced) revokes its whole chain, so
 * whoever holds the newest token is signed out too, and is answered UNAUTHENTICATED.
 */
export async function refreshSession(em: SqlEntityManager, ring: KeyRing, presented: string): Promise<Session> {
  const value = requireSecret('refreshToken', presented, 100);
  const row = await em.findOne(RefreshToken, { tokenHash: hashRefreshToken(value) });
  if (!row) throw refreshRefused('INVALID_REFRESH_TOKEN', 'the refresh token is not valid');
  const reused = async (): Promise<never> => {
    await revokeChain(em, row.id);
    throw refreshRefused('REFRESH_TOKEN_REVOKED', 'the refresh token was revoked or already used; sign in again');
  };
  if (row.revokedAt) return reused();
  if (row.expiresAt <= new Date()) throw refreshRefused('REFRESH_TOKEN_EXPIRED', 'the refresh token has expired; sign in again');
  const user = await em.findOne(User, { id: row.userId });
  if (!user?.active) throw accountDisabled();

  try {
    return await em.transactional(async (tx) => {
      const { session, refreshTokenId } = await issueSession(tx, ring, user);
      await tx.flush();
      // Claim the old token: only one request may replace it.
      const claimed = await tx.nativeUpdate(RefreshToken, { id: row.id, revokedAt: null }, { revokedAt: new Date(), replacedBy: refreshTokenId });
      if (claimed === 0) throw new RefreshTokenAlreadyUsed();
      return session;
    });
  } catch (error) {
    if (error instanceof RefreshTokenAlreadyUsed) return reused();
    throw error;
  }
}

/**
 * Announces that access tokens are revoked before they expire: every subgraph and the gateway put
 * them on their deny list when the event arrives, until the last of them would have expired.
 * Written to the outbox by the caller's flush.
 */
export function announceRevocation(
  em: SqlEntityManager,
  revocation: { userId: string; tokenIds: string[]; issuedBefore: Date | null; reason: 'SIGNED_OUT' | 'DEACTIVATED' },
  meta: EventMetadata,
): void {
  const revokedAt = new Date();
  publish(
    em,
    AccessRevokedV1,
    revocation.userId,
    {
      userId: revocation.userId,
      tokenIds: revocation.tokenIds,
      issuedBefore: revocation.issuedBefore?.toISOString() ?? null,
      reason: revocation.reason,
      revokedAt: revokedAt.toISOString(),
      expiresAt: new Date(revokedAt.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString(),
    },
    meta,
  );
}

/**
 * Signs one of the caller's own sessions out: revokes its refresh token, and the access token the
 * caller presents (refused everywhere once `identity.access.revoked.v1` is handled).
 */
export async function signOut(em: SqlEntityManager, principal: Principal, presented: string, meta: EventMetadata): Promise<boolean> {
  const value = requireSecret('refreshToken', presented, 100);
  const row = await em.findOne(RefreshToken, { tokenHash: hashRefreshToken(value) });
  if (!row) throw new AppError('NOT_FOUND', 'REFRESH_TOKEN_NOT_FOUND', 'no such refresh token', { field: 'refreshToken' });
  if (row.userId !== principal.userId) throw new AppError('FORBIDDEN', 'NOT_YOUR_SESSION', 'only its owner may sign a session out');
  if (!row.revokedAt) row.revokedAt = new Date();
  if (principal.tokenId) announceRevocation(em, { userId: principal.userId, tokenIds: [principal.tokenId], issuedBefore: null, reason: 'SIGNED_OUT' }, meta);
  await em.flush();
  return true;
}

/** Changes the caller's password after checking the current one; every refresh token of theirs is revoked. */
export async function changePassword(em: SqlEntityManager, principal: Principal, input: ChangePasswordInput, hashing?: PasswordHashing): Promise<boolean> {
  const current = requireSecret('input.currentPassword', input.currentPassword);
  const next = requirePassword('input.newPassword', input.newPassword);
  if (next === current) throw badInput('input.newPassword', 'input.newPassword must differ from the current password', 'PASSWORD_UNCHANGED');
  const found = await em.findOne(User, { id: principal.userId }, { populate: ['passwordHash'] });
  if (!found) throw notFound('User', principal.userId);
  const user = await checkPassword(em, found, current, 'the current password is wrong', hashing);
  user.passwordHash = await hashPassword(next, hashing);
  // One transaction: the fork flushes the user's changes at its end, beside the revocations.
  await em.transactional((tx) => revokeUserRefreshTokens(tx, user.id));
  return true;
}
