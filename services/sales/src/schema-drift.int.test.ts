import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createSalesService } from './create-sales-service.js';

describeSchemaDrift('sales', createSalesService, {
  tables: {
    sales_rollup_product: 'a monthly roll-up kept by PostgreSQL triggers on order lines and read by raw SQL in the product sales summary (Migration20261205180100)',
    sales_rollup_segment: 'a monthly roll-up kept by PostgreSQL triggers on order lines and read by raw SQL in the product sales summary (Migration20261205180100)',
    sales_rollup_pipeline: 'open deals per owner, team, expected close month and stage, kept by PostgreSQL triggers and read by raw SQL in the forecast (Migration20261208010000)',
    sales_rollup_cohort:
      'deals per owner, team, month opened, stage, furthest stage and status, kept by PostgreSQL triggers and read by raw SQL in the funnel (Migration20261208010000)',
    sales_rollup_stay: 'stage stays per owner, team, month opened and stage, kept by PostgreSQL triggers and read by raw SQL in the funnel (Migration20261208010000)',
    sales_rollup_order: 'orders per day, owner, team and currency, kept by PostgreSQL triggers and read by raw SQL in the performance per salesperson (Migration20261208010200)',
    sales_rollup_team_product:
      "what was sold per team, currency, product and month, kept by PostgreSQL triggers on order lines and read by raw SQL in a team head's product sales summary (Migration20261209010000)",
    sales_rollup_day:
      'what was sold per day and currency, kept by the order line roll-up triggers and read by raw SQL for the product sales total in base currency (Migration20261208010000)',
    credit_hold:
      "a read copy of finance's credit holds, written by raw SQL in its consumer (latest changedAt wins) and read by raw SQL for the warning on orders and quotations (Migration20261208010100)",
    document_counter: 'the gapless document numbers: one row per kind of document, incremented by raw SQL under its row lock in the numbering transaction (quotation.service.ts)',
    printed_quotation: "each sent quotation's PDF, stored for good: raw SQL only, so the bytes never pass the ORM or its audit (printing.store.ts)",
  },
});
