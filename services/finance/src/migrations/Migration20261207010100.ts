import { Migration } from '@mikro-orm/migrations';

/** Opening balances: receivables of kind OPENING_BALANCE, and where each came from in the previous system. */
export class Migration20261207010100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "invoice" drop constraint "invoice_kind_check";`);
    this.addSql(`alter table "invoice" add constraint "invoice_kind_check" check ("kind" in ('STANDARD', 'ADVANCE', 'FREE', 'OPENING_BALANCE'));`);
    this.addSql(`
      create table "opening_balance" ("invoice_id" uuid not null references invoice (id) deferrable initially deferred, "customer_id" uuid not null, "reference" text not null,
        "document_date" date not null, "import_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("invoice_id"));`);
    this.addSql('alter table "opening_balance" add constraint "opening_balance_customer_reference_key" unique ("customer_id", "reference");');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "opening_balance";');
    this.addSql(`alter table "invoice" drop constraint "invoice_kind_check";`);
    this.addSql(`alter table "invoice" add constraint "invoice_kind_check" check ("kind" in ('STANDARD', 'ADVANCE', 'FREE'));`);
  }
}
