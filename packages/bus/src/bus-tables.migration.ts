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

/**
 * Gives each outbox row its place in the order it was written, and the relay that order. Before
 * it the relay ordered by (created_at, id): the event's time in milliseconds and a random id, so
 * two events one transaction wrote in the same millisecond about one aggregate (a product's
 * `deleted` then `changed`) were relayed in either order, and a consumer keyed on the aggregate
 * could apply them backwards. An identity column numbers rows as they are inserted, within a
 * transaction and across them; rows already waiting get numbers in table order.
 */
export class OutboxPositionMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table outbox_message add column if not exists position bigint generated always as identity;');
    this.addSql('drop index if exists outbox_message_unpublished_idx;');
    this.addSql('create index if not exists outbox_message_pending_idx on outbox_message (position) where published_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists outbox_message_pending_idx;');
    this.addSql('alter table outbox_message drop column if exists position;');
    this.addSql('create index if not exists outbox_message_unpublished_idx on outbox_message (created_at, id) where published_at is null;');
  }
}

export const OUTBOX_POSITION_MIGRATION = { name: 'Migration00000000000000_outbox_position', class: OutboxPositionMigration };

/** The channel a commit that wrote outbox rows notifies; the relay listens on it. */
export const OUTBOX_CHANNEL = 'outbox_message';

/**
 * Wakes the relay when a transaction that wrote outbox rows commits: a statement-level trigger
 * calls `pg_notify`, which PostgreSQL delivers at commit (never for a rolled-back transaction) and
 * folds into one notification per transaction. Every writer is covered — a flush, `enqueueMany`,
 * a script — and the relay polls only as a safety net (a notification lost with its connection).
 */
export class OutboxNotifyMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create or replace function outbox_message_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('${OUTBOX_CHANNEL}', '');
        return null;
      end $$;`);
    this.addSql('drop trigger if exists outbox_message_notify on outbox_message;');
    this.addSql('create trigger outbox_message_notify after insert on outbox_message for each statement execute function outbox_message_notify();');
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists outbox_message_notify on outbox_message;');
    this.addSql('drop function if exists outbox_message_notify();');
  }
}

export const OUTBOX_NOTIFY_MIGRATION = { name: 'Migration00000000000000_outbox_notify', class: OutboxNotifyMigration };
