import { auditHistory, loadExisting } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { addContact, removeContact, restoreContact, updateContact } from './contact.service.js';
import { contactPolicy } from './contact.policy.js';

export const contactResolvers: Resolvers = {
  Mutation: {
    addContact: (_, args, ctx) => addContact(ctx.em, ctx.viewer(contactPolicy, 'write'), args.input, ctx.eventMeta),
    updateContact: (_, args, ctx) => updateContact(ctx.em, ctx.viewer(contactPolicy, 'write'), args.input, ctx.eventMeta),
    removeContact: (_, args, ctx) => removeContact(ctx.em, ctx.viewer(contactPolicy, 'write'), args.id, ctx.eventMeta),
    restoreContact: (_, args, ctx) => restoreContact(ctx.em, ctx.viewer(contactPolicy, 'restore'), args.id, ctx.eventMeta),
  },
  Contact: {
    customer: (contact, _, ctx) => loadExisting(ctx.loaders.customerById, contact.customerId, 'customer'),
    primary: (contact) => contact.isPrimary,
    history: (contact, args, ctx) => auditHistory(ctx.em, 'Contact', contact.id, args.first),
  },
  Customer: {
    contacts: (customer, _, ctx) => ctx.loaders.contactsByCustomer.load(customer.id),
  },
};
