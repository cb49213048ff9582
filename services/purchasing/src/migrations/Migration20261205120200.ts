import { Migration } from '@mikro-orm/migrations';

/**
 * Reorder suggestions from inventory's safety-stock alarms (one per alarm), and the receipts
 * inventory posted against purchase order lines (one row per receipt and line: a redelivered
 * receipt adds nothing).
 */
export class Migration20261205120200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table reorder_suggestion (
        id uuid primary key,
        alarm_id uuid not null,
        product_id uuid not null,
        warehouse_id uuid not null,
        quantity numeric(19,3) not null check (quantity > 0),
        supplier_id uuid null,
        unit_price numeric(19,4) null,
        currency char(3) null check (currency ~ '^[A-Z]{3}$'),
        status text not null check (status in ('OPEN', 'ORDERED', 'CLEARED')),
        purchase_order_id uuid null,
        raised_at timestamptz not null,
        cleared_at timestamptz null,
        created_at timestamptz not null default now(),
        constraint reorder_suggestion_alarm_key unique (alarm_id)
      );`);
    this.addSql(`create index reorder_suggestion_open_idx on reorder_suggestion (raised_at, id) where status = 'OPEN';`);
    this.addSql(`
      create table purchase_receipt_line (
        id uuid primary key,
        receipt_id uuid not null,
        receipt_number text not null,
        purchase_order_id uuid not null,
        purchase_order_line_id uuid not null,
        product_id uuid not null,
        warehouse_id uuid not null,
        quantity numeric(19,3) not null,
        unit_cost numeric(19,4) not null,
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        received_at timestamptz not null,
        constraint purchase_receipt_line_receipt_key unique (receipt_id, purchase_order_line_id)
      );`);
    this.addSql('create index purchase_receipt_line_order_idx on purchase_receipt_line (purchase_order_id, received_at);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists purchase_receipt_line;');
    this.addSql('drop table if exists reorder_suggestion;');
  }
}
