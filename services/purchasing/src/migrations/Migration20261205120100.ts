import { Migration } from '@mikro-orm/migrations';

/**
 * Purchase orders and their lines; the gap-free document counters (one row per kind, taken under its
 * row lock); approval limits per approver level (configurable, in the base currency) and who holds
 * the purchasing head's level.
 */
export class Migration20261205120100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table purchasing_counter (name text primary key, value bigint not null check (value >= 0));`);
    this.addSql(`insert into purchasing_counter (name, value) values ('purchase_order', 0), ('supplier_bill', 0);`);
    this.addSql(`
      create table approval_limit (
        level text primary key check (level in ('BUYER', 'PURCHASING_HEAD', 'DIRECTOR')),
        max_amount numeric(19,4) null check (max_amount >= 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$')
      );`);
    this.addSql(`insert into approval_limit (level, max_amount, currency) values ('BUYER', 5000, 'EUR'), ('PURCHASING_HEAD', 50000, 'EUR'), ('DIRECTOR', null, 'EUR');`);
    this.addSql(`
      create table purchasing_approver (
        user_id uuid primary key,
        level text not null check (level in ('BUYER', 'PURCHASING_HEAD', 'DIRECTOR'))
      );`);
    this.addSql(`
      create table purchase_order (
        id uuid primary key,
        number text not null,
        supplier_id uuid not null references supplier (id),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        warehouse_id uuid null,
        status text not null check (status in ('DRAFT', 'AWAITING_APPROVAL', 'APPROVED', 'CANCELLED')),
        net_total numeric(19,4) not null,
        tax_total numeric(19,4) not null,
        gross_total numeric(19,4) not null,
        created_by uuid not null,
        approval_reason text null,
        approval_amount numeric(19,4) null,
        submitted_by uuid null,
        submitted_at timestamptz null,
        approved_by uuid null,
        approved_at timestamptz null,
        cancelled_at timestamptz null,
        announced_at timestamptz null,
        copied_from_id uuid null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint purchase_order_number_key unique (number)
      );`);
    this.addSql('create index purchase_order_supplier_day_idx on purchase_order (supplier_id, created_by, created_at);');
    this.addSql(`
      create table purchase_order_line (
        id uuid primary key,
        purchase_order_id uuid not null references purchase_order (id) deferrable initially deferred,
        position integer not null,
        product_id uuid not null,
        description text not null,
        quantity numeric(19,3) not null check (quantity > 0),
        unit_price numeric(19,4) not null check (unit_price >= 0),
        tax_rate numeric(5,2) not null check (tax_rate between 0 and 100),
        net_amount numeric(19,4) not null,
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        expected_date date null,
        received_quantity numeric(19,3) not null,
        billed_quantity numeric(19,3) not null,
        cancelled_quantity numeric(19,3) not null
      );`);
    this.addSql('create index purchase_order_line_order_idx on purchase_order_line (purchase_order_id, position);');
  }

  override async down(): Promise<void> {
    for (const table of ['purchase_order_line', 'purchase_order', 'purchasing_approver', 'approval_limit', 'purchasing_counter']) this.addSql(`drop table if exists ${table};`);
  }
}
