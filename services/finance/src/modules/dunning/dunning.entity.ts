import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, money, updatedAt } from '@rapport/subgraph-kit/properties';
import { percent } from '../order-copy/order-copy.entity.js';

/**
 * A step of the dunning procedure, configured by accountants: reminder `level` N (1, 2, 3…) goes out
 * once an invoice is `daysAfterDue` days past its due date and level N − 1 was sent; `fee` is charged
 * with it, in the invoice's currency (0 for none), and `text` is the letter's wording.
 */
export const DunningLevel = defineEntity({
  name: 'DunningLevel',
  tableName: 'dunning_level',
  properties: {
    id: p.uuid().primary(),
    level: p.integer().unique('dunning_level_level_key'),
    daysAfterDue: p.integer(),
    fee: money().defaultRaw('0'),
    /** The tax rate (percent) on the fee's invoice; 0 (tax-free) unless configured. */
    feeTaxRate: percent().defaultRaw('0'),
    text: p.text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IDunningLevel = InferEntity<typeof DunningLevel>;

/**
 * A reminder sent for one overdue invoice at one level (never twice: unique per invoice and level),
 * numbered REM-YYYY-NNNNNN without gaps. It keeps what it said when sent: the open amount, the fee,
 * their sum, the days overdue and the level's text; a later change of the levels changes nothing here.
 */
export const Reminder = defineEntity({
  name: 'Reminder',
  tableName: 'reminder',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('reminder_number_key'),
    invoiceId: p.uuid(),
    customerId: p.uuid(),
    level: p.integer(),
    currency: currency(),
    openAmount: money(),
    fee: money(),
    total: money(),
    dueDate: p.date(),
    daysOverdue: p.integer(),
    text: p.text(),
    sentOn: p.date(),
    /** The invoice of kind FEE that made the fee owed, issued with the reminder; null when it charged none. */
    feeInvoiceId: p.uuid().nullable(),
    createdAt: createdAt(),
  },
  uniques: [{ name: 'reminder_invoice_level_key', properties: ['invoiceId', 'level'] }],
  indexes: [{ name: 'reminder_customer_idx', properties: ['customerId'] }],
});
export type IReminder = InferEntity<typeof Reminder>;

/** A customer whose invoices are not dunned (a dispute, an arrangement): the reason and who blocked it. */
export const DunningBlock = defineEntity({
  name: 'DunningBlock',
  tableName: 'dunning_block',
  properties: {
    customerId: p.uuid().primary(),
    reason: p.text(),
    blockedBy: p.uuid().nullable(),
    createdAt: createdAt(),
  },
});
export type IDunningBlock = InferEntity<typeof DunningBlock>;

export const DUNNING_TRIGGERS = ['SCHEDULE', 'USER'] as const;

/** One dunning run: the day it judged overdue by, who started it (the daily schedule or a user) and how many reminders it sent. */
export const DunningRun = defineEntity({
  name: 'DunningRun',
  tableName: 'dunning_run',
  properties: {
    id: p.uuid().primary(),
    asOf: p.date(),
    trigger: p.enum([...DUNNING_TRIGGERS]),
    reminderCount: p.integer(),
    startedBy: p.uuid().nullable(),
    createdAt: createdAt(),
  },
  indexes: [{ name: 'dunning_run_as_of_idx', properties: ['asOf'] }],
});
export type IDunningRun = InferEntity<typeof DunningRun>;
