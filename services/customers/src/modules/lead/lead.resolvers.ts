import { auditHistory, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ILead } from './lead.entity.js';
import {
  captureLead,
  convertLead,
  disqualifyLead,
  getLead,
  listLeads,
  qualifyLead,
  submitLeadForm,
  type CaptureLeadInput,
  type ConvertLeadInput,
  type LeadFilter,
  type LeadFormInput,
} from './lead.service.js';

export const leadResolvers: ResolverMap = {
  Query: {
    lead: (_: unknown, args: { id: string }, ctx: Context) => getLead(ctx.em, ctx.principal, args.id),
    leads: (_: unknown, args: { filter?: LeadFilter; first?: number; after?: string }, ctx: Context) => listLeads(ctx.em, ctx.principal, args.filter, args.first, args.after),
  },
  Mutation: {
    captureLead: (_: unknown, args: { input: CaptureLeadInput }, ctx: Context) => captureLead(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    submitLeadForm: (_: unknown, args: { input: LeadFormInput }, ctx: Context) => submitLeadForm(ctx.em, args.input, ctx.eventMeta),
    qualifyLead: (_: unknown, args: { id: string }, ctx: Context) => qualifyLead(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    disqualifyLead: (_: unknown, args: { id: string; reason: string }, ctx: Context) => disqualifyLead(ctx.em, ctx.principal, args.id, args.reason, ctx.eventMeta),
    convertLead: (_: unknown, args: { id: string; input: ConvertLeadInput }, ctx: Context) => convertLead(ctx.em, ctx.principal, args.id, args.input, ctx.eventMeta),
  },
  Lead: {
    owner: (lead: ILead) => (lead.ownerId ? { __typename: 'User', id: lead.ownerId } : null),
    createdAt: (lead: ILead) => lead.createdAt.toISOString(),
    convertedCustomer: (lead: ILead, _: unknown, ctx: Context) => (lead.convertedCustomerId ? ctx.loaders.customerById.load(lead.convertedCustomerId) : null),
    history: (lead: ILead, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Lead', lead.id, args.first),
  },
};
