import { Migration } from '@mikro-orm/migrations';

/** Documents attached to customers: the file's metadata; the bytes live in the document storage. */
export class Migration20261202000100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table customer_document (
        id uuid primary key,
        customer_id uuid not null references customer (id),
        kind text not null check (kind in ('QUOTATION', 'CONTRACT', 'SPECIFICATION', 'OTHER')),
        file_name text not null check (length(file_name) between 1 and 255),
        content_type text not null,
        size_bytes integer not null check (size_bytes > 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text not null unique,
        uploaded_by uuid not null,
        uploaded_at timestamptz not null default now(),
        description text null,
        updated_at timestamptz not null default now(),
        deleted_at timestamptz null
      );`);
    this.addSql('create index customer_document_customer_idx on customer_document (customer_id, uploaded_at desc, id desc) where deleted_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists customer_document;');
  }
}
