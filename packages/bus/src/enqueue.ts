import type { EntityManager } from '@mikro-orm/core';
import type { CloudEvent } from '@rapport/contracts';
import { OutboxMessage } from './outbox.entity.js';

/**
 * Puts `event` in the outbox of `em`'s unit of work. It is written by the same flush, in the
 * same transaction, as the change it describes; the relay publishes it afterwards.
 */
export function enqueue(em: EntityManager, topic: string, event: CloudEvent): void {
  const headers: Record<string, string> = { ce_type: event.type, ce_id: event.id, correlation_id: event.correlationid };
  if (event.requestid) headers['x-request-id'] = event.requestid;
  em.create(OutboxMessage, {
    id: event.id,
    topic,
    messageKey: event.subject,
    type: event.type,
    payload: event,
    headers,
    createdAt: new Date(event.time),
    publishedAt: null,
  });
}
