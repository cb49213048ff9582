import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

// The bus sits below the subgraph kit, so it spells out what the kit's `createdAt()` property helper
// says: timestamptz not null default now(), stamped by the ORM on insert (bus-tables.migration.ts).
const insertedAt = () =>
  p
    .datetime()
    .defaultRaw('now()')
    .onCreate(() => new Date());

/**
 * An event waiting to be relayed to Kafka. Written in the same transaction as the change it
 * describes, so a change without its event (or the reverse) cannot happen.
 */
export const OutboxMessage = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  properties: {
    id: p.uuid().primary(),
    topic: p.text(),
    messageKey: p.text(),
    type: p.text(),
    payload: p.json<Record<string, unknown>>(),
    headers: p.json<Record<string, string>>().defaultRaw(`'{}'::jsonb`),
    createdAt: insertedAt(),
    publishedAt: p.datetime().nullable(),
  },
});
export type IOutboxMessage = InferEntity<typeof OutboxMessage>;

/** A handled event, recorded in the same transaction as its effect, so a redelivery has none. */
export const InboxMessage = defineEntity({
  name: 'InboxMessage',
  tableName: 'inbox_message',
  properties: {
    consumer: p.text().primary(),
    eventId: p.text().primary(),
    type: p.text(),
    handledAt: insertedAt(),
  },
});
export type IInboxMessage = InferEntity<typeof InboxMessage>;

export const BUS_ENTITIES = [OutboxMessage, InboxMessage];
