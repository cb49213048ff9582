import { Migration } from '@mikro-orm/migrations';

/** A customer's postal addresses (billing, shipping, sites). */
export class Migration20261124000012 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table customer_address (
        id uuid primary key,
        customer_id uuid not null references customer (id),
        kind text not null check (kind in ('BILLING', 'SHIPPING', 'SITE')),
        street text not null,
        postal_code text null,
        city text not null,
        region text null,
        country char(2) not null check (country ~ '^[A-Z]{2}$'),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz null
      );`);
    this.addSql('create index customer_address_customer_idx on customer_address (customer_id, kind, id) where deleted_at is null;');
    this.addSql('create index customer_address_city_idx on customer_address (lower(city), customer_id) where deleted_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists customer_address;');
  }
}
