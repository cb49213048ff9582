import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createEvent, type CloudEvent, type EventDefinition, type EventMetadata } from '@rapport/contracts';
import type { z } from 'zod';
import { enqueue, enqueueMany } from './enqueue.js';

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

/** One event of `publishMany`: the aggregate it is about (the message key) and its data. */
export interface BulkEvent<TData> {
  subject: string;
  data: TData;
}

/**
 * The bulk form of `publish`, for changes written with SQL in bulk rather than by a flush: builds
 * each event as `publish` does (payload validated by the contract, the same envelope and metadata;
 * each event gets an id of its own, so `meta.id` is not taken) and writes them all to the outbox at
 * once with one INSERT (`enqueueMany`), inside `em`'s transaction — which must be the change's.
 * Returns the events written.
 */
export async function publishMany<TType extends string, TSchema extends z.ZodType>(
  em: SqlEntityManager,
  definition: EventDefinition<TType, TSchema>,
  events: readonly BulkEvent<z.input<TSchema>>[],
  meta: Omit<EventMetadata, 'id'> = {},
): Promise<CloudEvent<TType, z.infer<TSchema>>[]> {
  const { id: _ignored, ...shared } = meta as EventMetadata;
  void _ignored;
  const built = events.map(({ subject, data }) => createEvent(definition, subject, data, shared));
  await enqueueMany(
    em,
    built.map((event) => ({ topic: definition.topic, event })),
  );
  return built;
}
