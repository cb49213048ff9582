import { Migration } from '@mikro-orm/migrations';

/**
 * Supplier bills matched against purchase orders and receipts (lines with what was ordered and the
 * issue found), supplier payments (the unallocated rest is an advance) and their allocations to bills.
 */
export class Migration20261205120300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table supplier_bill (
        id uuid primary key,
        number text not null,
        supplier_reference text not null,
        supplier_id uuid not null references supplier (id),
        purchase_order_id uuid not null references purchase_order (id),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        bill_date date not null,
        due_date date not null,
        net_total numeric(19,4) not null,
        tax_total numeric(19,4) not null,
        gross_total numeric(19,4) not null check (gross_total >= 0),
        paid_total numeric(19,4) not null check (paid_total >= 0 and paid_total <= gross_total),
        status text not null check (status in ('HELD', 'REGISTERED')),
        hold_reasons text null,
        created_by uuid not null,
        released_by uuid null,
        registered_at timestamptz null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint supplier_bill_number_key unique (number)
      );`);
    this.addSql('create unique index supplier_bill_reference_idx on supplier_bill (supplier_id, lower(supplier_reference));');
    this.addSql('create index supplier_bill_due_idx on supplier_bill (supplier_id, due_date);');
    this.addSql(`
      create table supplier_bill_line (
        id uuid primary key,
        bill_id uuid not null references supplier_bill (id) deferrable initially deferred,
        position integer not null,
        purchase_order_line_id uuid not null references purchase_order_line (id),
        product_id uuid not null,
        description text not null,
        quantity numeric(19,3) not null check (quantity > 0),
        unit_price numeric(19,4) not null check (unit_price >= 0),
        ordered_price numeric(19,4) not null,
        tax_rate numeric(5,2) not null check (tax_rate between 0 and 100),
        net_amount numeric(19,4) not null,
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        issue text null
      );`);
    this.addSql('create index supplier_bill_line_bill_idx on supplier_bill_line (bill_id, position);');
    this.addSql(`
      create table supplier_payment (
        id uuid primary key,
        supplier_id uuid not null references supplier (id),
        amount numeric(19,4) not null check (amount > 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        unallocated numeric(19,4) not null check (unallocated >= 0 and unallocated <= amount),
        paid_on date not null,
        method text not null check (method in ('BANK_TRANSFER', 'CARD', 'CASH', 'CHEQUE', 'DIRECT_DEBIT')),
        bank_account text null,
        reference text null,
        created_by uuid not null,
        created_at timestamptz not null default now()
      );`);
    this.addSql('create index supplier_payment_supplier_idx on supplier_payment (supplier_id, paid_on);');
    this.addSql(`
      create table supplier_payment_allocation (
        id uuid primary key,
        payment_id uuid not null references supplier_payment (id) deferrable initially deferred,
        bill_id uuid not null references supplier_bill (id),
        amount numeric(19,4) not null check (amount > 0),
        created_at timestamptz not null default now()
      );`);
    this.addSql('create index supplier_payment_allocation_bill_idx on supplier_payment_allocation (bill_id);');
    this.addSql('create index supplier_payment_allocation_payment_idx on supplier_payment_allocation (payment_id);');
  }

  override async down(): Promise<void> {
    for (const table of ['supplier_payment_allocation', 'supplier_payment', 'supplier_bill_line', 'supplier_bill']) this.addSql(`drop table if exists ${table};`);
  }
}
