import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { CloudEvent } from '@rapport/contracts';
import { traceHeaders } from '@rapport/telemetry';
import { executeBulk, pgArray } from './bulk.js';
import { OutboxMessage, type IOutboxMessage } from './outbox.entity.js';

/** The outbox row of `event` on `topic`, as the relay reads it (`enqueueMany` writes the same in SQL). */
function outboxRow(topic: string, event: CloudEvent): RequiredEntityData<IOutboxMessage> {
  const headers: Record<string, string> = { ce_type: event.type, ce_id: event.id, correlation_id: event.correlationid };
  if (event.requestid) headers['x-request-id'] = event.requestid;
  // Written in a traced request, the row keeps its trace context; the relay continues it.
  Object.assign(headers, traceHeaders());
  return { id: event.id, topic, messageKey: event.subject, type: event.type, payload: event, headers, createdAt: new Date(event.time), publishedAt: null };
}

/**
 * Puts `event` in the outbox of `em`'s unit of work. It is written by the same flush, in the
 * same transaction, as the change it describes; the relay publishes it afterwards.
 */
export function enqueue(em: EntityManager, topic: string, event: CloudEvent): void {
  em.create(OutboxMessage, outboxRow(topic, event));
}

/** The envelope's fields that differ from event to event; the rest the events of one bulk write share. */
const PER_EVENT = new Set(['id', 'time', 'subject', 'correlationid', 'data']);

/**
 * Writes `events` to the outbox at once, in `em`'s transaction (which must be the change's): the
 * rows `enqueue` makes, for changes written in bulk rather than by a flush. One statement per
 * topic and shared envelope (type, source, actor, request…, usually one per call): the envelope is
 * put together in SQL from the shared part and one array per field that differs (id, time,
 * subject, correlation id, data), as the whole envelopes as JSON text cost PostgreSQL far more to read.
 */
export async function enqueueMany(em: SqlEntityManager, events: readonly { topic: string; event: CloudEvent }[]): Promise<void> {
  const groups = new Map<string, { topic: string; shared: Record<string, unknown>; events: CloudEvent[] }>();
  for (const { topic, event } of events) {
    const shared = Object.fromEntries(Object.entries(event).filter(([key]) => !PER_EVENT.has(key)));
    const key = JSON.stringify([topic, shared]);
    const group = groups.get(key) ?? { topic, shared, events: [] as CloudEvent[] };
    group.events.push(event);
    groups.set(key, group);
  }
  for (const { topic, shared, events: group } of groups.values()) {
    const first = group[0]!;
    const requestHeader = { ...(first.requestid ? { 'x-request-id': first.requestid } : {}), ...traceHeaders() };
    const column = (pick: (e: CloudEvent) => string): string => pgArray(group.map(pick));
    await executeBulk(
      em,
      'enqueueMany',
      `insert into outbox_message (id, topic, message_key, type, payload, headers, created_at)
       select x.id::uuid, ?::text, x.subject, ?::text,
              ?::jsonb || jsonb_build_object('id', x.id, 'time', x.time, 'subject', x.subject, 'correlationid', x.correlationid, 'data', x.data),
              jsonb_build_object('ce_type', ?::text, 'ce_id', x.id, 'correlation_id', x.correlationid) || ?::jsonb,
              x.time::timestamptz
         from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::jsonb[]) as x(id, time, subject, correlationid, data)`,
      [
        topic,
        first.type,
        JSON.stringify(shared),
        first.type,
        JSON.stringify(requestHeader),
        column((e) => e.id),
        column((e) => e.time),
        column((e) => e.subject),
        column((e) => e.correlationid),
        column((e) => JSON.stringify(e.data)),
      ],
    );
  }
}
