import { Migration } from '@mikro-orm/migrations';

/**
 * Tickets gain contact, channel, category and assignment, the first-response time and the SLA
 * pause bookkeeping; every status change is kept in `ticket_status_change`, comments in
 * `ticket_comment`.
 */
export class Migration20261124000021 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table ticket
        add column contact_id uuid null,
        add column channel text null check (channel in ('EMAIL', 'PHONE', 'WEB', 'CHAT', 'VISIT')),
        add column category text null,
        add column assignee_id uuid null,
        add column team_id uuid null,
        add column first_responded_at timestamptz null,
        add column first_response_paused_seconds integer null,
        add column paused_seconds integer not null default 0 check (paused_seconds >= 0),
        add column paused_since timestamptz null;`);
    // Tickets already waiting on their customer pause from their last change on.
    this.addSql(`update ticket set paused_since = updated_at where status = 'WAITING_ON_CUSTOMER';`);
    this.addSql('create index ticket_assignee_idx on ticket (assignee_id, opened_at desc, id desc) where deleted_at is null;');
    this.addSql('create index ticket_team_idx on ticket (team_id, opened_at desc, id desc) where deleted_at is null;');
    this.addSql(`
      create table ticket_status_change (
        id uuid primary key,
        -- deferred: the opening's entry is written in the same flush as the ticket, in no set order
        ticket_id uuid not null references ticket (id) deferrable initially deferred,
        from_status text null check (from_status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED', 'REOPENED')),
        to_status text not null check (to_status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED', 'REOPENED')),
        note text null,
        changed_by uuid null,
        at timestamptz not null
      );`);
    this.addSql('create index ticket_status_change_ticket_idx on ticket_status_change (ticket_id, at, id);');
    this.addSql(`
      create table ticket_comment (
        id uuid primary key,
        ticket_id uuid not null references ticket (id),
        author_id uuid not null,
        body text not null,
        internal boolean not null default false,
        created_at timestamptz not null
      );`);
    this.addSql('create index ticket_comment_ticket_idx on ticket_comment (ticket_id, created_at, id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists ticket_comment;');
    this.addSql('drop table if exists ticket_status_change;');
    this.addSql('drop index if exists ticket_team_idx;');
    this.addSql('drop index if exists ticket_assignee_idx;');
    this.addSql(`
      alter table ticket
        drop column if exists paused_since,
        drop column if exists paused_seconds,
        drop column if exists first_response_paused_seconds,
        drop column if exists first_responded_at,
        drop column if exists team_id,
        drop column if exists assignee_id,
        drop column if exists category,
        drop column if exists channel,
        drop column if exists contact_id;`);
  }
}
