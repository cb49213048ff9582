import { Migration } from '@mikro-orm/migrations';

/**
 * Debit notes (DN-000001): what a supplier owes back for goods returned after they were billed (one
 * per supplier return), their lines at the billed price, and how they were settled — applied to the
 * supplier's bills or refunded; a gap-free counter of their numbers.
 */
export class Migration20261208030100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`insert into purchasing_counter (name, value) values ('supplier_debit_note', 0);`);
    this.addSql(`create table supplier_debit_note (
      id uuid primary key,
      number text not null constraint supplier_debit_note_number_key unique,
      supplier_id uuid not null,
      purchase_order_id uuid not null,
      supplier_return_id uuid not null constraint supplier_debit_note_return_key unique,
      supplier_return_number text not null,
      currency char(3) not null,
      net_total numeric(19,4) not null,
      tax_total numeric(19,4) not null,
      gross_total numeric(19,4) not null,
      settled_total numeric(19,4) not null,
      created_at timestamptz not null default now(),
      constraint supplier_debit_note_settled_check check (settled_total >= 0 and settled_total <= gross_total)
    );`);
    this.addSql('create index supplier_debit_note_supplier_idx on supplier_debit_note (supplier_id);');
    this.addSql(`create table supplier_debit_note_line (
      id uuid primary key,
      debit_note_id uuid not null references supplier_debit_note (id) deferrable initially deferred,
      position int not null,
      purchase_order_line_id uuid not null,
      bill_line_id uuid not null,
      product_id uuid not null,
      description text not null,
      quantity numeric(19,3) not null check (quantity > 0),
      unit_price numeric(19,4) not null,
      tax_rate numeric(5,2) not null,
      net_amount numeric(19,4) not null
    );`);
    this.addSql('create index supplier_debit_note_line_note_idx on supplier_debit_note_line (debit_note_id);');
    this.addSql('create index supplier_debit_note_line_bill_line_idx on supplier_debit_note_line (bill_line_id);');
    this.addSql(`create table supplier_debit_note_settlement (
      id uuid primary key,
      debit_note_id uuid not null references supplier_debit_note (id) deferrable initially deferred,
      bill_id uuid null,
      amount numeric(19,4) not null check (amount > 0),
      settled_on date not null,
      created_by uuid not null,
      created_at timestamptz not null default now()
    );`);
    this.addSql('create index supplier_debit_note_settlement_note_idx on supplier_debit_note_settlement (debit_note_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table supplier_debit_note_settlement;');
    this.addSql('drop table supplier_debit_note_line;');
    this.addSql('drop table supplier_debit_note;');
    this.addSql(`delete from purchasing_counter where name = 'supplier_debit_note';`);
  }
}
