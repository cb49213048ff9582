import { Migration } from '@mikro-orm/migrations';

/** When an order was completed by the delivery of its goods. */
export class Migration20261202000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table sales_order add column if not exists completed_at timestamptz null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table sales_order drop column if exists completed_at;');
  }
}
