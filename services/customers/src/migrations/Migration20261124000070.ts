import { Migration } from '@mikro-orm/migrations';

/** CSV imports: one row per import job with its progress and the rows it rejected; exact-name lookups for duplicates. */
export class Migration20261124000070 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table import_job (
        id uuid primary key,
        created_by uuid not null,
        status text not null check (status in ('RUNNING', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'ROLLED_BACK', 'FAILED')),
        dry_run boolean not null,
        mode text not null check (mode in ('ALL_OR_NOTHING', 'PER_ROW')),
        duplicates text not null check (duplicates in ('SKIP', 'MERGE', 'CREATE')),
        total integer not null default 0,
        processed integer not null default 0,
        created integer not null default 0,
        merged integer not null default 0,
        skipped integer not null default 0,
        failed integer not null default 0,
        errors jsonb not null default '[]'::jsonb,
        started_at timestamptz not null default now(),
        finished_at timestamptz null
      );`);
    this.addSql('create index import_job_created_by_idx on import_job (created_by, started_at desc);');
    this.addSql('create index customer_name_lower_idx on customer (lower(name)) where deleted_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists customer_name_lower_idx;');
    this.addSql('drop table if exists import_job;');
  }
}
