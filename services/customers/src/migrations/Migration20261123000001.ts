import { Migration } from '@mikro-orm/migrations';

/** Customers and the customer timeline. */
export class Migration20261123000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table customer (
        id uuid primary key,
        name text not null,
        kind text not null check (kind in ('COMPANY', 'PERSON')),
        lifecycle_state text not null check (lifecycle_state in ('LEAD', 'PROSPECT', 'ACTIVE', 'DORMANT', 'LOST')),
        email text null,
        phone text null,
        owner_id uuid null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index customer_owner_name_idx on customer (owner_id, name, id);');
    this.addSql('create index customer_name_idx on customer (name, id);');
    this.addSql(`
      create table timeline_entry (
        id uuid primary key,
        customer_id uuid not null,
        event_id text not null unique,
        kind text not null,
        summary text not null,
        source_service text not null,
        subject_id text not null,
        occurred_at timestamptz not null
      );`);
    this.addSql('create index timeline_entry_customer_idx on timeline_entry (customer_id, occurred_at desc, id desc);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists timeline_entry;');
    this.addSql('drop table if exists customer;');
  }
}
