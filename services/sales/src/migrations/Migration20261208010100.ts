import { Migration } from '@mikro-orm/migrations';

/** Sales' read copy of finance's credit holds (`finance.credit-hold.changed.v1`): the latest change per customer, for the warning on orders and quotations. */
export class Migration20261208010100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table credit_hold (
        customer_id uuid primary key,
        on_hold boolean not null,
        reason text null,
        changed_at timestamptz not null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists credit_hold;');
  }
}
