import { Migration } from '@mikro-orm/migrations';

/**
 * `print_order`: each confirmed sales order's number, for the delivery notes that print it (a read
 * copy from `sales.order.confirmed.v2`). Orders confirmed before it existed print their id instead.
 */
export class Migration20261207040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table print_order (
        order_id uuid primary key,
        number text not null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists print_order;');
  }
}
