import type { EntityManager } from '@mikro-orm/core';
import { createEvent, type EventDefinition, type EventMetadata } from '@rapport/contracts';
import type { z } from 'zod';
import { enqueue } from './enqueue.js';

/**
 * Builds the CloudEvent for `definition` and puts it in the outbox of `em`; it is written by the
 * same flush as the change. Services call this from their service layer, never after a flush.
 */
export function publish<TType extends string, TSchema extends z.ZodType>(
  em: EntityManager,
  definition: EventDefinition<TType, TSchema>,
  subject: string,
  data: z.input<TSchema>,
  meta: EventMetadata = {},
): void {
  enqueue(em, definition.topic, createEvent(definition, subject, data, meta));
}
