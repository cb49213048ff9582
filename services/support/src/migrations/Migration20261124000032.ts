import { Migration } from '@mikro-orm/migrations';

/** Customer satisfaction: at most one rating (1–5) per resolved or closed ticket. */
export class Migration20261124000032 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table satisfaction_rating (
        id uuid primary key,
        ticket_id uuid not null unique references ticket (id),
        rating smallint not null check (rating between 1 and 5),
        comment text null,
        rated_at timestamptz not null,
        rated_by uuid null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index satisfaction_rating_rated_idx on satisfaction_rating (rated_at);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists satisfaction_rating;');
  }
}
