import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@rapport/contracts';
import { badInput, conflict, formatQuantity, notFound, optionalText, parseQuantity, quantityUnits, requireOneOf, requireUuid } from '@rapport/errors';
import { auditChange, keysetPageSql, transition, underRowLocks, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { refreshInTransit } from '../receipt/inbound-levels.js';
import { serveShortages } from '../reservation/reservation.service.js';
import { evaluateSafety } from '../stock/stock-alarm.js';
import { lockProducts, postMove, warehouseForMove } from '../stock/stock-ledger.js';
import { Transfer, type ITransfer, type ITransferLine } from './transfer.entity.js';

// Transfers between warehouses: sent (a TRANSFER_OUT move per line at the source, never more than is
// available there), in transit (counted on the destination's levels), received there partly or
// wholly (TRANSFER_IN moves; waiting shortages in the destination served from them). Every change
// holds the products' row locks (the stock module's rule), taken after the transfer's own row.

/** The transfer number for sequence value `n`: TR-000001. */
export const transferNumber = (n: bigint | number | string): string => `TR-${String(n).padStart(6, '0')}`;

export const TRANSFER_STATES = ['IN_TRANSIT', 'PARTLY_RECEIVED', 'RECEIVED'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** A transfer with the state its lines' quantities give it. */
export type TransferRow = ITransfer & { state: TransferState };

/** The state of a transfer from what its lines sent and received: nothing arrived, some, or all. */
export function transferState(lines: readonly { quantity: string; received: string }[]): TransferState {
  const sent = lines.reduce((sum, l) => sum + quantityUnits(l.quantity), 0n);
  const received = lines.reduce((sum, l) => sum + quantityUnits(l.received), 0n);
  if (received === 0n) return 'IN_TRANSIT';
  return received >= sent ? 'RECEIVED' : 'PARTLY_RECEIVED';
}

const STATE_SQL = `(select case when sum(l.received) = 0 then 'IN_TRANSIT' when sum(l.received) >= sum(l.quantity) then 'RECEIVED' else 'PARTLY_RECEIVED' end
                    from transfer_line l where l.transfer_id = t.id)`;

export interface TransferStockInput {
  fromWarehouseId: string;
  toWarehouseId: string;
  lines: { productId: string; quantity: string }[];
  reason?: string | null;
}

/**
 * Sends goods from one warehouse to another: a transfer (TR-…) with one TRANSFER_OUT move per line
 * at the source (valued at the standard cost), the destination's `inTransit` up by what was sent,
 * the source's safety alarms re-checked. Refused, naming the field, with nothing written: unknown
 * warehouses or products, the same warehouse twice, a product named twice, quantities not positive
 * or too precise, and more than is available at the source (INSUFFICIENT_STOCK, unless the source
 * allows negative stock).
 */
export async function transferStock(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: TransferStockInput, meta: EventMetadata): Promise<TransferRow> {
  const fromWarehouseId = requireUuid('input.fromWarehouseId', input.fromWarehouseId);
  const toWarehouseId = requireUuid('input.toWarehouseId', input.toWarehouseId);
  if (fromWarehouseId === toWarehouseId) throw badInput('input.toWarehouseId', 'input.toWarehouseId must differ from input.fromWarehouseId', 'SAME_WAREHOUSE');
  const reason = optionalText('input.reason', input.reason, 500);
  if (input.lines.length === 0) throw badInput('input.lines', 'input.lines must name at least one product', 'NO_LINES');
  const seen = new Set<string>();
  const lines = input.lines.map((line, i) => {
    const field = `input.lines[${i}]`;
    const productId = requireUuid(`${field}.productId`, line.productId);
    if (seen.has(productId)) throw badInput(`${field}.productId`, `${field}.productId names a product already on the transfer`, 'DUPLICATE_LINE');
    seen.add(productId);
    return { field, productId, quantity: parseQuantity(`${field}.quantity`, line.quantity) };
  });
  return underRowLocks(em, async (tx) => {
    for (const [id, field] of [
      [fromWarehouseId, 'input.fromWarehouseId'],
      [toWarehouseId, 'input.toWarehouseId'],
    ] as const)
      await warehouseForMove(tx, id, field);
    const products = await lockProducts(
      tx,
      lines.map((l) => l.productId),
    );
    for (const line of lines) {
      const product = products.get(line.productId);
      if (!product || product.retired) throw notFound('Product', line.productId, `${line.field}.productId`);
    }
    const [next] = await tx.execute<{ n: string }[]>(`select nextval('transfer_number_seq')::text as n`);
    const transfer: ITransfer = {
      id: randomUUID(),
      number: transferNumber(next!.n),
      fromWarehouseId,
      toWarehouseId,
      reason,
      shippedAt: new Date(),
      actorId: meta.actor ?? null,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await tx.execute(
      'insert into transfer (id, number, from_warehouse_id, to_warehouse_id, reason, shipped_at, actor_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [transfer.id, transfer.number, fromWarehouseId, toWarehouseId, reason, transfer.shippedAt, transfer.actorId, transfer.createdAt, transfer.updatedAt],
    );
    for (const line of [...lines].sort((a, b) => a.productId.localeCompare(b.productId))) {
      const product = products.get(line.productId)!;
      await postMove(
        tx,
        {
          productId: line.productId,
          warehouseId: fromWarehouseId,
          kind: 'TRANSFER_OUT',
          quantity: -line.quantity,
          unitCost: product.standardCost,
          currency: product.currency,
          reason: transfer.number,
          referenceType: 'TRANSFER',
          referenceId: transfer.id,
          fields: { warehouse: 'input.fromWarehouseId', quantity: `${line.field}.quantity` },
        },
        meta,
      );
      await tx.execute('insert into transfer_line (id, transfer_id, product_id, quantity) values (?, ?, ?, ?::numeric)', [
        randomUUID(),
        transfer.id,
        line.productId,
        formatQuantity(line.quantity),
      ]);
    }
    await refreshInTransit(
      tx,
      lines.map((l) => ({ productId: l.productId, warehouseId: toWarehouseId })),
    );
    for (const line of lines) await evaluateSafety(tx, line.productId, fromWarehouseId, meta);
    // Written by SQL beside the ledger, so audited by hand: one entry from nothing to the transfer.
    auditChange(tx, 'Transfer', transfer.id, [
      { field: 'number', from: null, to: transfer.number },
      { field: 'fromWarehouseId', from: null, to: fromWarehouseId },
      { field: 'toWarehouseId', from: null, to: toWarehouseId },
      { field: 'lines', from: null, to: lines.map((l) => ({ productId: l.productId, quantity: formatQuantity(l.quantity) })) },
    ]);
    return { ...transfer, state: 'IN_TRANSIT' as const };
  });
}

export interface ReceiveTransferInput {
  transferId: string;
  /** What arrived per product; omitted: everything still in transit. */
  lines?: { productId: string; quantity: string }[] | null;
}

/**
 * Receives goods of a transfer at its destination, partly or wholly: one TRANSFER_IN move per line,
 * the lines' received quantities and the destination's `inTransit` updated, waiting shortages there
 * served oldest order first, safety alarms re-checked. Runs under the transfer's row lock. Refused,
 * naming the field: an unknown transfer, a product not on it, more than is still in transit
 * (OVER_TRANSFER_RECEIPT), and a transfer already received in full (CONFLICT TRANSFER_RECEIVED).
 */
export async function receiveTransfer(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: ReceiveTransferInput, meta: EventMetadata): Promise<TransferRow> {
  const transferId = requireUuid('input.transferId', input.transferId);
  const seen = new Set<string>();
  const asked = input.lines?.map((line, i) => {
    const field = `input.lines[${i}]`;
    const productId = requireUuid(`${field}.productId`, line.productId);
    if (seen.has(productId)) throw badInput(`${field}.productId`, `${field}.productId names a product already received above`, 'DUPLICATE_LINE');
    seen.add(productId);
    return { field, productId, quantity: parseQuantity(`${field}.quantity`, line.quantity) };
  });
  if (asked && asked.length === 0) throw badInput('input.lines', 'input.lines must name at least one product (or be omitted to receive everything)', 'NO_LINES');
  return transition(
    em,
    async (tx) => {
      const transfer = await tx.findOne(Transfer, { id: transferId });
      if (!transfer) throw notFound('Transfer', transferId, 'input.transferId');
      return transfer;
    },
    async (transfer, tx) => {
      const current = await tx.execute<{ id: string; product_id: string; quantity: string; received: string }[]>(
        'select id, product_id, quantity::text, received::text from transfer_line where transfer_id = ? order by product_id for update',
        [transfer.id],
      );
      const outstanding = (l: { quantity: string; received: string }) => quantityUnits(l.quantity) - quantityUnits(l.received);
      if (current.every((l) => outstanding(l) <= 0n)) throw conflict('TRANSFER_RECEIVED', `transfer ${transfer.number} has been received in full`, 'input.transferId');
      const byProduct = new Map(current.map((l) => [l.product_id, l]));
      const arriving = (asked ?? current.filter((l) => outstanding(l) > 0n).map((l) => ({ field: 'input', productId: l.product_id, quantity: outstanding(l) }))).map((line) => {
        const onTransfer = byProduct.get(line.productId);
        if (!onTransfer) throw badInput(`${line.field}.productId`, `${line.field}.productId is not on transfer ${transfer.number}`, 'NOT_ON_TRANSFER');
        const left = outstanding(onTransfer);
        if (line.quantity > left) {
          throw badInput(
            `${line.field}.quantity`,
            `${line.field}.quantity: only ${formatQuantity(left)} of the product is still in transit on ${transfer.number}`,
            'OVER_TRANSFER_RECEIPT',
          );
        }
        return { ...line, lineId: onTransfer.id };
      });
      const products = await lockProducts(
        tx,
        arriving.map((l) => l.productId),
      );
      for (const line of [...arriving].sort((a, b) => a.productId.localeCompare(b.productId))) {
        const product = products.get(line.productId);
        await postMove(
          tx,
          {
            productId: line.productId,
            warehouseId: transfer.toWarehouseId,
            kind: 'TRANSFER_IN',
            quantity: line.quantity,
            unitCost: product?.standardCost ?? null,
            currency: product?.currency ?? null,
            reason: transfer.number,
            referenceType: 'TRANSFER',
            referenceId: transfer.id,
            fields: { warehouse: 'input.transferId', quantity: `${line.field}.quantity` },
          },
          meta,
        );
        await tx.execute('update transfer_line set received = received + ?::numeric where id = ?', [formatQuantity(line.quantity), line.lineId]);
      }
      await tx.execute('update transfer set updated_at = now() where id = ?', [transfer.id]);
      await refreshInTransit(
        tx,
        arriving.map((l) => ({ productId: l.productId, warehouseId: transfer.toWarehouseId })),
      );
      for (const productId of [...new Set(arriving.map((l) => l.productId))].sort()) {
        await serveShortages(tx, productId, transfer.toWarehouseId, meta);
        await evaluateSafety(tx, productId, transfer.toWarehouseId, meta);
      }
      const after = await tx.execute<{ product_id: string; quantity: string; received: string }[]>(
        'select product_id, quantity::text, received::text from transfer_line where transfer_id = ? order by product_id',
        [transfer.id],
      );
      const receivedOf = (rows: readonly { product_id: string; received: string }[]) =>
        rows.map((r) => ({ productId: r.product_id, received: formatQuantity(quantityUnits(r.received)) }));
      auditChange(tx, 'Transfer', transfer.id, [{ field: 'received', from: receivedOf(current), to: receivedOf(after) }]);
      return { ...toPlain(transfer), state: transferState(after) };
    },
  );
}

const toPlain = (t: ITransfer): ITransfer => ({
  id: t.id,
  number: t.number,
  fromWarehouseId: t.fromWarehouseId,
  toWarehouseId: t.toWarehouseId,
  reason: t.reason ?? null,
  shippedAt: t.shippedAt,
  actorId: t.actorId ?? null,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

interface TransferSqlRow {
  id: string;
  number: string;
  from_warehouse_id: string;
  to_warehouse_id: string;
  reason: string | null;
  shipped_at: Date | string;
  actor_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  state: TransferState;
}

const toTransfer = (r: TransferSqlRow): TransferRow => ({
  id: r.id,
  number: r.number,
  fromWarehouseId: r.from_warehouse_id,
  toWarehouseId: r.to_warehouse_id,
  reason: r.reason,
  shippedAt: new Date(r.shipped_at),
  actorId: r.actor_id,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  state: r.state,
});

export interface TransferFilter {
  fromWarehouseId?: string | null;
  toWarehouseId?: string | null;
  state?: string | null;
  productId?: string | null;
}

const TRANSFER_ORDER: Keyset<TransferRow> = { sort: 't.shipped_at', kind: 'timestamp', direction: 'desc', id: 't.id', sortValue: (t) => t.shippedAt.toISOString() };

/** Transfers, newest first, filtered by warehouses, state and product, paged by keyset. */
export function listTransfers(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: TransferFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<TransferRow>> {
  const conditions = ['true'];
  const params: unknown[] = [];
  if (filter?.fromWarehouseId) {
    conditions.push('t.from_warehouse_id = ?');
    params.push(requireUuid('filter.fromWarehouseId', filter.fromWarehouseId));
  }
  if (filter?.toWarehouseId) {
    conditions.push('t.to_warehouse_id = ?');
    params.push(requireUuid('filter.toWarehouseId', filter.toWarehouseId));
  }
  if (filter?.productId) {
    conditions.push('exists (select 1 from transfer_line pl where pl.transfer_id = t.id and pl.product_id = ?)');
    params.push(requireUuid('filter.productId', filter.productId));
  }
  if (filter?.state) {
    conditions.push(`${STATE_SQL} = ?`);
    params.push(requireOneOf<TransferState>('filter.state', filter.state, TRANSFER_STATES));
  }
  return keysetPageSql(TRANSFER_ORDER, { field: 'transfers', first, after }, async ({ where, orderBy, fetch }) =>
    (
      await em.execute<TransferSqlRow[]>(
        `select t.*, ${STATE_SQL} as state from transfer t where ${[...conditions, ...(where ? [where.sql] : [])].join(' and ')} order by ${orderBy} limit ${fetch}`,
        [...params, ...(where?.params ?? [])],
      )
    ).map(toTransfer),
  );
}

/** A transfer by id; null when there is none. */
export async function transferById(em: SqlEntityManager, viewer: Viewer, id: string): Promise<TransferRow | null> {
  const [row] = await em.execute<TransferSqlRow[]>(`select t.*, ${STATE_SQL} as state from transfer t where t.id = ?`, [requireUuid('id', id)]);
  return row ? toTransfer(row) : null;
}

/** The lines of `transferIds`, by product. */
export async function linesOfTransfers(em: SqlEntityManager, viewer: Viewer, transferIds: readonly string[]): Promise<ITransferLine[]> {
  if (transferIds.length === 0) return [];
  const rows = await em.execute<{ id: string; transfer_id: string; product_id: string; quantity: string; received: string }[]>(
    `select id, transfer_id, product_id, quantity::text, received::text from transfer_line where transfer_id in (${transferIds.map(() => '?').join(', ')}) order by transfer_id, product_id`,
    [...transferIds],
  );
  return rows.map((r) => ({ id: r.id, transferId: r.transfer_id, productId: r.product_id, quantity: r.quantity, received: r.received }));
}
