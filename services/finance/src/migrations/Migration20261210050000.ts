import { Migration } from '@mikro-orm/migrations';

/**
 * Reminder fees become owed: an invoice of kind FEE (numbered FEE-YYYY-NNNNNN) issued with the
 * reminder, which keeps it; a level may charge tax on its fee (none unless configured).
 */
export class Migration20261210050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "invoice" drop constraint "invoice_kind_check";`);
    this.addSql(`alter table "invoice" add constraint "invoice_kind_check" check ("kind" in ('STANDARD', 'ADVANCE', 'FREE', 'OPENING_BALANCE', 'FEE'));`);
    this.addSql(`alter table "reminder" add column "fee_invoice_id" uuid null references invoice (id) deferrable initially deferred;`);
    this.addSql(`alter table "dunning_level" add column "fee_tax_rate" numeric(7,4) not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dunning_level" drop column "fee_tax_rate";`);
    this.addSql(`alter table "reminder" drop column "fee_invoice_id";`);
    this.addSql(`alter table "invoice" drop constraint "invoice_kind_check";`);
    this.addSql(`alter table "invoice" add constraint "invoice_kind_check" check ("kind" in ('STANDARD', 'ADVANCE', 'FREE', 'OPENING_BALANCE'));`);
  }
}
