import { isUuid } from '@rapport/errors';
import { auditHistory, type ResolverMap } from '@rapport/subgraph-kit';
import { requireAdmin } from '../../access.js';
import type { Context } from '../../context.js';
import type { ITeam } from './team.entity.js';
import { createTeam, listTeams, type CreateTeamInput } from './team.service.js';

export const teamResolvers: ResolverMap = {
  Query: {
    teams: (_: unknown, __: unknown, ctx: Context) => listTeams(ctx.em),
  },
  Mutation: {
    createTeam: (_: unknown, args: { input: CreateTeamInput }, ctx: Context) => {
      requireAdmin(ctx);
      return createTeam(ctx.em, args.input, ctx.eventMeta);
    },
  },
  Team: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.teamById.load(ref.id.toLowerCase()) : null),
    parent: (team: ITeam, _: unknown, ctx: Context) => (team.parentId ? ctx.loaders.teamById.load(team.parentId) : null),
    members: (team: ITeam, _: unknown, ctx: Context) => ctx.loaders.membersByTeamId.load(team.id),
    createdAt: (team: ITeam) => team.createdAt.toISOString(),
    history: (team: ITeam, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Team', team.id, args.first),
  },
};
