import { Migration } from '@mikro-orm/migrations';

/** Order lines count what customers returned against their shipments (inventory's `return.received.v1`). */
export class Migration20261205200500 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table sales_order_line add column returned_quantity numeric(19,3) not null default 0;');
    this.addSql('alter table sales_order_line alter column returned_quantity drop default;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table sales_order_line drop column returned_quantity;');
  }
}
