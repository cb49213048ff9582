import { Migration } from '@mikro-orm/migrations';

/**
 * How far each opportunity got in its pipeline (the furthest stage it stood in, Lost not counting),
 * kept on the opportunity as it moves, so the funnel counts who reached each stage without reading
 * every stage stay; the funnel's cohort index covers it.
 */
export class Migration20261205180200 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table opportunity add column furthest_stage_id uuid null references pipeline_stage (id);');
    this.addSql(`
      update opportunity o set furthest_stage_id = coalesce(
        (select h.stage_id from opportunity_stage_history h join pipeline_stage s on s.id = h.stage_id
          where h.opportunity_id = o.id and s.closes_as is distinct from 'LOST' order by s.position desc limit 1),
        o.stage_id);`);
    this.addSql('alter table opportunity alter column furthest_stage_id set not null;');
    this.addSql('drop index if exists opportunity_cohort_idx;');
    this.addSql(
      'create index opportunity_cohort_idx on opportunity (created_at) include (customer_id, stage_id, amount, currency, status, furthest_stage_id) where deleted_at is null;',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists opportunity_cohort_idx;');
    this.addSql('alter table opportunity drop column furthest_stage_id;');
    this.addSql('create index opportunity_cohort_idx on opportunity (created_at) include (customer_id, stage_id, amount, currency, status) where deleted_at is null;');
  }
}
