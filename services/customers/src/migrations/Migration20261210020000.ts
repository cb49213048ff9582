import { Migration } from '@mikro-orm/migrations';

/**
 * To-dos for a rep raised by the system (kind TASK), e.g. an overdue loan to chase
 * (`inventory.loan.overdue.v1`): addressed to a user (`assignee_id`, the customer's owner), a reminder
 * (`next_step_due`) until its follow-up is done. A task is not contact with the customer.
 */
export class Migration20261210020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table activity drop constraint if exists activity_kind_check;');
    this.addSql(`alter table activity add constraint activity_kind_check check (kind in ('CALL', 'VISIT', 'MEETING', 'EMAIL', 'NOTE', 'PLANNED_VISIT', 'TASK'));`);
    this.addSql('alter table activity add column assignee_id uuid null;');
    this.addSql('create index activity_assignee_open_idx on activity (assignee_id, next_step_due) where assignee_id is not null and follow_up_done_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists activity_assignee_open_idx;');
    this.addSql('alter table activity drop column if exists assignee_id;');
    this.addSql(`delete from activity where kind = 'TASK';`);
    this.addSql('alter table activity drop constraint if exists activity_kind_check;');
    this.addSql(`alter table activity add constraint activity_kind_check check (kind in ('CALL', 'VISIT', 'MEETING', 'EMAIL', 'NOTE', 'PLANNED_VISIT'));`);
  }
}
