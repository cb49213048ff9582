import { randomUUID } from 'node:crypto';
import { defineEvent } from '@rapport/contracts';
import { Migration } from '@mikro-orm/migrations';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { z } from 'zod';
import { createTestDatabase, deleteTopics, type TestDatabase } from '@rapport/testing';
import type { Kafka } from 'kafkajs';
import { BUS_ENTITIES, BUS_MIGRATION, createKafka, OUTBOX_NOTIFY_MIGRATION, OUTBOX_POSITION_MIGRATION, deadLetterTopic, ensureTopics, publish } from '../src/index.js';

/** A test-only event type: `testing.note.written.v1` on topic `testing.note`. */
export const NoteWrittenV1 = defineEvent('testing.note.written.v1', z.object({ noteId: z.guid(), text: z.string() }));

class EffectsMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table applied_effect (id serial primary key, event_id text not null, note_id uuid not null);');
  }
}

export const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

/** An ORM with the bus tables and an `applied_effect` table for consumers' effects. */
export async function createBusOrm(url: string): Promise<MikroORM> {
  const orm = await MikroORM.init({
    clientUrl: url,
    entities: BUS_ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList: [BUS_MIGRATION, OUTBOX_POSITION_MIGRATION, OUTBOX_NOTIFY_MIGRATION, { name: 'effects', class: EffectsMigration }], snapshot: false },
    discovery: { warnWhenNoEntities: false },
  });
  await orm.migrator.up();
  return orm;
}

/** Runs `query` on a fresh fork of `orm`. */
export const runSql = <T>(orm: MikroORM, query: string, params: unknown[] = []): Promise<T[]> => orm.em.fork().getConnection().execute<T[]>(query, params);

/** Publishes a NoteWrittenV1 through the outbox, as a service does (in the flush); answers the note's id and the event's. */
export async function writeNote(orm: MikroORM, text: string): Promise<{ noteId: string; eventId: string }> {
  const em = orm.em.fork();
  const noteId = randomUUID();
  publish(em, NoteWrittenV1, noteId, { noteId, text });
  await em.flush();
  const [row] = await runSql<{ id: string }>(orm, 'select id from outbox_message where message_key = ?', [noteId]);
  if (!row) throw new Error(`no outbox row for note ${noteId}`);
  return { noteId, eventId: row.id };
}

/** How many messages `topic` holds now, over all its partitions. */
export async function messagesOnTopic(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** What a bus test file runs against: its own database with the bus tables, and the note topic under its own topic namespace. */
export interface BusTestBed {
  db: TestDatabase;
  orm: MikroORM;
  kafka: Kafka;
  /** Closes the ORM, drops the database and deletes the namespace's topics. */
  stop(): Promise<void>;
}

/**
 * A fresh database (`label`) with the bus tables, a Kafka client, and under `prefix` the note topic
 * and a dead-letter topic for each consumer group in `groups`.
 */
export async function startBusTestBed(label: string, brokers: string[], prefix: string, groups: readonly string[]): Promise<BusTestBed> {
  const db = await createTestDatabase(label);
  const orm = await createBusOrm(db.url);
  const kafka = createKafka({ brokers, clientId: `${label}-test`, logger });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [`${prefix}${NoteWrittenV1.topic}`, ...groups.map((group) => deadLetterTopic(prefix, group))]);
  } finally {
    await admin.disconnect();
  }
  return {
    db,
    orm,
    kafka,
    async stop() {
      await orm.close(true);
      await db.drop();
      await deleteTopics(brokers, prefix);
    },
  };
}
