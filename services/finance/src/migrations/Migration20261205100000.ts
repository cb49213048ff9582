import { Migration } from '@mikro-orm/migrations';

/** Invoice and payment currency codes are held to ISO 4217's form, three capital letters. */
export class Migration20261205100000 extends Migration {
  override async up(): Promise<void> {
    for (const table of ['invoice', 'payment']) {
      this.addSql(`alter table ${table} add constraint ${table}_currency_check check (currency ~ '^[A-Z]{3}$');`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['invoice', 'payment']) {
      this.addSql(`alter table ${table} drop constraint if exists ${table}_currency_check;`);
    }
  }
}
