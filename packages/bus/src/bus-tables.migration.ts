import { Migration } from '@mikro-orm/migrations';

/** Creates the outbox and inbox tables; every service lists it first among its migrations. */
export class BusTablesMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists outbox_message (
        id uuid primary key,
        topic text not null,
        message_key text not null,
        type text not null,
        payload jsonb not null,
        headers jsonb not null default '{}'::jsonb,
        created_at timestamptz not null default now(),
        published_at timestamptz null
      );`);
    this.addSql(`create index if not exists outbox_message_unpublished_idx on outbox_message (created_at, id) where published_at is null;`);
    this.addSql(`
      create table if not exists inbox_message (
        consumer text not null,
        event_id text not null,
        type text not null,
        handled_at timestamptz not null default now(),
        primary key (consumer, event_id)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists inbox_message;');
    this.addSql('drop table if exists outbox_message;');
  }
}

export const BUS_MIGRATION = { name: 'Migration00000000000000_bus_tables', class: BusTablesMigration };
