import { Migration } from '@mikro-orm/migrations';

/** Teams (a hierarchy) and users with their roles. */
export class Migration20261124000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table team (
        id uuid primary key,
        name text not null,
        parent_id uuid null references team (id),
        created_at timestamptz not null default now()
      );`);
    this.addSql('create unique index team_name_unique on team (lower(name));');
    this.addSql('create index team_parent_idx on team (parent_id);');
    this.addSql(`
      create table app_user (
        id uuid primary key,
        email text not null,
        display_name text not null,
        role text not null check (role in ('SALES_REP', 'SALES_MANAGER', 'DIRECTOR', 'SUPPORT_AGENT', 'WAREHOUSE_CLERK', 'BUYER', 'ACCOUNTANT', 'ADMIN')),
        team_id uuid null references team (id),
        active boolean not null default true,
        created_at timestamptz not null default now(),
        constraint app_user_email_lower check (email = lower(email))
      );`);
    this.addSql('create unique index app_user_email_unique on app_user (email);');
    this.addSql('create index app_user_display_name_idx on app_user (display_name, id);');
    this.addSql('create index app_user_team_idx on app_user (team_id, display_name, id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists app_user;');
    this.addSql('drop table if exists team;');
  }
}
