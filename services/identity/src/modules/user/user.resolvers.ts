import { isUuid } from '@rapport/errors';
import { auditHistory, viewerFor, type FieldRules } from '@rapport/subgraph-kit';
import type { Principal } from '@rapport/auth';
import type { Resolvers } from '../../generated/graphql.js';
import type { PasswordHashing } from '../session/password.js';
import { userPolicy } from './user.policy.js';
import { createUser, deactivateUser, getUser, listUsers, resetPassword, setUserRole } from './user.service.js';

/** Whether the caller administers users (writes them, by `userPolicy`). */
const administersUsers = (principal: Principal | null): boolean => viewerFor(principal, userPolicy, 'lookup')?.access === 'all';

/**
 * A user's fields not everyone who sees the user may see: the sign-in security state (wrong
 * passwords, the lock, the password's hash) is the administrators' business. The User type shows
 * none of them, and its history shows their changes to administrators only.
 */
export const userFields: FieldRules = { failedSignIns: administersUsers, lockedUntil: administersUsers, passwordHash: administersUsers };

/** The user module's resolvers; new passwords hashed at cost `hashing` (SCRYPT_PARAMS by default). */
export const createUserResolvers = (hashing?: PasswordHashing): Resolvers => ({
  Query: {
    me: (_, __, ctx) => {
      const viewer = ctx.viewer(userPolicy, 'read');
      return getUser(ctx.em, viewer, viewer.principal.userId);
    },
    user: (_, args, ctx) => getUser(ctx.em, ctx.viewer(userPolicy, 'read'), args.id),
    users: (_, args, ctx) => listUsers(ctx.em, ctx.viewer(userPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    createUser: (_, args, ctx) => createUser(ctx.em, ctx.viewer(userPolicy, 'write'), args.input, ctx.eventMeta, hashing),
    setUserRole: (_, args, ctx) => setUserRole(ctx.em, ctx.viewer(userPolicy, 'write'), args.id, args.role, ctx.eventMeta),
    deactivateUser: (_, args, ctx) => deactivateUser(ctx.em, ctx.viewer(userPolicy, 'write'), args.id, ctx.eventMeta),
    resetPassword: (_, args, ctx) => resetPassword(ctx.em, ctx.viewer(userPolicy, 'write'), args.id, args.newPassword, hashing),
  },
  User: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.userById.load(ref.id.toLowerCase()) : null),
    team: (user, _, ctx) => (user.teamId ? ctx.loaders.teamById.load(user.teamId) : null),
    history: (user, args, ctx) => auditHistory(ctx.em, 'User', user.id, args.first, { principal: ctx.principal, rules: userFields }),
  },
});
