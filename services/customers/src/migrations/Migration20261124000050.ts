import { Migration } from '@mikro-orm/migrations';

/**
 * Customer search: `pg_trgm` trigram GIN indexes over customer and contact names (fuzzy), over
 * e-mail addresses and over phone numbers reduced to their digits (substring, exact-ish). The
 * helper functions are immutable so that expression indexes may use them.
 */
export class Migration20261124000050 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm;');
    this.addSql(`create or replace function search_digits(value text) returns text
                 language sql immutable parallel safe
                 as $fn$ select regexp_replace(coalesce(value, ''), '[^0-9]', '', 'g') $fn$;`);
    this.addSql(`create or replace function search_phone_digits(phones text[]) returns text
                 language sql immutable parallel safe
                 as $fn$ select coalesce(string_agg(regexp_replace(p, '[^0-9]', '', 'g'), ' '), '') from unnest(phones) p $fn$;`);
    this.addSql(`create or replace function search_emails(emails text[]) returns text
                 language sql immutable parallel safe
                 as $fn$ select lower(coalesce(array_to_string(emails, ' '), '')) $fn$;`);
    this.addSql('create index if not exists customer_search_name_trgm_idx on customer using gin (lower(name) gin_trgm_ops) where deleted_at is null;');
    this.addSql('create index if not exists customer_search_email_trgm_idx on customer using gin (lower(email) gin_trgm_ops) where deleted_at is null and email is not null;');
    this.addSql(
      'create index if not exists customer_search_phone_trgm_idx on customer using gin (search_digits(phone) gin_trgm_ops) where deleted_at is null and phone is not null;',
    );
    this.addSql('create index if not exists customer_search_email_idx on customer (lower(email)) where deleted_at is null and email is not null;');
    this.addSql('create index if not exists contact_search_emails_idx on contact using gin (emails) where deleted_at is null;');
    this.addSql('create index if not exists contact_search_name_trgm_idx on contact using gin (lower(name) gin_trgm_ops) where deleted_at is null;');
    this.addSql('create index if not exists contact_search_emails_trgm_idx on contact using gin (search_emails(emails) gin_trgm_ops) where deleted_at is null;');
    this.addSql('create index if not exists contact_search_phones_trgm_idx on contact using gin (search_phone_digits(phones) gin_trgm_ops) where deleted_at is null;');
  }

  override async down(): Promise<void> {
    for (const index of [
      'customer_search_email_idx',
      'contact_search_emails_idx',
      'customer_search_name_trgm_idx',
      'customer_search_email_trgm_idx',
      'customer_search_phone_trgm_idx',
      'contact_search_name_trgm_idx',
      'contact_search_emails_trgm_idx',
      'contact_search_phones_trgm_idx',
    ]) {
      this.addSql(`drop index if exists ${index};`);
    }
    this.addSql('drop function if exists search_digits(text);');
    this.addSql('drop function if exists search_phone_digits(text[]);');
    this.addSql('drop function if exists search_emails(text[]);');
  }
}
