import { Migration } from '@mikro-orm/migrations';

/**
 * Order-line quantities get the precision every quantity has (numeric(19,3): decimals with three
 * places, as wide as money), which the entities declare; they were numeric(15,3). Currency codes are
 * held to ISO 4217's form, three capital letters, as suppliers' already are.
 */
export class Migration20261205100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table sales_order_line alter column quantity type numeric(19,3);');
    for (const table of ['opportunity', 'sales_order', 'sales_order_line']) {
      this.addSql(`alter table ${table} add constraint ${table}_currency_check check (currency ~ '^[A-Z]{3}$');`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['opportunity', 'sales_order', 'sales_order_line']) {
      this.addSql(`alter table ${table} drop constraint if exists ${table}_currency_check;`);
    }
    this.addSql('alter table sales_order_line alter column quantity type numeric(15,3);');
  }
}
