import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { deadLetterTopic } from '@rapport/bus';
import { parseBrokers } from '@rapport/contracts';
import { SUBGRAPHS } from '../services.js';
import { markerAmount, ticketSubject, type Operation } from './load.js';

// What the chaos suite checks after each fault, straight from each service's own database (the
// suite owns this PostgreSQL) and the broker:
// - every operation a client was told succeeded left exactly one record (none: lost; two: a retry
//   that was not recognised as one — doubled);
// - every event each producer committed to its outbox was published, and was handled (inbox row)
//   by every consumer that handles its type; effects that the inbox does not key (a shipment per
//   order) exist once;
// - no message went to a dead-letter topic.

export interface Snapshot {
  /** Operations answered 'ok' whose record is missing. */
  lostRecords: Operation[];
  /** Operations (any outcome) that left more than one record. */
  doubledRecords: Operation[];
  /** Outbox rows not yet published. */
  unpublished: number;
  /** (consumer, event) pairs that should have an inbox row and have none. */
  missingInbox: { consumer: string; eventId: string; type: string }[];
  /** Orders with more than one shipment planned from their one confirmation. */
  doubledShipments: number;
  /** Events of one aggregate and type published twice by a producer. */
  doubledEvents: number;
  /** Messages in the dead-letter topics. */
  deadLetters: number;
  /** Operations still waiting for an answer. */
  inFlight: number;
}

export const consistent = (s: Snapshot): boolean => s.lostRecords.length === 0 && s.unpublished === 0 && s.missingInbox.length === 0 && s.inFlight === 0;

export interface Checker {
  snapshot(operations: readonly Operation[]): Promise<Snapshot>;
  close(): Promise<void>;
}

/** Types of events that are produced once per aggregate (a second one would be a doubled effect). */
const ONCE_PER_AGGREGATE = ['support.ticket.opened.v1', 'sales.order.confirmed.v1', 'finance.invoice.issued.v1', 'inventory.shipment.planned.v1'];

export function createChecker(databaseUrl: (service: string) => string, brokers: string): Checker {
  const pools = new Map(SUBGRAPHS.map((s) => [s.name, new pg.Pool({ connectionString: databaseUrl(s.name), max: 2, connectionTimeoutMillis: 3_000 })]));
  for (const pool of pools.values()) pool.on('error', () => undefined);
  const kafka = new Kafka({ clientId: 'rapport-chaos-checks', brokers: parseBrokers(brokers), logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const query = async <R extends pg.QueryResultRow>(service: string, sql: string, params: unknown[] = []): Promise<R[]> => {
    const pool = pools.get(service);
    if (!pool) throw new Error(`no database for ${service}`);
    return (await pool.query<R>(sql, params)).rows;
  };
  const countBy = async (service: string, sql: string, params: unknown[]): Promise<Map<string, number>> =>
    new Map((await query<{ k: string; n: string }>(service, sql, params)).map((r) => [r.k, Number(r.n)]));

  async function deadLetters(): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      let total = 0;
      for (const s of SUBGRAPHS) {
        const offsets = await admin.fetchTopicOffsets(deadLetterTopic('', s.name));
        total += offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
      }
      return total;
    } finally {
      await admin.disconnect();
    }
  }

  return {
    async snapshot(operations) {
      const tickets = operations.filter((o) => o.kind === 'ticket');
      const orders = operations.filter((o) => o.kind === 'order');
      const invoices = operations.filter((o) => o.kind === 'invoice');
      const payments = operations.filter((o) => o.kind === 'payment');
      const [ticketCounts, orderCounts, invoiceCounts, paymentCounts] = await Promise.all([
        countBy('support', 'select subject as k, count(*) as n from ticket where subject = any($1) group by subject', [tickets.map((o) => ticketSubject(o.seq))]),
        countBy('sales', 'select unit_price::numeric(19,2)::text as k, count(distinct order_id) as n from sales_order_line where unit_price = any($1::numeric[]) group by 1', [
          orders.map((o) => o.amount),
        ]),
        countBy('finance', 'select total::numeric(19,2)::text as k, count(*) as n from invoice where total = any($1::numeric[]) group by 1', [invoices.map((o) => o.amount)]),
        countBy(
          'finance',
          'select i.total::numeric(19,2)::text as k, count(*) as n from payment p join invoice i on i.id = p.invoice_id where i.total = any($1::numeric[]) group by 1',
          [payments.map((o) => o.amount)],
        ),
      ]);
      const records = (o: Operation): number =>
        (o.kind === 'ticket'
          ? ticketCounts.get(ticketSubject(o.seq))
          : o.kind === 'order'
            ? orderCounts.get(markerAmount(o.seq))
            : o.kind === 'invoice'
              ? invoiceCounts.get(o.amount)
              : paymentCounts.get(o.amount)) ?? 0;
      const lostRecords = operations.filter((o) => o.outcome === 'ok' && records(o) === 0);
      const doubledRecords = operations.filter((o) => records(o) > 1);

      // Events: what each producer committed, and what each consumer handled.
      const outbox = new Map<string, { id: string; type: string; key: string; published: boolean }[]>();
      const inbox = new Map<string, Set<string>>(); // consumer → event ids
      const handles = new Map<string, Set<string>>(); // type → consumers that handle it
      await Promise.all(
        SUBGRAPHS.map(async ({ name }) => {
          const rows = await query<{ id: string; type: string; message_key: string; published: boolean }>(
            name,
            'select id::text, type, message_key, published_at is not null as published from outbox_message',
          );
          outbox.set(
            name,
            rows.map((r) => ({ id: r.id, type: r.type, key: r.message_key, published: r.published })),
          );
          const handled = await query<{ consumer: string; event_id: string; type: string }>(name, 'select consumer, event_id, type from inbox_message');
          for (const r of handled) {
            let ids = inbox.get(r.consumer);
            if (!ids) inbox.set(r.consumer, (ids = new Set()));
            ids.add(r.event_id);
            let consumers = handles.get(r.type);
            if (!consumers) handles.set(r.type, (consumers = new Set()));
            consumers.add(r.consumer);
          }
        }),
      );
      let unpublished = 0;
      let doubledEvents = 0;
      const missingInbox: Snapshot['missingInbox'] = [];
      for (const rows of outbox.values()) {
        const perAggregate = new Map<string, number>();
        for (const row of rows) {
          if (!row.published) unpublished += 1;
          for (const consumer of handles.get(row.type) ?? []) {
            if (!inbox.get(consumer)?.has(row.id)) missingInbox.push({ consumer, eventId: row.id, type: row.type });
          }
          if (ONCE_PER_AGGREGATE.includes(row.type)) perAggregate.set(`${row.type} ${row.key}`, (perAggregate.get(`${row.type} ${row.key}`) ?? 0) + 1);
        }
        doubledEvents += [...perAggregate.values()].filter((n) => n > 1).length;
      }
      const [{ n: doubledShipments } = { n: '0' }] = await query<{ n: string }>(
        'inventory',
        'select count(*) as n from (select order_id from shipment group by order_id having count(*) > 1) d',
      );
      return {
        lostRecords,
        doubledRecords,
        unpublished,
        missingInbox,
        doubledShipments: Number(doubledShipments),
        doubledEvents,
        deadLetters: await deadLetters(),
        inFlight: operations.filter((o) => o.outcome === 'pending').length,
      };
    },
    async close() {
      await Promise.all([...pools.values()].map((p) => p.end().catch(() => undefined)));
    },
  };
}
