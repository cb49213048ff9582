import { auditHistory, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ICustomer } from '../customer/customer.entity.js';
import type { IContact } from './contact.entity.js';
import { addContact, removeContact, restoreContact, updateContact, type AddContactInput, type UpdateContactInput } from './contact.service.js';

export const contactResolvers: ResolverMap = {
  Mutation: {
    addContact: (_: unknown, args: { input: AddContactInput }, ctx: Context) => addContact(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    updateContact: (_: unknown, args: { input: UpdateContactInput }, ctx: Context) => updateContact(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    removeContact: (_: unknown, args: { id: string }, ctx: Context) => removeContact(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    restoreContact: (_: unknown, args: { id: string }, ctx: Context) => restoreContact(ctx.em, ctx.principal, args.id, ctx.eventMeta),
  },
  Contact: {
    customer: (contact: IContact, _: unknown, ctx: Context) => ctx.loaders.customerById.load(contact.customerId),
    primary: (contact: IContact) => contact.isPrimary,
    createdAt: (contact: IContact) => contact.createdAt.toISOString(),
    deletedAt: (contact: IContact) => contact.deletedAt?.toISOString() ?? null,
    history: (contact: IContact, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Contact', contact.id, args.first),
  },
  Customer: {
    contacts: (customer: ICustomer, _: unknown, ctx: Context) => ctx.loaders.contactsByCustomer.load(customer.id),
  },
};
