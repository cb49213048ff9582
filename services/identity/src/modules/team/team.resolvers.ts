import { isUuid } from '@rapport/errors';
import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { teamPolicy } from './team.policy.js';
import { createTeam, listTeams } from './team.service.js';

export const teamResolvers: Resolvers = {
  Query: {
    teams: (_, __, ctx) => listTeams(ctx.em, ctx.viewer(teamPolicy, 'read')),
  },
  Mutation: {
    createTeam: (_, args, ctx) => createTeam(ctx.em, ctx.viewer(teamPolicy, 'write'), args.input, ctx.eventMeta),
  },
  Team: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.teamById.load(ref.id.toLowerCase()) : null),
    parent: (team, _, ctx) => (team.parentId ? ctx.loaders.teamById.load(team.parentId) : null),
    members: (team, _, ctx) => ctx.loaders.membersByTeamId.load(team.id),
    history: (team, args, ctx) => auditHistory(ctx.em, 'Team', team.id, args.first),
  },
};
