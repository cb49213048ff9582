import { Migration } from '@mikro-orm/migrations';

/**
 * `product_picture`: a product's pictures (PNG, JPEG, GIF or WebP, at most 2 MB, sniffed), their
 * bytes in the row (raw SQL only: they never pass the ORM or its audit), at most one main picture
 * per product (a partial unique index).
 */
export class Migration20261207100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table product_picture (
        id uuid primary key,
        product_id uuid not null references product (id),
        content_type text not null,
        size_bytes integer not null check (size_bytes between 1 and 2097152),
        sha256 text not null,
        data bytea not null,
        is_main boolean not null default false,
        uploaded_by uuid null,
        uploaded_at timestamptz not null default now()
      );`);
    this.addSql('create index product_picture_product_idx on product_picture (product_id, uploaded_at);');
    this.addSql('create unique index product_picture_main_key on product_picture (product_id) where is_main;');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists product_picture;');
  }
}
