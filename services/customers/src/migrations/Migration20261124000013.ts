import { Migration } from '@mikro-orm/migrations';

/** Activities with customers (calls, visits, meetings, emails, notes, planned visits), their reminders and review. */
export class Migration20261124000013 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table activity (
        id uuid primary key,
        customer_id uuid not null references customer (id),
        kind text not null check (kind in ('CALL', 'VISIT', 'MEETING', 'EMAIL', 'NOTE', 'PLANNED_VISIT')),
        contact_id uuid null references contact (id),
        opportunity_id uuid null,
        subject text not null,
        body text null,
        occurred_at timestamptz null,
        planned_for timestamptz null,
        happens_at timestamptz not null,
        outcome text null,
        next_step text null,
        next_step_due date null,
        created_by uuid null,
        review_status text not null default 'PENDING' check (review_status in ('PENDING', 'APPROVED', 'REJECTED')),
        reviewer_id uuid null,
        review_comment text null,
        reviewed_at timestamptz null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint activity_time_check check (
          happens_at = coalesce(occurred_at, planned_for)
          and ((kind = 'PLANNED_VISIT') = (planned_for is not null))
          and ((kind = 'PLANNED_VISIT') = (occurred_at is null))
        ),
        constraint activity_review_check check ((review_status = 'PENDING') = (reviewed_at is null))
      );`);
    this.addSql('create index activity_customer_idx on activity (customer_id, happens_at desc, id desc);');
    this.addSql('create index activity_happens_idx on activity (happens_at desc, id desc);');
    this.addSql('create index activity_next_step_due_idx on activity (next_step_due) where next_step_due is not null;');
    this.addSql(`create index activity_planned_idx on activity (planned_for) where kind = 'PLANNED_VISIT';`);
    this.addSql(`create index activity_pending_review_idx on activity (review_status) where review_status = 'PENDING';`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists activity;');
  }
}
