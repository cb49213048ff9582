import { defineEvent } from '@rapport/contracts';
import { Migration } from '@mikro-orm/migrations';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { z } from 'zod';
import { BUS_ENTITIES, BUS_MIGRATION } from '../src/index.js';

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
    migrations: { migrationsList: [BUS_MIGRATION, { name: 'effects', class: EffectsMigration }], snapshot: false },
    discovery: { warnWhenNoEntities: false },
  });
  await orm.migrator.up();
  return orm;
}
