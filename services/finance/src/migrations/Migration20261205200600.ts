import { Migration } from '@mikro-orm/migrations';

/** Finance's read copy of customer returns per order line (inventory's `return.received.v1`): no longer invoiceable, and credited when invoiced. */
export class Migration20261205200600 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table returned_line (
        id uuid primary key,
        return_id uuid not null,
        order_line_id uuid not null,
        order_id uuid not null,
        product_id uuid not null,
        quantity numeric(19,3) not null,
        condition text not null check (condition in ('RESTOCK', 'SCRAP')),
        received_at timestamptz not null,
        created_at timestamptz not null default now(),
        unique (return_id, order_line_id)
      );`);
    this.addSql('create index returned_line_order_line_idx on returned_line (order_line_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists returned_line;');
  }
}
