import { Migration } from '@mikro-orm/migrations';

/** Supplier opening balances: payables taken over from a previous system are bills without a purchase order, marked as such. */
export class Migration20261207030200 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table supplier_bill alter column purchase_order_id drop not null;');
    this.addSql('alter table supplier_bill add column opening_balance boolean not null default false;');
    this.addSql('alter table supplier_bill add constraint supplier_bill_order_or_opening_check check (opening_balance = (purchase_order_id is null));');
  }

  override async down(): Promise<void> {
    this.addSql('alter table supplier_bill drop constraint supplier_bill_order_or_opening_check;');
    this.addSql('alter table supplier_bill drop column opening_balance;');
    this.addSql('alter table supplier_bill alter column purchase_order_id set not null;');
  }
}
