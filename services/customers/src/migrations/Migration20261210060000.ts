import { Migration } from '@mikro-orm/migrations';

/**
 * The search's GIN indexes (Migration20261124000050) keep a short pending list. With GIN's fast
 * update, new entries go to an unsorted pending list that every search scans whole, entry by entry,
 * until it is merged into the index: by VACUUM (autovacuum, absent where it is off) or when it
 * outgrows `gin_pending_list_limit` (4 MB by default, up to 512 pages). After the search
 * benchmark's load (1,000,000 customers, `ANALYZE` only, which does not merge) the two phone
 * indexes held 430 and 418 pending pages: each phone lookup read ~480 pages and took 44–47 ms,
 * against 56 and 48 pages and 2–12 ms once merged. A 1 MB list (at most 128 pages) bounds what a
 * search scans to a quarter and keeps most of the batching that makes bulk writes cheap (256 kB made
 * 100,000 inserts into three trigram indexes 2–3× slower, 1 MB 1.3–2×; a 100,000-row customer
 * import took ~10–15 s longer on a busy machine, see bench/README.md); the lists are merged now.
 */
const SEARCH_GIN_INDEXES = [
  'customer_search_name_trgm_idx',
  'customer_search_email_trgm_idx',
  'customer_search_phone_trgm_idx',
  'contact_search_emails_idx',
  'contact_search_name_trgm_idx',
  'contact_search_emails_trgm_idx',
  'contact_search_phones_trgm_idx',
];

export class Migration20261210060000 extends Migration {
  override async up(): Promise<void> {
    for (const index of SEARCH_GIN_INDEXES) {
      this.addSql(`alter index ${index} set (gin_pending_list_limit = 1024);`);
      this.addSql(`select gin_clean_pending_list('${index}'::regclass);`);
    }
  }

  override async down(): Promise<void> {
    for (const index of SEARCH_GIN_INDEXES) this.addSql(`alter index ${index} reset (gin_pending_list_limit);`);
  }
}
