import { Migration } from '@mikro-orm/migrations';

/**
 * Which team each user is in, as identity announces it (`identity.user.created.v1`): a team head
 * may give customers and leads only to reps of the teams they head, and this service has no other
 * way to know a rep's team (services never call each other).
 */
export class Migration20261205009000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table if not exists user_team (user_id uuid primary key, team_id uuid null, announced_at timestamptz not null default now());');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists user_team;');
  }
}
