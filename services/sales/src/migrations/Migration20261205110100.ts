import { Migration } from '@mikro-orm/migrations';

/**
 * Discount governance: limits per role (seeded) and per user, and the approval requests of
 * quotations over them with their decisions.
 */
export class Migration20261205110100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table discount_limit (
        id uuid primary key,
        role text null,
        user_id uuid null,
        max_line_discount numeric(5,2) not null check (max_line_discount between 0 and 100),
        max_total_discount numeric(5,2) not null check (max_total_discount between 0 and 100),
        min_margin_percent numeric(5,2) null check (min_margin_percent between 0 and 100),
        updated_by uuid null,
        updated_at timestamptz not null default now(),
        constraint discount_limit_role_key unique (role),
        constraint discount_limit_user_key unique (user_id),
        constraint discount_limit_whose check ((role is null) <> (user_id is null))
      );`);
    // Reps up to 10 % a line and 5 % overall, keeping 10 % margin; team heads 25 % / 15 %, never below cost; directors and admins unlimited.
    this.addSql(`
      insert into discount_limit (id, role, max_line_discount, max_total_discount, min_margin_percent) values
        (gen_random_uuid(), 'SALES_REP', 10, 5, 10),
        (gen_random_uuid(), 'SALES_MANAGER', 25, 15, 0),
        (gen_random_uuid(), 'DIRECTOR', 100, 100, null),
        (gen_random_uuid(), 'ADMIN', 100, 100, null);`);
    this.addSql(`
      create table discount_approval (
        id uuid primary key,
        quotation_id uuid not null references quotation (id) on delete cascade deferrable initially deferred,
        status text not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'VOIDED')),
        requested_by uuid not null,
        requester_team_id uuid null,
        requester_heads_teams boolean not null,
        request_comment text null,
        requested_at timestamptz not null,
        findings jsonb not null,
        fingerprint text not null,
        decided_by uuid null,
        decided_at timestamptz null,
        decision_comment text null,
        approved_max_line_discount numeric(5,2) null,
        approved_max_total_discount numeric(5,2) null,
        approved_min_margin_percent numeric(5,2) null
      );`);
    this.addSql('create index discount_approval_quotation_idx on discount_approval (quotation_id, requested_at desc);');
    this.addSql(`create index discount_approval_pending_idx on discount_approval (requested_at) where status = 'PENDING';`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists discount_approval;');
    this.addSql('drop table if exists discount_limit;');
  }
}
