import { Migration } from '@mikro-orm/migrations';

/**
 * Dunning: the reminder levels accountants configure, the reminders sent (one per invoice and
 * level, never twice), the customers blocked from dunning, and the runs (daily and by hand).
 */
export class Migration20261207010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "dunning_level" ("id" uuid not null, "level" int not null, "days_after_due" int not null, "fee" numeric(19,4) not null default 0,
        "text" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"),
        constraint dunning_level_positive check (level >= 1 and days_after_due >= 1 and fee >= 0));`);
    this.addSql('alter table "dunning_level" add constraint "dunning_level_level_key" unique ("level");');
    this.addSql(`
      create table "reminder" ("id" uuid not null, "number" text not null, "invoice_id" uuid not null, "customer_id" uuid not null, "level" int not null,
        "currency" char(3) not null, "open_amount" numeric(19,4) not null, "fee" numeric(19,4) not null, "total" numeric(19,4) not null, "due_date" date not null,
        "days_overdue" int not null, "text" text not null, "sent_on" date not null, "created_at" timestamptz not null default now(), primary key ("id"),
        constraint reminder_amounts check (open_amount > 0 and fee >= 0 and total = open_amount + fee and days_overdue >= 1 and level >= 1));`);
    this.addSql('alter table "reminder" add constraint "reminder_number_key" unique ("number");');
    this.addSql('create index "reminder_customer_idx" on "reminder" ("customer_id");');
    this.addSql('alter table "reminder" add constraint "reminder_invoice_level_key" unique ("invoice_id", "level");');
    this.addSql(`
      create table "dunning_block" ("customer_id" uuid not null, "reason" text not null, "blocked_by" uuid null,
        "created_at" timestamptz not null default now(), primary key ("customer_id"));`);
    this.addSql(`
      create table "dunning_run" ("id" uuid not null, "as_of" date not null, "trigger" text not null, "reminder_count" int not null, "started_by" uuid null,
        "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql('create index "dunning_run_as_of_idx" on "dunning_run" ("as_of");');
    this.addSql(`alter table "dunning_run" add constraint "dunning_run_trigger_check" check ("trigger" in ('SCHEDULE', 'USER'));`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "dunning_run", "dunning_block", "reminder", "dunning_level";');
  }
}
