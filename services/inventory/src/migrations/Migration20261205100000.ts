import { Migration } from '@mikro-orm/migrations';

/** A product's currency code is held to ISO 4217's form, three capital letters. */
export class Migration20261205100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table product add constraint product_currency_check check (currency ~ '^[A-Z]{3}$');`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table product drop constraint if exists product_currency_check;');
  }
}
