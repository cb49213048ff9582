import { Migration } from '@mikro-orm/migrations';

/**
 * Duplicate detection and merging: a normalised tax id, `merged_into` / `merged_ids`, and an index
 * for every way a duplicate is found (trigram names, emails, phone digits, tax id).
 */
export class Migration20261124000060 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm;');
    this.addSql('alter table customer add column tax_id text null;');
    this.addSql('alter table customer add column merged_into uuid null references customer (id);');
    this.addSql("alter table customer add column merged_ids uuid[] not null default '{}';");
    this.addSql('create index customer_tax_id_idx on customer (tax_id) where tax_id is not null;');
    this.addSql('create index customer_name_trgm_idx on customer using gin (lower(name) gin_trgm_ops);');
    this.addSql('create index customer_email_lower_idx on customer (lower(email)) where email is not null;');
    this.addSql('create index contact_emails_idx on contact using gin (emails) where deleted_at is null;');
    this.addSql(`create index customer_phone_digits_idx on customer (regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) where phone is not null;`);
    this.addSql(`
      create or replace function phone_digits(phones text[]) returns text[] language sql immutable parallel safe as
      $$ select coalesce(array_agg(regexp_replace(p, '[^0-9]', '', 'g')), '{}') from unnest(phones) p $$;`);
    this.addSql('create index contact_phone_digits_idx on contact using gin (phone_digits(phones)) where deleted_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists contact_phone_digits_idx;');
    this.addSql('drop function if exists phone_digits(text[]);');
    this.addSql('drop index if exists customer_phone_digits_idx;');
    this.addSql('drop index if exists contact_emails_idx;');
    this.addSql('drop index if exists customer_email_lower_idx;');
    this.addSql('drop index if exists customer_name_trgm_idx;');
    this.addSql('drop index if exists customer_tax_id_idx;');
    this.addSql('alter table customer drop column if exists merged_ids;');
    this.addSql('alter table customer drop column if exists merged_into;');
    this.addSql('alter table customer drop column if exists tax_id;');
  }
}
