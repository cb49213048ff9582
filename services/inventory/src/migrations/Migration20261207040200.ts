import { Migration } from '@mikro-orm/migrations';

/** The expression the index was built on (frozen here: the search no longer uses it; Migration20261208040000 drops the index). */
const PRODUCT_SEARCH_DOCUMENT = `lower(sku || ' ' || name || ' ' || coalesce(specification, ''))`;

/**
 * Typo-tolerant product search: a `pg_trgm` trigram GiST index over each live product's code, name
 * and specification together (the expression `searchProducts` filters and ranks by). GiST, not GIN:
 * it answers "the nearest 20 by word similarity" (`<<->`) without ranking every candidate.
 */
export class Migration20261207040200 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm;');
    this.addSql(`create index product_search_trgm_idx on product using gist ((${PRODUCT_SEARCH_DOCUMENT}) gist_trgm_ops) where deleted_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists product_search_trgm_idx;');
  }
}
