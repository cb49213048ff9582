import { Migration } from '@mikro-orm/migrations';

/**
 * Index clean-up for bulk imports. Migration20261124000050 (search) and Migration20261124000060
 * (duplicates) had built the same indexes twice: a trigram GIN on `lower(customer.name)`, a btree
 * on `lower(customer.email)` and a GIN on `contact.emails`. Every import (and every write) paid for
 * each twice. The search's partial ones (live rows only) stay; the duplicate query now says
 * `deleted_at is null` in each branch so it uses them too.
 *
 * The tax-id index becomes partial on live rows: the import's exact per-value lookup
 * (`tax_id = $1 and deleted_at is null`) then has an index that answers it alone. With the old
 * `tax_id is not null` index the planner, without fresh statistics, ANDed it with a full scan of
 * `customer_name_lower_idx` (for `deleted_at is null`) — 2.6 ms per value at 100,000 customers,
 * which made re-importing 100,000 existing rows take over 200 s.
 *
 * `import_audit_change` is the composite type bulk imports build their audit entries' changes
 * from (`to_jsonb(array[row(field, from, to)::import_audit_change, …])`).
 */
export class Migration20261202000200 extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists customer_name_trgm_idx;');
    this.addSql('drop index if exists customer_email_lower_idx;');
    this.addSql('drop index if exists contact_emails_idx;');
    this.addSql('create index if not exists customer_tax_id_live_idx on customer (tax_id) where deleted_at is null and tax_id is not null;');
    this.addSql('drop index if exists customer_tax_id_idx;');
    // The shape of one audit change (packages/subgraph-kit's FieldChange): imports build their audit entries' JSON from it.
    this.addSql('create type import_audit_change as (field text, "from" jsonb, "to" jsonb);');
  }

  override async down(): Promise<void> {
    this.addSql('drop type if exists import_audit_change;');
    this.addSql('create index if not exists customer_tax_id_idx on customer (tax_id) where tax_id is not null;');
    this.addSql('drop index if exists customer_tax_id_live_idx;');
    this.addSql('create index if not exists contact_emails_idx on contact using gin (emails) where deleted_at is null;');
    this.addSql('create index if not exists customer_email_lower_idx on customer (lower(email)) where email is not null;');
    this.addSql('create index if not exists customer_name_trgm_idx on customer using gin (lower(name) gin_trgm_ops);');
  }
}
