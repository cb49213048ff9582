import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { DunningBlockChangedV1, ReminderSentV1, type EventMetadata } from '@rapport/contracts';
import { badInput, formatAmount, isUuid, MONEY_SCALE, notFound, parseAmount, requireIsoDate, requireText, requireUuid } from '@rapport/errors';
import { assertCustomerVisible, keysetPage, restrictToVisibleCustomers, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { inTransaction, listInvoiceDocuments, nextDocumentNumber, type InvoiceDocumentFilter } from '../invoice/documents.js';
import { utcToday } from '../invoice/invoice.entity.js';
import { placeCreditHold } from '../credit-hold/credit-hold.service.js';
import { DunningBlock, DunningLevel, DunningRun, Reminder, type IDunningBlock, type IDunningLevel, type IDunningRun, type IReminder } from './dunning.entity.js';

/** A run and the reminders it sent. */
export type DunningRunResult = IDunningRun & { reminders: IReminder[] };

/** Where the gateway serves a reminder letter. */
export const reminderPdfPath = (id: string): string => `/files/finance/reminders/${id}.pdf`;

/** The most levels a procedure may have, and the longest wait it may configure. */
const MAX_LEVELS = 10;
const MAX_DAYS_AFTER_DUE = 3650;
/** A fee has at most two places (it is charged in each invoice's currency). */
const CENT = 10n ** BigInt(MONEY_SCALE - 2);

/** The configured levels, first to last. */
export const listDunningLevels = (em: SqlEntityManager): Promise<IDunningLevel[]> => em.find(DunningLevel, {}, { orderBy: { level: 'asc' } });

export interface DunningLevelInput {
  daysAfterDue: number;
  fee?: string | null;
  text: string;
}

/**
 * Replaces the dunning procedure: level N is the N-th entry, due `daysAfterDue` days after the due
 * date (at least 1, and more than the level before), charging `fee` (a non-negative amount with at most
 * two places, charged in each invoice's currency) with `text`. Reminders sent keep what they said; an empty
 * list stops dunning. Refused naming the entry's field.
 */
export async function setDunningLevels(em: SqlEntityManager, _viewer: Viewer<WriteAccess>, levels: readonly DunningLevelInput[]): Promise<IDunningLevel[]> {
  if (levels.length > MAX_LEVELS) throw badInput('levels', `levels may have at most ${MAX_LEVELS} entries`, 'TOO_MANY_LEVELS');
  const drafts = levels.map((input, i) => {
    const field = `levels[${i}]`;
    if (!Number.isInteger(input.daysAfterDue) || input.daysAfterDue < 1 || input.daysAfterDue > MAX_DAYS_AFTER_DUE) {
      throw badInput(`${field}.daysAfterDue`, `${field}.daysAfterDue must be a whole number of days from 1 to ${MAX_DAYS_AFTER_DUE}`, 'INVALID_DAYS');
    }
    const previous = levels[i - 1];
    if (previous && input.daysAfterDue <= previous.daysAfterDue) {
      throw badInput(`${field}.daysAfterDue`, `${field}.daysAfterDue must be more than the level before (${previous.daysAfterDue})`, 'LEVELS_OUT_OF_ORDER');
    }
    const fee = parseAmount(`${field}.fee`, input.fee ?? '0');
    if (fee < 0n) throw badInput(`${field}.fee`, `${field}.fee must not be negative`, 'NEGATIVE_AMOUNT');
    if (fee % CENT !== 0n) throw badInput(`${field}.fee`, `${field}.fee must be a whole number of cents`, 'TOO_MANY_DECIMALS');
    return { level: i + 1, daysAfterDue: input.daysAfterDue, fee: formatAmount(fee), text: requireText(`${field}.text`, input.text, 2000) };
  });
  return inTransaction(em, async (tx) => {
    await lockDunning(tx);
    await tx.nativeDelete(DunningLevel, {});
    const created = drafts.map((d) => tx.create(DunningLevel, { id: randomUUID(), ...d }));
    await tx.flush();
    return created;
  });
}

/** An open invoice a run considers: what is owed, how late, and the last level sent for it. */
interface OverdueRow {
  id: string;
  number: string;
  customer_id: string;
  currency: string;
  due_date: string;
  open_amount: string;
  days_overdue: number;
  last_level: number;
}

/**
 * A dunning run as of `asOf` (today unless given; never a later day): for every invoice still owed
 * (not paid, not credited in full) past its due date, whose customer is not blocked, the next level
 * after the last one sent for it, when the invoice is that many days overdue — one level per run, in
 * order, never the same level twice (the database refuses a second reminder of an invoice's level).
 * Each reminder is numbered REM-YYYY-NNNNNN, keeps the open amount, the level's fee and text, and is
 * announced with `finance.reminder.sent.v1`, all in one transaction; runs wait for each other.
 */
export async function runDunning(em: SqlEntityManager, startedBy: string | null, asOfInput: string | null | undefined, meta: EventMetadata): Promise<DunningRunResult> {
  const today = utcToday();
  const asOf = asOfInput ? requireIsoDate('asOf', asOfInput) : today;
  if (asOf > today) throw badInput('asOf', `asOf must not be after today (${today}): reminders go out for what is overdue now`, 'DATE_IN_FUTURE');
  return inTransaction(em, async (tx) => {
    await lockDunning(tx);
    return sendReminders(tx, asOf, 'USER', startedBy, meta);
  });
}

/** The daily run as of today, unless one ran today already (several instances, or a restart): null then. */
export async function runScheduledDunning(em: SqlEntityManager, meta: EventMetadata = {}): Promise<DunningRunResult | null> {
  const asOf = utcToday();
  return inTransaction(em, async (tx) => {
    await lockDunning(tx);
    if ((await tx.count(DunningRun, { asOf, trigger: 'SCHEDULE' })) > 0) return null;
    return sendReminders(tx, asOf, 'SCHEDULE', null, meta);
  });
}

/** Dunning runs and changes of the levels wait for each other (a transaction-scoped advisory lock). */
const lockDunning = async (tx: SqlEntityManager): Promise<void> => {
  await tx.execute(`select pg_advisory_xact_lock(hashtext('finance:dunning'))`);
};

/** The run itself, in `tx` under the dunning lock. */
async function sendReminders(tx: SqlEntityManager, asOf: string, trigger: IDunningRun['trigger'], startedBy: string | null, meta: EventMetadata): Promise<DunningRunResult> {
  const levels = await listDunningLevels(tx);
  const rows = levels.length
    ? await tx.execute<OverdueRow[]>(
        `select i.id, i.number, i.customer_id, i.currency, i.due_date::text as due_date,
                  (i.total - i.amount_paid - i.amount_credited)::text as open_amount, (?::date - i.due_date) as days_overdue,
                  coalesce((select max(r.level) from reminder r where r.invoice_id = i.id), 0) as last_level
             from invoice i
            where i.status in ('ISSUED', 'PARTIALLY_PAID') and i.due_date < ?::date and i.total - i.amount_paid - i.amount_credited > 0
              and not exists (select 1 from dunning_block b where b.customer_id = i.customer_id)
            order by i.due_date, i.number
              for update of i`,
        [asOf, asOf],
      )
    : [];
  const reminders: IReminder[] = [];
  for (const row of rows) {
    const level = levels[row.last_level];
    if (!level || row.days_overdue < level.daysAfterDue) continue;
    const open = parseAmount('openAmount', row.open_amount);
    const fee = parseAmount('fee', level.fee);
    const reminder = tx.create(Reminder, {
      id: randomUUID(),
      number: await nextDocumentNumber(tx, 'REM', asOf),
      invoiceId: row.id,
      customerId: row.customer_id,
      level: level.level,
      currency: row.currency,
      openAmount: formatAmount(open),
      fee: formatAmount(fee),
      total: formatAmount(open + fee),
      dueDate: row.due_date,
      daysOverdue: row.days_overdue,
      text: level.text,
      sentOn: asOf,
    });
    const money = (units: bigint) => ({ amount: formatAmount(units), currency: row.currency });
    publish(
      tx,
      ReminderSentV1,
      reminder.id,
      {
        reminderId: reminder.id,
        number: reminder.number,
        invoiceId: row.id,
        invoiceNumber: row.number,
        customerId: row.customer_id,
        level: level.level,
        daysOverdue: row.days_overdue,
        openAmount: money(open),
        fee: money(fee),
        total: money(open + fee),
        dueDate: row.due_date,
        sentOn: asOf,
        downloadPath: reminderPdfPath(reminder.id),
      },
      meta,
    );
    reminders.push(reminder);
    if (level.level === levels.length) await placeCreditHold(tx, row.customer_id, level.level, `${row.number} reached reminder level ${level.level}, the last`, meta);
  }
  const run = tx.create(DunningRun, { id: randomUUID(), asOf, trigger, reminderCount: reminders.length, startedBy });
  await tx.flush();
  return Object.assign(run, { reminders });
}

/**
 * Blocks dunning for a customer (a dispute, an arrangement: `reason` required) or releases it; no
 * reminder goes out for a blocked customer's invoices. Announced with `finance.dunning-block.changed.v1`
 * when it changes anything.
 */
export async function setDunningBlock(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: { customerId: string; blocked: boolean; reason?: string | null },
  meta: EventMetadata,
): Promise<IDunningBlock | null> {
  const customerId = requireUuid('input.customerId', input.customerId);
  const reason = input.blocked ? requireText('input.reason', input.reason ?? '', 500) : null;
  return inTransaction(em, async (tx) => {
    await assertCustomerVisible(tx, viewer, customerId, 'input.customerId');
    const current = await tx.findOne(DunningBlock, { customerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    let next: IDunningBlock | null = current;
    if (input.blocked && !current) next = tx.create(DunningBlock, { customerId, reason: reason!, blockedBy: isUuid(viewer.principal.userId) ? viewer.principal.userId : null });
    else if (input.blocked && current) current.reason = reason!;
    else if (current) {
      tx.remove(current);
      next = null;
    }
    if (input.blocked || current) {
      publish(tx, DunningBlockChangedV1, customerId, { customerId, blocked: input.blocked, reason, changedAt: new Date().toISOString() }, meta);
    }
    await tx.flush();
    return next;
  });
}

/** The dunning block of each customer given, for those the viewer may see. */
export async function dunningBlocksOf(em: SqlEntityManager, viewer: Viewer, customerIds: readonly string[]): Promise<IDunningBlock[]> {
  const qb = em
    .createQueryBuilder(DunningBlock, 'b')
    .select('*')
    .where({ customerId: { $in: [...customerIds] } });
  restrictToVisibleCustomers(qb, 'b', viewer);
  return qb.getResultList();
}

/** One reminder by id; NOT_FOUND when it does not exist or the caller may not see its customer. */
export async function getReminder(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IReminder> {
  const qb = em
    .createQueryBuilder(Reminder, 'r')
    .select('*')
    .where({ id: requireUuid(field, id) });
  restrictToVisibleCustomers(qb, 'r', viewer);
  const reminder = await qb.getSingleResult();
  if (!reminder) throw notFound('Reminder', id, field);
  return reminder;
}

const REMINDER_ORDER: Keyset<IReminder> = { sort: 'd.number', kind: 'text', direction: 'desc', id: 'd.id', sortValue: (r) => r.number };

/** The reminders the caller may see, newest number first, paged by keyset; optionally one customer's or one invoice's. */
export const listReminders = (
  em: SqlEntityManager,
  viewer: Viewer,
  filter: InvoiceDocumentFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IReminder>> => listInvoiceDocuments(em, Reminder, REMINDER_ORDER, 'reminders', viewer, filter, { first, after });
