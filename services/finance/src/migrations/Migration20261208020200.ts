import { Migration } from '@mikro-orm/migrations';

/** Expenses: a claimant may delete their draft (soft: the row stays, with when). */
export class Migration20261208020200 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "expense" add column "deleted_at" timestamptz null;');
    this.addSql(`alter table "expense" add constraint "expense_deleted_draft" check ("deleted_at" is null or "state" = 'DRAFT');`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "expense" drop constraint "expense_deleted_draft", drop column "deleted_at";');
  }
}
