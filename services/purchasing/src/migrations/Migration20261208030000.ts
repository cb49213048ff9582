import { Migration } from '@mikro-orm/migrations';

/** The tax rate a supplier's answer to an inquiry quotes (percent), carried to the purchase order line made from it; 0 for answers recorded before. */
export class Migration20261208030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table purchase_inquiry_answer add column tax_rate numeric(5,2) not null default 0;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table purchase_inquiry_answer drop column tax_rate;');
  }
}
