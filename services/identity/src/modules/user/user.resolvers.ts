import { isUuid } from '@rapport/errors';
import { auditHistory, type FieldRules } from '@rapport/subgraph-kit';
import type { Principal } from '@rapport/auth';
import { requireAdmin, requirePrincipal } from '../../access.js';
import type { Resolvers } from '../../generated/graphql.js';
import { createUser, deactivateUser, getUser, listUsers, resetPassword, setUserRole } from './user.service.js';

const isAdmin = (principal: Principal | null): boolean => principal?.role === 'ADMIN';

/**
 * A user's fields not everyone who sees the user may see: the sign-in security state (wrong
 * passwords, the lock, the password's hash) is the administrators' business. The User type shows
 * none of them, and its history shows their changes to administrators only.
 */
export const userFields: FieldRules = { failedSignIns: isAdmin, lockedUntil: isAdmin, passwordHash: isAdmin };

export const userResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => getUser(ctx.em, requirePrincipal(ctx).userId),
    user: (_, args, ctx) => getUser(ctx.em, args.id),
    users: (_, args, ctx) => listUsers(ctx.em, args.filter, args.first, args.after),
  },
  Mutation: {
    createUser: (_, args, ctx) => {
      requireAdmin(ctx);
      return createUser(ctx.em, args.input, ctx.eventMeta);
    },
    setUserRole: (_, args, ctx) => {
      requireAdmin(ctx);
      return setUserRole(ctx.em, args.id, args.role, ctx.eventMeta);
    },
    deactivateUser: (_, args, ctx) => {
      requireAdmin(ctx);
      return deactivateUser(ctx.em, args.id, ctx.eventMeta);
    },
    resetPassword: (_, args, ctx) => {
      requireAdmin(ctx);
      return resetPassword(ctx.em, args.id, args.newPassword);
    },
  },
  User: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.userById.load(ref.id.toLowerCase()) : null),
    team: (user, _, ctx) => (user.teamId ? ctx.loaders.teamById.load(user.teamId) : null),
    history: (user, args, ctx) => auditHistory(ctx.em, 'User', user.id, args.first, { principal: ctx.principal, rules: userFields }),
  },
};
