import { Migration } from '@mikro-orm/migrations';

/**
 * Printing: the PDF of every quotation as it was sent (kept for good: what was sent never changes),
 * and the recipients' names and addresses copied from the customers service's events. Raw SQL only
 * (printing.store.ts): the PDF bytes never go through the ORM or into audit entries.
 */
export class Migration20261205160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table printed_quotation (
        quotation_id uuid primary key,
        number text not null,
        file_name text not null,
        size_bytes integer not null check (size_bytes > 0),
        sha256 text not null,
        pdf bytea not null,
        printed_by uuid null,
        printed_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table print_customer (
        customer_id uuid primary key,
        name text not null,
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table print_customer_address (
        address_id uuid primary key,
        customer_id uuid not null,
        kind text not null,
        street text not null,
        postal_code text null,
        city text not null,
        region text null,
        country text not null,
        deleted_at timestamptz null,
        changed_at timestamptz not null
      );`);
    this.addSql('create index print_customer_address_customer_idx on print_customer_address (customer_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists print_customer_address;');
    this.addSql('drop table if exists print_customer;');
    this.addSql('drop table if exists printed_quotation;');
  }
}
