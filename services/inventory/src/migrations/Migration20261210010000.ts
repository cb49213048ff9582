import { Migration } from '@mikro-orm/migrations';

/**
 * Typos in short words for the product search: a swap or a wrong letter in a 4-letter word (gear →
 * "gaer") leaves too few trigrams in common for pg_trgm to offer the word, so the search also asks
 * `fuzzystrmatch`'s `levenshtein_less_equal` over the vocabulary's words of letters only and of a
 * similar length (the typed word's length ± 1, read from this index).
 */
export class Migration20261210010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists fuzzystrmatch;');
    this.addSql(`create index product_search_word_length_idx on product_search_word (length(word)) where word !~ '[[:digit:]]';`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists product_search_word_length_idx;');
  }
}
