import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { listSlaTargets, setSlaTarget, ticketSla } from './sla.service.js';
import { slaTargetPolicy } from './sla.policy.js';

export const slaResolvers: Resolvers = {
  Query: {
    slaTargets: (_, __, ctx) => listSlaTargets(ctx.em, ctx.viewer(slaTargetPolicy, 'read')),
  },
  Mutation: {
    setSlaTarget: (_, args, ctx) => setSlaTarget(ctx.em, ctx.viewer(slaTargetPolicy, 'write'), args.input, ctx.eventMeta),
  },
  Ticket: {
    sla: async (ticket, _, ctx) => {
      const target = await ctx.loaders.slaTargetByPriority.load(ticket.priority);
      if (!target) throw new Error(`no SLA target for priority ${ticket.priority}`);
      return ticketSla(ticket, target, new Date());
    },
  },
  TicketSla: {},
  SlaTarget: {
    history: (target, args, ctx) => auditHistory(ctx.em, 'SlaTarget', target.priority, args.first),
  },
};
