import { Migration } from '@mikro-orm/migrations';

/**
 * Expenses: claims by users tied to a customer (and possibly an order), from draft through
 * submission to an approval or rejection that records who decided, when and why, then paid back; and the claim
 * period finance sets (90 days while none is set).
 */
export class Migration20261207090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "expense" ("id" uuid not null, "claimant_id" uuid not null, "team_id" uuid null, "customer_id" uuid not null, "order_id" uuid null,
        "expense_date" date not null, "category" text not null, "amount" numeric(19,4) not null, "currency" char(3) not null, "description" text not null,
        "receipt_reference" text null, "state" text not null, "submitted_at" timestamptz null, "decided_by" uuid null, "decided_at" timestamptz null,
        "decision_comment" text null, "reimbursed_on" date null, "reimbursement_reference" text null, "reimbursed_by" uuid null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"),
        constraint expense_amount_positive check (amount > 0),
        constraint expense_decision check ((state in ('APPROVED', 'REJECTED')) = (decided_at is not null and decided_by is not null)),
        constraint expense_reimbursed_approved check (reimbursed_on is null or (state = 'APPROVED' and reimbursed_by is not null)));`);
    this.addSql(`alter table "expense" add constraint "expense_category_check" check ("category" in ('TRAVEL', 'SAMPLES', 'ENTERTAINMENT', 'OTHER'));`);
    this.addSql(`alter table "expense" add constraint "expense_state_check" check ("state" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED'));`);
    this.addSql('create index "expense_customer_idx" on "expense" ("customer_id");');
    this.addSql('create index "expense_order_idx" on "expense" ("order_id");');
    this.addSql('create index "expense_claimant_idx" on "expense" ("claimant_id");');
    this.addSql(`
      create table "expense_setting" ("id" int not null check (id = 1), "claim_days" int not null check (claim_days between 1 and 3650),
        "updated_at" timestamptz not null default now(), primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "expense_setting", "expense";');
  }
}
