import { isUuid } from '@rapport/errors';
import type { ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { IUser } from './user.entity.js';
import { createUser, getUser, listUsers, type CreateUserInput, type UserFilter } from './user.service.js';

export const userResolvers: ResolverMap = {
  Query: {
    user: (_: unknown, args: { id: string }, ctx: Context) => getUser(ctx.em, args.id),
    users: (_: unknown, args: { filter?: UserFilter; first?: number; after?: string }, ctx: Context) => listUsers(ctx.em, args.filter, args.first, args.after),
  },
  Mutation: {
    createUser: (_: unknown, args: { input: CreateUserInput }, ctx: Context) => createUser(ctx.em, args.input),
  },
  User: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.userById.load(ref.id.toLowerCase()) : null),
    team: (user: IUser, _: unknown, ctx: Context) => (user.teamId ? ctx.loaders.teamById.load(user.teamId) : null),
    createdAt: (user: IUser) => user.createdAt.toISOString(),
  },
};
