import { Migration } from '@mikro-orm/migrations';

/**
 * Several pipelines (per team or product line) with their own stages and forecast categories; a
 * stage history per opportunity (days in stage); sales targets per rep or team; a read copy of
 * each customer's industry and region (from the customers service's events) for the sales
 * summaries; indexes for the forecast, funnel and product sales summary.
 */
export class Migration20261205180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table pipeline (
        id uuid primary key,
        name text not null unique,
        team_id uuid null,
        description text null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`insert into pipeline (id, name) values ('5a1e5000-0000-4000-8000-0000000000f0', 'Sales');`);
    this.addSql(`
      alter table pipeline_stage
        add column pipeline_id uuid null references pipeline (id),
        add column forecast_category text null check (forecast_category in ('PIPELINE', 'BEST_CASE', 'COMMIT'));`);
    this.addSql(`update pipeline_stage set pipeline_id = '5a1e5000-0000-4000-8000-0000000000f0';`);
    this.addSql(`
      update pipeline_stage set forecast_category = case
        when closes_as is not null then null
        when probability >= 70 then 'COMMIT'
        when probability >= 40 then 'BEST_CASE'
        else 'PIPELINE' end;`);
    this.addSql('alter table pipeline_stage alter column pipeline_id set not null;');
    this.addSql('alter table pipeline_stage drop constraint if exists pipeline_stage_name_key, drop constraint if exists pipeline_stage_position_key;');
    this.addSql('alter table pipeline_stage add constraint pipeline_stage_pipeline_name_key unique (pipeline_id, name);');
    this.addSql('alter table pipeline_stage add constraint pipeline_stage_pipeline_position_key unique (pipeline_id, position) deferrable initially deferred;');
    this.addSql(`
      create table opportunity_stage_history (
        id uuid primary key,
        opportunity_id uuid not null references opportunity (id) deferrable initially deferred,
        stage_id uuid not null references pipeline_stage (id),
        entered_at timestamptz not null,
        left_at timestamptz null
      );`);
    this.addSql('create index opportunity_stage_history_opportunity_idx on opportunity_stage_history (opportunity_id, entered_at);');
    this.addSql('create index opportunity_stage_history_stage_idx on opportunity_stage_history (stage_id) include (opportunity_id, entered_at, left_at);');
    this.addSql(`
      insert into opportunity_stage_history (id, opportunity_id, stage_id, entered_at, left_at)
        select gen_random_uuid(), id, stage_id, coalesce(closed_at, created_at), null from opportunity;`);
    this.addSql(`
      create table sales_target (
        id uuid primary key,
        period_kind text not null check (period_kind in ('MONTH', 'QUARTER')),
        period_start date not null,
        rep_id uuid null,
        team_id uuid null,
        currency char(3) not null,
        amount numeric(19,4) not null check (amount >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (rep_id is not null or team_id is not null)
      );`);
    this.addSql(`create unique index sales_target_rep_key on sales_target (period_kind, period_start, rep_id, currency) where rep_id is not null;`);
    this.addSql(`create unique index sales_target_team_key on sales_target (period_kind, period_start, team_id, currency) where rep_id is null;`);
    this.addSql(`
      create table customer_profile (
        customer_id uuid primary key,
        industry text null,
        industry_at timestamptz null,
        region text null,
        country char(2) null,
        region_address_id uuid null,
        region_at timestamptz null
      );`);
    this.addSql(
      "create index opportunity_close_month_idx on opportunity (expected_close_date) include (customer_id, stage_id, amount, currency) where deleted_at is null and status = 'OPEN';",
    );
    this.addSql('create index opportunity_cohort_idx on opportunity (created_at) include (customer_id, stage_id, amount, currency, status) where deleted_at is null;');
    this.addSql('create index sales_order_sold_idx on sales_order (confirmed_at) include (customer_id, currency, total, status);');
    this.addSql('create index sales_order_line_order_summary_idx on sales_order_line (order_id) include (product_id, quantity, line_total, currency);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists sales_order_line_order_summary_idx, sales_order_sold_idx, opportunity_cohort_idx, opportunity_close_month_idx;');
    this.addSql('drop table if exists customer_profile, sales_target, opportunity_stage_history;');
    this.addSql('alter table pipeline_stage drop constraint pipeline_stage_pipeline_name_key, drop constraint pipeline_stage_pipeline_position_key;');
    this.addSql('alter table pipeline_stage drop column pipeline_id, drop column forecast_category;');
    this.addSql('alter table pipeline_stage add constraint pipeline_stage_name_key unique (name), add constraint pipeline_stage_position_key unique (position);');
    this.addSql('drop table if exists pipeline;');
  }
}
