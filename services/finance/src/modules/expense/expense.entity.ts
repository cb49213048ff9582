import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, deletedAt, money, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

export const EXPENSE_CATEGORIES = ['TRAVEL', 'SAMPLES', 'ENTERTAINMENT', 'OTHER'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export const EXPENSE_STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED'] as const;
export type ExpenseState = (typeof EXPENSE_STATES)[number];

/** How many days after the expense date a claim may still be made and submitted, until finance sets another period. */
export const EXPENSE_CLAIM_DAYS = 90;

/** Finance's settings for expense claims (one row): how many days after its date an expense may still be claimed. */
export const ExpenseSetting = defineEntity({
  name: 'ExpenseSetting',
  tableName: 'expense_setting',
  properties: {
    id: p.integer().primary().autoincrement(false),
    claimDays: p.integer(),
    updatedAt: updatedAt(),
  },
});

/**
 * An expense a user claims back (travel, samples, entertainment), tied to a customer and possibly
 * one of its orders (cost of sale). DRAFT → SUBMITTED → APPROVED or REJECTED, the decision with
 * who took it, when and why; an approved one is then reimbursed by finance (it stays APPROVED: the
 * cost stands, only its payout is recorded). `teamId` is the claimant's team when claimed: its head approves.
 */
export const Expense = defineEntity({
  name: 'Expense',
  tableName: 'expense',
  properties: {
    id: p.uuid().primary(),
    claimantId: p.uuid(),
    teamId: p.uuid().nullable(),
    customerId: p.uuid(),
    orderId: p.uuid().nullable(),
    expenseDate: p.date(),
    category: p.enum([...EXPENSE_CATEGORIES]),
    amount: money(),
    currency: currency(),
    description: p.text(),
    receiptReference: p.text().nullable(),
    state: p.enum([...EXPENSE_STATES]),
    submittedAt: timestamp().nullable(),
    decidedBy: p.uuid().nullable(),
    decidedAt: timestamp().nullable(),
    decisionComment: p.text().nullable(),
    /** When finance paid an approved expense back to its claimant; null until then. */
    reimbursedOn: p.date().nullable(),
    reimbursementReference: p.text().nullable(),
    reimbursedBy: p.uuid().nullable(),
    /** When its claimant deleted the draft (soft: kept, no longer listed or summed); null otherwise. */
    deletedAt: deletedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  indexes: [
    { name: 'expense_customer_idx', properties: ['customerId'] },
    { name: 'expense_order_idx', properties: ['orderId'] },
    { name: 'expense_claimant_idx', properties: ['claimantId'] },
  ],
});
export type IExpense = InferEntity<typeof Expense>;
