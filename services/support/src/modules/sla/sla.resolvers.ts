import { auditHistory, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ITicket } from '../ticket/ticket.entity.js';
import type { SlaClock } from './sla-clock.js';
import type { ISlaTarget } from './sla.entity.js';
import { listSlaTargets, setSlaTarget, ticketSla, type SetSlaTargetInput } from './sla.service.js';

export const slaResolvers: ResolverMap = {
  Query: {
    slaTargets: (_: unknown, __: unknown, ctx: Context) => listSlaTargets(ctx.em, ctx.principal),
  },
  Mutation: {
    setSlaTarget: (_: unknown, args: { input: SetSlaTargetInput }, ctx: Context) => setSlaTarget(ctx.em, ctx.principal, args.input, ctx.eventMeta),
  },
  Ticket: {
    sla: async (ticket: ITicket, _: unknown, ctx: Context) => {
      const target = await ctx.loaders.slaTargetByPriority.load(ticket.priority);
      if (!target) throw new Error(`no SLA target for priority ${ticket.priority}`);
      return ticketSla(ticket, target, new Date());
    },
  },
  TicketSla: {
    firstResponseDueAt: (sla: SlaClock) => sla.firstResponseDueAt.toISOString(),
    resolutionDueAt: (sla: SlaClock) => sla.resolutionDueAt.toISOString(),
  },
  SlaTarget: {
    updatedAt: (target: ISlaTarget) => target.updatedAt.toISOString(),
    history: (target: ISlaTarget, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'SlaTarget', target.priority, args.first),
  },
};
