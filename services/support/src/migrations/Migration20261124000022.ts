import { Migration } from '@mikro-orm/migrations';

/** SLA targets per ticket priority, in minutes from opening, seeded with the agreed defaults. */
export class Migration20261124000022 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table sla_target (
        priority text primary key check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
        first_response_minutes integer not null check (first_response_minutes > 0),
        resolution_minutes integer not null check (resolution_minutes > 0),
        updated_at timestamptz not null default now(),
        check (first_response_minutes <= resolution_minutes)
      );`);
    this.addSql(`
      insert into sla_target (priority, first_response_minutes, resolution_minutes) values
        ('URGENT', 60, 480),
        ('HIGH', 240, 1440),
        ('NORMAL', 480, 4320),
        ('LOW', 1440, 7200);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists sla_target;');
  }
}
