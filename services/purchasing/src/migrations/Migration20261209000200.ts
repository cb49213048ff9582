import { Migration } from '@mikro-orm/migrations';

/**
 * A purchase order's approval amount keeps its currency: finance's base currency when it was sent
 * (purchasing assumed EUR before). Orders sent until now were judged in EUR.
 */
export class Migration20261209000200 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table purchase_order add column approval_currency char(3) null;');
    this.addSql(`update purchase_order set approval_currency = 'EUR' where submitted_at is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table purchase_order drop column approval_currency;');
  }
}
