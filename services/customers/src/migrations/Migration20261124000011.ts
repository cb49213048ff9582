import { Migration } from '@mikro-orm/migrations';

/**
 * A customer's contacts. At most one live primary contact per customer: a partial rule on
 * (customer_id) where primary and not deleted, checked at commit (deferred), so one flush may
 * unset the old primary and set the new in any statement order.
 */
export class Migration20261124000011 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table contact (
        id uuid primary key,
        customer_id uuid not null references customer (id),
        name text not null,
        title text null,
        emails text[] not null default '{}',
        phones text[] not null default '{}',
        preferred_channel text null check (preferred_channel in ('EMAIL', 'PHONE', 'MEETING', 'LETTER')),
        is_primary boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz null
      );`);
    this.addSql('create index contact_customer_idx on contact (customer_id, is_primary desc, name, id) where deleted_at is null;');
    this.addSql(`alter table contact add constraint contact_one_primary_per_customer
                 exclude using btree (customer_id with =) where (is_primary and deleted_at is null)
                 deferrable initially deferred;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists contact;');
  }
}
