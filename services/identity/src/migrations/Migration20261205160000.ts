import { Migration } from '@mikro-orm/migrations';

/**
 * The company profile: one row, made here, that every printed document's letterhead comes from.
 * The logo's bytes (`logo_data`) are read and written by raw SQL only, so audit entries never carry them.
 */
export class Migration20261205160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table company_profile (
        id uuid primary key,
        version integer not null default 0 check (version >= 0),
        name text not null,
        street text null,
        postal_code text null,
        city text null,
        country text null,
        email text null,
        phone text null,
        website text null,
        vat_id text null,
        tax_number text null,
        iban text null,
        bic text null,
        bank_name text null,
        header_text text null,
        footer_text text null,
        default_terms text null,
        logo_content_type text null,
        logo_size_bytes integer null,
        logo_sha256 text null,
        logo_data bytea null,
        updated_by uuid null,
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`insert into company_profile (id, name) values (gen_random_uuid(), 'My company');`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists company_profile;');
  }
}
