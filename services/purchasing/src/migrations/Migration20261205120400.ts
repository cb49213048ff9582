import { Migration } from '@mikro-orm/migrations';

/** Suppliers' contacts and addresses (several of each, removable softly). */
export class Migration20261205120400 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table supplier_contact (
        id uuid primary key,
        supplier_id uuid not null references supplier (id),
        name text not null,
        position text null,
        email text null,
        phone text null,
        created_at timestamptz not null default now(),
        deleted_at timestamptz null
      );`);
    this.addSql('create index supplier_contact_supplier_idx on supplier_contact (supplier_id, name) where deleted_at is null;');
    this.addSql(`
      create table supplier_address (
        id uuid primary key,
        supplier_id uuid not null references supplier (id),
        kind text not null check (kind in ('OFFICE', 'BILLING', 'SHIPPING')),
        street text not null,
        postal_code text not null,
        city text not null,
        country char(2) not null check (country ~ '^[A-Z]{2}$'),
        created_at timestamptz not null default now(),
        deleted_at timestamptz null
      );`);
    this.addSql('create index supplier_address_supplier_idx on supplier_address (supplier_id, kind) where deleted_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists supplier_address;');
    this.addSql('drop table if exists supplier_contact;');
  }
}
