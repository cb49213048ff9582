import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { DunningBlockChangedV1, ReminderFeeInvoicedV1, ReminderSentV1, type EventMetadata } from '@rapport/contracts';
import { badInput, formatAmount, formatDecimal, isUuid, MONEY_SCALE, notFound, parseAmount, requireIsoDate, requireText, requireUuid } from '@rapport/errors';
import { assertCustomerVisible, restrictToVisibleCustomers, visibleCustomersSql, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { inTransaction, listInvoiceDocuments, nextDocumentNumber, type InvoiceDocumentFilter } from '../invoice/documents.js';
import { utcToday } from '../invoice/invoice.entity.js';
import { parsePercent, PERCENT_PLACES, roundToMinor, taxOn } from '../invoice/invoice-math.js';
import { issueFeeInvoice } from '../invoice/invoice.service.js';
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
  feeTaxRate?: string | null;
  text: string;
}

/**
 * Replaces the dunning procedure: level N is the N-th entry, due `daysAfterDue` days after the due
 * date (at least 1, and more than the level before), charging `fee` (a non-negative amount with at most
 * two places, charged in each invoice's currency as an invoice of kind FEE: half up at the currency's
 * minor unit, taxed at `feeTaxRate` percent, none unless given) with `text`. Reminders sent keep what they said; an empty
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
    const feeTaxRate = input.feeTaxRate ? parsePercent(`${field}.feeTaxRate`, input.feeTaxRate) : 0n;
    return {
      level: i + 1,
      daysAfterDue: input.daysAfterDue,
      fee: formatAmount(fee),
      feeTaxRate: formatDecimal(feeTaxRate, PERCENT_PLACES, 2),
      text: requireText(`${field}.text`, input.text, 2000),
    };
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
  kind: string;
  customer_id: string;
  currency: string;
  rate_to_base: string | null;
  due_date: string;
  open_amount: string;
  days_overdue: number;
  last_level: number;
}

/** The fee a reminder charges: the level's fee half up at the currency's minor unit, its tax, and their sum. */
export interface ReminderFee {
  net: bigint;
  tax: bigint;
  gross: bigint;
}

/**
 * What a level charges on a reminder of an invoice in `currency`: the configured fee (two places)
 * rounded half up to the currency's minor unit (JPY 2.50 → 3, KWD 2.50 → 2.500), plus tax at the
 * level's rate, half up at the minor unit. A FEE invoice is reminded of without a further fee.
 */
export function reminderFee(level: Pick<IDunningLevel, 'fee' | 'feeTaxRate'>, currency: string, invoiceKind: string): ReminderFee {
  if (invoiceKind === 'FEE') return { net: 0n, tax: 0n, gross: 0n };
  const net = roundToMinor(parseAmount('fee', level.fee), currency);
  const tax = taxOn(net, parsePercent('feeTaxRate', level.feeTaxRate), currency);
  return { net, tax, gross: net + tax };
}

/** One reminder a run would send: the invoice, the level it reached, what is open, the fee and the total. */
export interface ProposedReminder {
  invoiceId: string;
  invoiceNumber: string;
  customerId: string;
  currency: string;
  level: IDunningLevel;
  dueDate: string;
  daysOverdue: number;
  open: bigint;
  fee: ReminderFee;
  total: bigint;
  row: OverdueRow;
}

/**
 * The reminders due as of `asOf`: for every invoice still owed (not paid, not credited in full) past its
 * due date, whose customer is not blocked, the next level after the last one sent for it when the invoice
 * is that many days overdue. `lock` locks the invoices (a run); `visible` narrows to the viewer's customers.
 */
async function dueReminders(tx: SqlEntityManager, asOf: string, options: { lock: boolean; viewer?: Viewer }): Promise<ProposedReminder[]> {
  const levels = await listDunningLevels(tx);
  if (!levels.length) return [];
  const visible = options.viewer ? visibleCustomersSql(options.viewer) : null;
  const rows = await tx.execute<OverdueRow[]>(
    `select i.id, i.number, i.kind, i.customer_id, i.currency, i.rate_to_base::text as rate_to_base, i.due_date::text as due_date,
              (i.total - i.amount_paid - i.amount_credited)::text as open_amount, (?::date - i.due_date) as days_overdue,
              coalesce((select max(r.level) from reminder r where r.invoice_id = i.id), 0) as last_level
         from invoice i
        where i.status in ('ISSUED', 'PARTIALLY_PAID') and i.due_date < ?::date and i.total - i.amount_paid - i.amount_credited > 0
          and not exists (select 1 from dunning_block b where b.customer_id = i.customer_id)
          ${visible ? `and i.customer_id in (${visible.sql})` : ''}
        order by i.due_date, i.number
          ${options.lock ? 'for update of i' : ''}`,
    [asOf, asOf, ...(visible?.params ?? [])],
  );
  const due: ProposedReminder[] = [];
  for (const row of rows) {
    const level = levels[row.last_level];
    if (!level || row.days_overdue < level.daysAfterDue) continue;
    const open = parseAmount('openAmount', row.open_amount);
    const fee = reminderFee(level, row.currency, row.kind);
    due.push({
      invoiceId: row.id,
      invoiceNumber: row.number,
      customerId: row.customer_id,
      currency: row.currency,
      level,
      dueDate: row.due_date,
      daysOverdue: row.days_overdue,
      open,
      fee,
      total: open + fee.gross,
      row,
    });
  }
  return due;
}

/** The day a run or proposal judges by: `asOf` (today unless given), never after today. */
function dunningDay(asOfInput: string | null | undefined): string {
  const today = utcToday();
  const asOf = asOfInput ? requireIsoDate('asOf', asOfInput) : today;
  if (asOf > today) throw badInput('asOf', `asOf must not be after today (${today}): reminders go out for what is overdue now`, 'DATE_IN_FUTURE');
  return asOf;
}

/**
 * What `runDunning` would send as of `asOf` (today unless given; never a later day), oldest due date
 * first, over the customers the viewer may see: each invoice, the level it reached, what is open, the fee
 * and the total. Writes nothing.
 */
export async function dunningProposal(em: SqlEntityManager, viewer: Viewer, asOfInput: string | null | undefined): Promise<ProposedReminder[]> {
  const asOf = dunningDay(asOfInput);
  return dueReminders(em, asOf, { lock: false, viewer });
}

/**
 * A dunning run as of `asOf` (today unless given; never a later day): every reminder `dunningProposal`
 * lists — or, with `invoiceIds`, those of the chosen invoices only (each must be due a reminder, else
 * refused naming `invoiceIds[i]`, and nothing is sent) — one level per run, in order, never the same
 * level twice (the database refuses a second reminder of an invoice's level). Each reminder is numbered
 * REM-YYYY-NNNNNN, keeps the open amount, the level's fee and text, and is announced with
 * `finance.reminder.sent.v1`; a fee makes an invoice of kind FEE the customer owes
 * (`finance.reminder.fee-invoiced.v1`); all in one transaction; runs wait for each other.
 */
export async function runDunning(
  em: SqlEntityManager,
  startedBy: string | null,
  asOfInput: string | null | undefined,
  meta: EventMetadata,
  invoiceIdsInput?: readonly string[] | null,
): Promise<DunningRunResult> {
  const asOf = dunningDay(asOfInput);
  const chosen = invoiceIdsInput ? invoiceIdsInput.map((id, i) => requireUuid(`invoiceIds[${i}]`, id).toLowerCase()) : null;
  if (chosen && chosen.length === 0) throw badInput('invoiceIds', 'invoiceIds must name at least one invoice (or be left out to send every reminder due)', 'NO_INVOICES');
  return inTransaction(em, async (tx) => {
    await lockDunning(tx);
    const due = await dueReminders(tx, asOf, { lock: true });
    let send = due;
    if (chosen) {
      const byInvoice = new Map(due.map((d) => [d.invoiceId, d]));
      chosen.forEach((id, i) => {
        if (!byInvoice.has(id)) throw badInput(`invoiceIds[${i}]`, `invoiceIds[${i}] is not due a reminder as of ${asOf} (see dunningProposal)`, 'NOT_DUE_FOR_REMINDER');
        if (chosen.indexOf(id) !== i) throw badInput(`invoiceIds[${i}]`, `invoiceIds[${i}] names an invoice twice`, 'DUPLICATE_INVOICE');
      });
      const wanted = new Set(chosen);
      send = due.filter((d) => wanted.has(d.invoiceId));
    }
    return sendReminders(tx, asOf, 'USER', startedBy, send, meta);
  });
}

/** The daily run as of today, unless one ran today already (several instances, or a restart): null then. */
export async function runScheduledDunning(em: SqlEntityManager, meta: EventMetadata = {}): Promise<DunningRunResult | null> {
  const asOf = utcToday();
  return inTransaction(em, async (tx) => {
    await lockDunning(tx);
    if ((await tx.count(DunningRun, { asOf, trigger: 'SCHEDULE' })) > 0) return null;
    return sendReminders(tx, asOf, 'SCHEDULE', null, await dueReminders(tx, asOf, { lock: true }), meta);
  });
}

/** Dunning runs and changes of the levels wait for each other (a transaction-scoped advisory lock). */
const lockDunning = async (tx: SqlEntityManager): Promise<void> => {
  await tx.execute(`select pg_advisory_xact_lock(hashtext('finance:dunning'))`);
};

/** The run itself, in `tx` under the dunning lock, over the reminders due (invoices locked). */
async function sendReminders(
  tx: SqlEntityManager,
  asOf: string,
  trigger: IDunningRun['trigger'],
  startedBy: string | null,
  due: readonly ProposedReminder[],
  meta: EventMetadata,
): Promise<DunningRunResult> {
  const levelCount = (await listDunningLevels(tx)).length;
  const reminders: IReminder[] = [];
  for (const d of due) {
    const { row, level, open, fee } = d;
    const reminder = tx.create(Reminder, {
      id: randomUUID(),
      number: await nextDocumentNumber(tx, 'REM', asOf),
      invoiceId: row.id,
      customerId: row.customer_id,
      level: level.level,
      currency: row.currency,
      openAmount: formatAmount(open),
      fee: formatAmount(fee.gross),
      total: formatAmount(d.total),
      dueDate: row.due_date,
      daysOverdue: row.days_overdue,
      text: level.text,
      sentOn: asOf,
      feeInvoiceId: null,
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
        fee: money(fee.gross),
        total: money(d.total),
        dueDate: row.due_date,
        sentOn: asOf,
        downloadPath: reminderPdfPath(reminder.id),
      },
      meta,
    );
    if (fee.gross > 0n) {
      const { invoice, lines } = await issueFeeInvoice(
        tx,
        {
          customerId: row.customer_id,
          currency: row.currency,
          fallbackRate: row.rate_to_base,
          issueDate: asOf,
          fee: fee.net,
          taxRate: parsePercent('feeTaxRate', level.feeTaxRate),
          description: `Reminder fee, ${reminder.number} (level ${level.level}) for invoice ${row.number}`,
        },
        meta,
      );
      reminder.feeInvoiceId = invoice.id;
      publish(
        tx,
        ReminderFeeInvoicedV1,
        reminder.id,
        {
          reminderId: reminder.id,
          reminderNumber: reminder.number,
          invoiceId: invoice.id,
          invoiceLineId: lines[0]!.id,
          number: invoice.number,
          customerId: row.customer_id,
          remindedInvoiceId: row.id,
          netTotal: money(fee.net),
          taxTotal: money(fee.tax),
          grossTotal: money(fee.gross),
          issuedOn: invoice.issueDate,
          dueDate: invoice.dueDate,
        },
        meta,
      );
    }
    reminders.push(reminder);
    if (level.level === levelCount) await placeCreditHold(tx, row.customer_id, level.level, `${row.number} reached reminder level ${level.level}, the last`, meta);
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
