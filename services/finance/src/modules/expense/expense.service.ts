import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { ExpenseChangedV1, ExpenseDecidedV1, ExpenseDeletedV1, ExpenseDraftedV1, ExpenseReimbursedV1, ExpenseSubmittedV1, type EventMetadata } from '@rapport/contracts';
import {
  AppError,
  badInput,
  conflict,
  normaliseAmount,
  notFound,
  parseAmount,
  parseMoneyInput,
  requireIsoDate,
  requireOneOf,
  requireText,
  requireUuid,
  type Money,
  addDays,
} from '@rapport/errors';
import {
  assertCustomerVisible,
  headedTeams,
  headsTeam,
  keysetPage,
  restrictToVisibleCustomers,
  transition,
  visibleCustomersSql,
  type Connection,
  type Keyset,
  type Viewer,
  type WriteAccess,
  visibleById,
} from '@rapport/subgraph-kit';
import { isWholeMinor } from '../invoice/invoice-math.js';
import { utcToday } from '../invoice/invoice.entity.js';
import { SalesOrder } from '../order-copy/order-copy.entity.js';
import { EXPENSE_CATEGORIES, EXPENSE_CLAIM_DAYS, EXPENSE_STATES, Expense, ExpenseSetting, type IExpense } from './expense.entity.js';

/** The day `days` days before `day` (ISO 8601). */

/** How many days after its date an expense may still be claimed: finance's setting, else `EXPENSE_CLAIM_DAYS`. */
export async function claimPeriodDays(em: SqlEntityManager): Promise<number> {
  const setting = await em.findOne(ExpenseSetting, { id: 1 });
  return setting?.claimDays ?? EXPENSE_CLAIM_DAYS;
}

/** Sets the claim period (finance, directors, admins: unscoped access); claims already submitted keep their state. */
export async function setExpenseClaimPeriod(em: SqlEntityManager, viewer: Viewer<WriteAccess>, days: number): Promise<number> {
  if (viewer.access !== 'all') throw new AppError('FORBIDDEN', 'FINANCE_ONLY', `${viewer.principal.role} may not set the expense claim period`);
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw badInput('days', 'days must be a whole number from 1 to 3650', 'INVALID_VALUE');
  return em.transactional(async (tx) => {
    const setting = await tx.findOne(ExpenseSetting, { id: 1 }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (setting) setting.claimDays = days;
    else tx.create(ExpenseSetting, { id: 1, claimDays: days });
    await tx.flush();
    return days;
  });
}

/** Refuses an expense date in the future or older than the claim period allows (`field` named). */
async function assertClaimable(em: SqlEntityManager, field: string, expenseDate: string, today = utcToday()): Promise<void> {
  if (expenseDate > today) throw badInput(field, `${field} must not be in the future`, 'EXPENSE_DATE_IN_FUTURE');
  const days = await claimPeriodDays(em);
  if (expenseDate < addDays(today, -days)) throw badInput(field, `${field} ${expenseDate} is more than ${days} days ago: the claim period is over`, 'CLAIM_PERIOD_OVER');
}

/**
 * Narrows a query on expenses (alias `alias`) to what the viewer may see, never a deleted draft: everything with
 * unscoped access (finance, directors, admins); otherwise their own claims, the claims of the teams
 * they head, and the approved claims of the customers they may see.
 */
function restrictToVisibleExpenses(qb: { andWhere(sql: string, params?: unknown[]): unknown }, alias: string, viewer: Viewer): void {
  qb.andWhere(`${alias}.deleted_at is null`);
  const visible = visibleCustomersSql(viewer);
  if (!visible) return;
  const teams = headedTeams(viewer);
  const teamClause = teams.length ? ` or ${alias}.team_id in (${teams.map(() => '?').join(', ')})` : '';
  qb.andWhere(`(${alias}.claimant_id = ?${teamClause} or (${alias}.state = 'APPROVED' and ${alias}.customer_id in (${visible.sql})))`, [
    viewer.principal.userId,
    ...teams,
    ...visible.params,
  ]);
}

export interface CreateExpenseInput {
  customerId?: string | null;
  orderId?: string | null;
  expenseDate: string;
  category: string;
  amount: Money;
  description: string;
  receiptReference?: string | null;
}

/** The customer an expense is tied to: the order's (which must be known to finance and visible), the one named (which must agree), or both. */
async function claimedCustomer(em: SqlEntityManager, viewer: Viewer, input: CreateExpenseInput): Promise<{ customerId: string; orderId: string | null; currency?: string }> {
  const named = input.customerId ? requireUuid('input.customerId', input.customerId) : null;
  const orderId = input.orderId ? requireUuid('input.orderId', input.orderId) : null;
  if (!named && !orderId)
    throw badInput('input.customerId', 'name input.customerId, input.orderId or both: an expense is tied to a customer or an order', 'CUSTOMER_OR_ORDER_REQUIRED');
  if (orderId) {
    const qb = em.createQueryBuilder(SalesOrder, 'o').select('*').where({ id: orderId });
    restrictToVisibleCustomers(qb, 'o', viewer);
    const order = await qb.getSingleResult();
    if (!order) throw notFound('Order', orderId, 'input.orderId');
    if (named && named !== order.customerId) throw badInput('input.orderId', `order ${order.number} is not an order of customer ${named}`, 'ORDER_OF_OTHER_CUSTOMER');
    return { customerId: order.customerId, orderId };
  }
  const customerId = named!;
  const known = await em.execute('select 1 from customer_access where customer_id = ?', [customerId]);
  if (known.length === 0) throw notFound('Customer', customerId, 'input.customerId');
  await assertCustomerVisible(em, viewer, customerId, 'input.customerId');
  return { customerId, orderId: null };
}

/** What a claimant writes on a claim, checked (each bad field named): category, date, exact amount, description, receipt reference. */
function claimFields(input: Omit<CreateExpenseInput, 'customerId' | 'orderId'>) {
  const category = requireOneOf('input.category', input.category, EXPENSE_CATEGORIES);
  const expenseDate = requireIsoDate('input.expenseDate', input.expenseDate);
  const amount = parseMoneyInput('input.amount', input.amount);
  const units = parseAmount('input.amount.amount', amount.amount);
  if (units === 0n) throw badInput('input.amount.amount', 'input.amount.amount must be greater than zero', 'ZERO_AMOUNT');
  if (!isWholeMinor(units, amount.currency)) throw badInput('input.amount.amount', `input.amount.amount has more places than ${amount.currency} has`, 'INVALID_AMOUNT');
  const description = requireText('input.description', input.description, 500);
  const receiptReference = input.receiptReference ? requireText('input.receiptReference', input.receiptReference, 200) : null;
  return { category, expenseDate, amount, description, receiptReference };
}

/** Records a draft expense claim of the caller (`finance.expense.drafted.v1`); it goes for approval once submitted. */
export async function createExpense(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreateExpenseInput, meta: EventMetadata): Promise<IExpense> {
  const { category, expenseDate, amount, description, receiptReference } = claimFields(input);
  return em.transactional(async (tx) => {
    await assertClaimable(tx, 'input.expenseDate', expenseDate);
    const { customerId, orderId } = await claimedCustomer(tx, viewer, input);
    const expense = tx.create(Expense, {
      id: randomUUID(),
      claimantId: viewer.principal.userId,
      teamId: viewer.principal.teamIds[0] ?? null,
      customerId,
      orderId,
      expenseDate,
      category,
      amount: amount.amount,
      currency: amount.currency,
      description,
      receiptReference,
      state: 'DRAFT',
    });
    publish(tx, ExpenseDraftedV1, expense.id, { expenseId: expense.id, claimantId: expense.claimantId, customerId, orderId, category, expenseDate, amount }, meta);
    await tx.flush();
    return expense;
  });
}

/** One expense the viewer may see; NOT_FOUND otherwise. */
export async function getExpense(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IExpense> {
  const qb = em.createQueryBuilder(Expense, 'e').select('*');
  restrictToVisibleExpenses(qb, 'e', viewer);
  return visibleById(qb, 'Expense', id, field);
}

/** The expenses of `ids` the viewer may see (federation references). */
export async function expensesByIds(em: SqlEntityManager, viewer: Viewer, ids: readonly string[]): Promise<IExpense[]> {
  const qb = em
    .createQueryBuilder(Expense, 'e')
    .select('*')
    .where({ id: { $in: [...ids] } });
  restrictToVisibleExpenses(qb, 'e', viewer);
  return qb.getResultList();
}

const money = (e: IExpense): Money => ({ amount: normaliseAmount(e.amount), currency: e.currency });

/** The caller's own draft, locked for a change: FORBIDDEN for another's claim, CONFLICT naming the state for one no longer a draft. */
function assertOwnDraft(expense: IExpense, viewer: Viewer, doing: string): void {
  if (expense.claimantId !== viewer.principal.userId) throw new AppError('FORBIDDEN', 'NOT_CLAIMANT', `only the claimant ${doing} an expense`, { field: 'id' });
  if (expense.state !== 'DRAFT') throw conflict('EXPENSE_NOT_DRAFT', `the expense is ${expense.state}: only a draft is ${doing === 'edits' ? 'edited' : 'deleted'}`, 'id');
}

export type UpdateExpenseInput = Omit<CreateExpenseInput, 'customerId' | 'orderId'>;

/**
 * Corrects the caller's own draft (`finance.expense.changed.v1`): what it says, checked as when it
 * was created (the claim period included); its customer and order stay. Another state is refused
 * naming it (CONFLICT EXPENSE_NOT_DRAFT), another's claim FORBIDDEN.
 */
export async function updateExpense(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, input: UpdateExpenseInput, meta: EventMetadata): Promise<IExpense> {
  const fields = claimFields(input);
  return transition(
    em,
    (tx) => getExpense(tx, viewer, id),
    async (expense, tx) => {
      assertOwnDraft(expense, viewer, 'edits');
      await assertClaimable(tx, 'input.expenseDate', fields.expenseDate);
      Object.assign(expense, { ...fields, amount: fields.amount.amount, currency: fields.amount.currency });
      publish(
        tx,
        ExpenseChangedV1,
        expense.id,
        {
          expenseId: expense.id,
          claimantId: expense.claimantId,
          customerId: expense.customerId,
          orderId: expense.orderId ?? null,
          category: fields.category,
          expenseDate: fields.expenseDate,
          amount: fields.amount,
          changedAt: new Date().toISOString(),
        },
        meta,
      );
      return expense;
    },
  );
}

/** Deletes the caller's own draft (soft: kept, no longer listed or summed; `finance.expense.deleted.v1`). Another state is refused naming it. */
export async function deleteExpense(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IExpense> {
  return transition(
    em,
    (tx) => getExpense(tx, viewer, id),
    async (expense, tx) => {
      assertOwnDraft(expense, viewer, 'deletes');
      expense.deletedAt = new Date();
      publish(
        tx,
        ExpenseDeletedV1,
        expense.id,
        { expenseId: expense.id, claimantId: expense.claimantId, customerId: expense.customerId, deletedAt: expense.deletedAt.toISOString() },
        meta,
      );
      return expense;
    },
  );
}

/** Submits the caller's own draft for approval (`finance.expense.submitted.v1`), while the claim period lasts. */
export async function submitExpense(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IExpense> {
  return transition(
    em,
    (tx) => getExpense(tx, viewer, id),
    async (expense, tx) => {
      if (expense.claimantId !== viewer.principal.userId) throw new AppError('FORBIDDEN', 'NOT_CLAIMANT', 'only the claimant submits an expense', { field: 'id' });
      if (expense.state !== 'DRAFT') throw conflict('EXPENSE_NOT_DRAFT', `the expense is ${expense.state}: only a draft is submitted`, 'id');
      await assertClaimable(tx, 'id', expense.expenseDate);
      expense.state = 'SUBMITTED';
      expense.submittedAt = new Date();
      publish(
        tx,
        ExpenseSubmittedV1,
        expense.id,
        {
          expenseId: expense.id,
          claimantId: expense.claimantId,
          teamId: expense.teamId ?? null,
          customerId: expense.customerId,
          orderId: expense.orderId ?? null,
          category: expense.category,
          expenseDate: expense.expenseDate,
          amount: money(expense),
          submittedAt: expense.submittedAt.toISOString(),
        },
        meta,
      );
      return expense;
    },
  );
}

export const EXPENSE_DECISIONS = ['APPROVED', 'REJECTED'] as const;

/**
 * Approves or rejects a submitted claim (`finance.expense.decided.v1`): finance (unscoped access)
 * decides anyone's, a team head those of the teams they head; nobody their own. A rejection says why.
 */
export async function decideExpense(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: { expenseId: string; decision: string; comment?: string | null },
  meta: EventMetadata,
): Promise<IExpense> {
  const decision = requireOneOf('input.decision', input.decision, EXPENSE_DECISIONS);
  const comment = input.comment?.trim() ? requireText('input.comment', input.comment, 1000) : null;
  if (decision === 'REJECTED' && !comment) throw badInput('input.comment', 'input.comment must say why the expense is rejected', 'REQUIRED');
  return transition(
    em,
    (tx) => getExpense(tx, viewer, input.expenseId, 'input.expenseId'),
    (expense, tx) => {
      if (expense.claimantId === viewer.principal.userId)
        throw new AppError('FORBIDDEN', 'OWN_EXPENSE', 'nobody approves or rejects their own expense', { field: 'input.expenseId' });
      if (viewer.access !== 'all' && !headsTeam(viewer, expense.teamId))
        throw new AppError('FORBIDDEN', 'NOT_APPROVER', "only the head of the claimant's team or finance decides an expense", { field: 'input.expenseId' });
      if (expense.state !== 'SUBMITTED') throw conflict('EXPENSE_NOT_SUBMITTED', `the expense is ${expense.state}: only a submitted one is decided`, 'input.expenseId');
      const decidedAt = new Date();
      Object.assign(expense, { state: decision, decidedBy: viewer.principal.userId, decidedAt, decisionComment: comment });
      publish(
        tx,
        ExpenseDecidedV1,
        expense.id,
        {
          expenseId: expense.id,
          claimantId: expense.claimantId,
          customerId: expense.customerId,
          orderId: expense.orderId ?? null,
          category: expense.category,
          amount: money(expense),
          decision,
          decidedBy: viewer.principal.userId,
          comment,
          decidedAt: decidedAt.toISOString(),
        },
        meta,
      );
      return expense;
    },
  );
}

/** Records that finance paid an approved expense back to its claimant (`finance.expense.reimbursed.v1`); once only. */
export async function reimburseExpense(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: { expenseId: string; reimbursedOn?: string | null; reference?: string | null },
  meta: EventMetadata,
): Promise<IExpense> {
  if (viewer.access !== 'all') throw new AppError('FORBIDDEN', 'FINANCE_ONLY', `${viewer.principal.role} may not reimburse expenses`);
  const reimbursedOn = input.reimbursedOn ? requireIsoDate('input.reimbursedOn', input.reimbursedOn) : utcToday();
  if (reimbursedOn > utcToday()) throw badInput('input.reimbursedOn', 'input.reimbursedOn must not be in the future', 'DATE_IN_FUTURE');
  const reference = input.reference?.trim() ? requireText('input.reference', input.reference, 200) : null;
  return transition(
    em,
    (tx) => getExpense(tx, viewer, input.expenseId, 'input.expenseId'),
    (expense, tx) => {
      if (expense.state !== 'APPROVED') throw conflict('EXPENSE_NOT_APPROVED', `the expense is ${expense.state}: only an approved one is reimbursed`, 'input.expenseId');
      if (expense.reimbursedOn) throw conflict('EXPENSE_REIMBURSED', `the expense was reimbursed on ${expense.reimbursedOn}`, 'input.expenseId');
      if (reimbursedOn < expense.expenseDate) throw badInput('input.reimbursedOn', 'input.reimbursedOn must not be before the expense date', 'DATE_BEFORE_EXPENSE');
      Object.assign(expense, { reimbursedOn, reimbursementReference: reference, reimbursedBy: viewer.principal.userId });
      publish(
        tx,
        ExpenseReimbursedV1,
        expense.id,
        {
          expenseId: expense.id,
          claimantId: expense.claimantId,
          customerId: expense.customerId,
          amount: money(expense),
          reimbursedOn,
          reference,
          reimbursedBy: viewer.principal.userId,
        },
        meta,
      );
      return expense;
    },
  );
}

export interface ExpenseFilter {
  customerId?: string | null;
  orderId?: string | null;
  claimantId?: string | null;
  state?: string | null;
  category?: string | null;
}

const EXPENSE_ORDER: Keyset<IExpense> = { sort: 'e.expense_date', kind: 'date', direction: 'desc', id: 'e.id', sortValue: (e) => e.expenseDate };

/** The expenses the viewer may see, newest expense date first, narrowed by `filter` and paged by keyset. */
export async function listExpenses(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: ExpenseFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  field = 'expenses',
): Promise<Connection<IExpense>> {
  const qb = em.createQueryBuilder(Expense, 'e').select('*');
  restrictToVisibleExpenses(qb, 'e', viewer);
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.orderId) qb.andWhere({ orderId: requireUuid('filter.orderId', filter.orderId) });
  if (filter?.claimantId) qb.andWhere({ claimantId: requireUuid('filter.claimantId', filter.claimantId) });
  if (filter?.state) qb.andWhere({ state: requireOneOf('filter.state', filter.state, EXPENSE_STATES) });
  if (filter?.category) qb.andWhere({ category: requireOneOf('filter.category', filter.category, EXPENSE_CATEGORIES) });
  return keysetPage(qb, EXPENSE_ORDER, { field, first, after });
}

export const EXPENSE_GROUPINGS = ['CLAIMANT', 'CUSTOMER', 'ORDER'] as const;
const GROUP_COLUMN = { CLAIMANT: 'claimant_id', CUSTOMER: 'customer_id', ORDER: 'order_id' } as const;

/** What was spent per claimant, customer or order, in one currency: how many expenses and their exact sum. */
export interface ExpenseTotal {
  key: string;
  currency: string;
  count: number;
  total: string;
}

/**
 * The expenses the viewer may see summed per claimant (what a rep spent), customer or order (cost
 * of sale), per currency: approved ones unless `filter.state` says otherwise. Sums are SQL numeric,
 * exact; expenses without an order are left out of the per-order totals.
 */
export async function expenseTotals(em: SqlEntityManager, viewer: Viewer, by: string, filter: ExpenseFilter | null | undefined): Promise<ExpenseTotal[]> {
  const column = GROUP_COLUMN[requireOneOf('by', by, EXPENSE_GROUPINGS)];
  const where: string[] = [`e.${column} is not null`];
  const params: unknown[] = [];
  const add = (sql: string, values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  restrictToVisibleExpenses({ andWhere: (sql: string, values: unknown[] = []) => add(sql, values) }, 'e', viewer);
  add('e.state = ?', [filter?.state ? requireOneOf('filter.state', filter.state, EXPENSE_STATES) : 'APPROVED']);
  if (filter?.customerId) add('e.customer_id = ?', [requireUuid('filter.customerId', filter.customerId)]);
  if (filter?.orderId) add('e.order_id = ?', [requireUuid('filter.orderId', filter.orderId)]);
  if (filter?.claimantId) add('e.claimant_id = ?', [requireUuid('filter.claimantId', filter.claimantId)]);
  if (filter?.category) add('e.category = ?', [requireOneOf('filter.category', filter.category, EXPENSE_CATEGORIES)]);
  const rows = await em.execute<{ key: string; currency: string; count: number; total: string }[]>(
    `select e.${column} as key, e.currency, count(*)::int as count, sum(e.amount)::text as total from expense e
      where ${where.map((w) => `(${w})`).join(' and ')} group by e.${column}, e.currency order by e.${column}, e.currency`,
    params,
  );
  return rows.map((r) => ({ ...r, total: normaliseAmount(r.total) }));
}
