import { isUuid } from '@rapport/errors';
import { auditHistory, type FieldRules, type ResolverMap } from '@rapport/subgraph-kit';
import type { Principal } from '@rapport/auth';
import { requireAdmin, requirePrincipal } from '../../access.js';
import type { Context } from '../../context.js';
import type { IUser } from './user.entity.js';
import { createUser, deactivateUser, getUser, listUsers, resetPassword, setUserRole, type CreateUserInput, type UserFilter } from './user.service.js';

const isAdmin = (principal: Principal | null): boolean => principal?.role === 'ADMIN';

/**
 * A user's fields not everyone who sees the user may see: the sign-in security state (wrong
 * passwords, the lock, the password's hash) is the administrators' business. The User type shows
 * none of them, and its history shows their changes to administrators only.
 */
export const userFields: FieldRules = { failedSignIns: isAdmin, lockedUntil: isAdmin, passwordHash: isAdmin };

export const userResolvers: ResolverMap = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Context) => getUser(ctx.em, requirePrincipal(ctx).userId),
    user: (_: unknown, args: { id: string }, ctx: Context) => getUser(ctx.em, args.id),
    users: (_: unknown, args: { filter?: UserFilter; first?: number; after?: string }, ctx: Context) => listUsers(ctx.em, args.filter, args.first, args.after),
  },
  Mutation: {
    createUser: (_: unknown, args: { input: CreateUserInput }, ctx: Context) => {
      requireAdmin(ctx);
      return createUser(ctx.em, args.input, ctx.eventMeta);
    },
    setUserRole: (_: unknown, args: { id: string; role: string }, ctx: Context) => {
      requireAdmin(ctx);
      return setUserRole(ctx.em, args.id, args.role, ctx.eventMeta);
    },
    deactivateUser: (_: unknown, args: { id: string }, ctx: Context) => {
      requireAdmin(ctx);
      return deactivateUser(ctx.em, args.id, ctx.eventMeta);
    },
    resetPassword: (_: unknown, args: { id: string; newPassword: string }, ctx: Context) => {
      requireAdmin(ctx);
      return resetPassword(ctx.em, args.id, args.newPassword);
    },
  },
  User: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.userById.load(ref.id.toLowerCase()) : null),
    team: (user: IUser, _: unknown, ctx: Context) => (user.teamId ? ctx.loaders.teamById.load(user.teamId) : null),
    createdAt: (user: IUser) => user.createdAt.toISOString(),
    history: (user: IUser, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'User', user.id, args.first, { principal: ctx.principal, rules: userFields }),
  },
};
