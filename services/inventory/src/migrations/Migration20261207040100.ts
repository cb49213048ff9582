import { Migration } from '@mikro-orm/migrations';

/** Returns to suppliers: goods sent back against a posted receipt, per receipt line, with the SUPPLIER_RETURN move of each. */
export class Migration20261207040100 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create sequence supplier_return_number_seq;');
    this.addSql(`
      create table supplier_return (
        id uuid primary key,
        number text not null,
        receipt_id uuid not null references receipt (id),
        warehouse_id uuid not null references warehouse (id),
        purchase_order_id uuid null,
        supplier_id uuid null,
        reason text not null check (length(reason) between 1 and 500),
        returned_at timestamptz not null,
        actor_id uuid null,
        created_at timestamptz not null default now(),
        constraint supplier_return_number_key unique (number)
      );`);
    this.addSql('create index supplier_return_receipt_idx on supplier_return (receipt_id);');
    this.addSql('create index supplier_return_returned_idx on supplier_return (returned_at desc, id desc);');
    this.addSql(`
      create table supplier_return_line (
        id uuid primary key,
        return_id uuid not null references supplier_return (id),
        receipt_line_id uuid not null references receipt_line (id),
        purchase_order_line_id uuid null,
        product_id uuid not null references product (id),
        quantity numeric(19,3) not null check (quantity > 0),
        unit_cost numeric(19,4) not null check (unit_cost >= 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        stock_move_id uuid not null references stock_move (id)
      );`);
    this.addSql('create index supplier_return_line_return_idx on supplier_return_line (return_id);');
    this.addSql('create index supplier_return_line_receipt_line_idx on supplier_return_line (receipt_line_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists supplier_return_line;');
    this.addSql('drop table if exists supplier_return;');
    this.addSql('drop sequence if exists supplier_return_number_seq;');
  }
}
