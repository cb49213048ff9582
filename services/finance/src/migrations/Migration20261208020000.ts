import { Migration } from '@mikro-orm/migrations';

/**
 * Credit hold: one row per customer once ever on hold — on when a reminder at the last dunning
 * level went out (the level and the invoice in the reason), off when every invoice at that level
 * is settled or an accountant released it with a comment.
 */
export class Migration20261208020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "credit_hold" ("customer_id" uuid not null, "on_hold" boolean not null, "reason" text null, "level" int null, "since" timestamptz null,
        "released_at" timestamptz null, "released_by" uuid null, "release_comment" text null,
        "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("customer_id"),
        constraint credit_hold_on check (not on_hold or (reason is not null and since is not null and level is not null)));`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "credit_hold";');
  }
}
