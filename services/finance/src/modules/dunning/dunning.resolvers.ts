import { formatAmount, isUuid, normaliseAmount } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { invoicePolicy } from '../invoice/invoice.policy.js';
import { dunningProposal, getReminder, listDunningLevels, listReminders, reminderPdfPath, runDunning, setDunningBlock, setDunningLevels } from './dunning.service.js';
import { percentText } from '../invoice/invoice-math.js';

const money = (amount: string, currency: string) => ({ amount: normaliseAmount(amount), currency });

/** Dunning follows the invoices' policy: finance configures and runs it, sales reads its customers' reminders. */
export const dunningResolvers: Resolvers = {
  Query: {
    dunningLevels: (_, __, ctx) => {
      ctx.viewer(invoicePolicy, 'read');
      return listDunningLevels(ctx.em);
    },
    reminder: (_, args, ctx) => getReminder(ctx.em, ctx.viewer(invoicePolicy, 'read'), args.id),
    reminders: (_, args, ctx) => listReminders(ctx.em, ctx.viewer(invoicePolicy, 'read'), args.filter, args.first, args.after),
    dunningProposal: (_, args, ctx) => dunningProposal(ctx.em, ctx.viewer(invoicePolicy, 'write'), args.asOf),
  },
  Mutation: {
    setDunningLevels: (_, args, ctx) => setDunningLevels(ctx.em, ctx.viewer(invoicePolicy, 'write'), args.levels),
    runDunning: (_, args, ctx) => runDunning(ctx.em, ctx.viewer(invoicePolicy, 'write').principal.userId, args.asOf, ctx.eventMeta, args.invoiceIds),
    setDunningBlock: (_, args, ctx) => setDunningBlock(ctx.em, ctx.viewer(invoicePolicy, 'write'), args.input, ctx.eventMeta),
  },
  DunningLevel: {
    fee: (l) => normaliseAmount(l.fee),
    feeTaxRate: (l) => percentText(l.feeTaxRate),
  },
  DunningProposalItem: {
    customer: (d) => ({ __typename: 'Customer', id: d.customerId }),
    invoice: (d, _, ctx) => ctx.loaders.invoiceById.load(d.invoiceId),
    level: (d) => d.level.level,
    openAmount: (d) => money(formatAmount(d.open), d.currency),
    fee: (d) => money(formatAmount(d.fee.gross), d.currency),
    total: (d) => money(formatAmount(d.total), d.currency),
  },
  DunningBlock: {
    blockedAt: (b) => b.createdAt.toISOString(),
  },
  Reminder: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.reminderById.load(ref.id.toLowerCase()) : null),
    invoice: (r, _, ctx) => ctx.loaders.invoiceById.load(r.invoiceId),
    customer: (r) => ({ __typename: 'Customer', id: r.customerId }),
    openAmount: (r) => money(r.openAmount, r.currency),
    fee: (r) => money(r.fee, r.currency),
    feeInvoice: (r, _, ctx) => (r.feeInvoiceId ? ctx.loaders.invoiceById.load(r.feeInvoiceId) : null),
    total: (r) => money(r.total, r.currency),
    pdfPath: (r) => reminderPdfPath(r.id),
  },
  Customer: {
    dunningBlock: async (customer, _, ctx) => (isUuid(customer.id) ? ((await ctx.loaders.dunningBlockByCustomer.load(customer.id.toLowerCase()))[0] ?? null) : null),
  },
};
