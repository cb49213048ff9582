import { Migration } from '@mikro-orm/migrations';

/** When (and by whom) an activity's follow-up — its next step, or the planned visit — was done: it stops being a reminder. */
export class Migration20261202000400 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table activity add column if not exists follow_up_done_at timestamptz null;');
    this.addSql('alter table activity add column if not exists follow_up_done_by uuid null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table activity drop column if exists follow_up_done_by;');
    this.addSql('alter table activity drop column if exists follow_up_done_at;');
  }
}
