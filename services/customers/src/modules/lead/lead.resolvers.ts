import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { captureLead, convertLead, disqualifyLead, getLead, listLeads, qualifyLead, submitLeadForm } from './lead.service.js';
import { customerPolicy } from '../customer/customer.policy.js';
import { leadPolicy } from './lead.policy.js';

export const leadResolvers: Resolvers = {
  Query: {
    lead: (_, args, ctx) => getLead(ctx.em, ctx.viewer(leadPolicy, 'read'), args.id),
    leads: (_, args, ctx) => listLeads(ctx.em, ctx.viewer(leadPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    captureLead: (_, args, ctx) => captureLead(ctx.em, ctx.viewer(leadPolicy, 'write'), args.input, ctx.eventMeta),
    submitLeadForm: (_, args, ctx) => submitLeadForm(ctx.em, args.input, ctx.eventMeta),
    qualifyLead: (_, args, ctx) => qualifyLead(ctx.em, ctx.viewer(leadPolicy, 'write'), args.id, ctx.eventMeta),
    disqualifyLead: (_, args, ctx) => disqualifyLead(ctx.em, ctx.viewer(leadPolicy, 'write'), args.id, args.reason, ctx.eventMeta),
    convertLead: (_, args, ctx) => convertLead(ctx.em, ctx.viewer(leadPolicy, 'write'), ctx.viewer(customerPolicy, 'write'), args.id, args.input, ctx.eventMeta),
  },
  Lead: {
    owner: (lead) => (lead.ownerId ? { __typename: 'User', id: lead.ownerId } : null),
    convertedCustomer: (lead, _, ctx) => (lead.convertedCustomerId ? ctx.loaders.customerById.load(lead.convertedCustomerId) : null),
    history: (lead, args, ctx) => auditHistory(ctx.em, 'Lead', lead.id, args.first),
  },
};
