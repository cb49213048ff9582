import { Migration } from '@mikro-orm/migrations';

/**
 * A kept loan becomes a sale: `loan_conversion`, one row per conversion, names the sales order the
 * kept goods become (`order_id`, the id sales gives it) and the shipment inventory reports for it
 * (`shipment_id`). When sales confirms that order, inventory reserves nothing for it and reports
 * the goods shipped (`shipped_at`): they left the warehouse when they were lent.
 */
export class Migration20261210020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table loan_conversion (
        order_id uuid primary key,
        shipment_id uuid not null,
        loan_id uuid not null references loan (id),
        quantity numeric(19,3) not null check (quantity > 0),
        unit_price numeric(19,4) null,
        currency char(3) null,
        converted_at timestamptz not null,
        shipped_at timestamptz null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint loan_conversion_shipment_key unique (shipment_id)
      );`);
    this.addSql('create index loan_conversion_loan_idx on loan_conversion (loan_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists loan_conversion;');
  }
}
