import { Migration } from '@mikro-orm/migrations';

/** The rest of a customer's record: industry, source, tier, tags, notes and when it was last contacted. */
export class Migration20261124000010 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table customer add column if not exists industry text null;');
    this.addSql(`alter table customer add column if not exists source text null
                 check (source in ('REFERRAL', 'WEBSITE', 'TRADE_SHOW', 'COLD_CALL', 'PARTNER', 'OTHER'));`);
    this.addSql(`alter table customer add column if not exists tier text null check (tier in ('A', 'B', 'C'));`);
    this.addSql(`alter table customer add column if not exists tags text[] not null default '{}' check (cardinality(tags) <= 20);`);
    this.addSql('alter table customer add column if not exists notes text null;');
    this.addSql('alter table customer add column if not exists last_contacted_at timestamptz null;');
    this.addSql('create index if not exists customer_tags_idx on customer using gin (tags);');
    this.addSql('create index if not exists customer_tier_idx on customer (tier, name, id);');
    this.addSql('create index if not exists customer_industry_idx on customer (lower(industry));');
    this.addSql('create index if not exists customer_last_contacted_idx on customer (last_contacted_at);');
  }

  override async down(): Promise<void> {
    for (const column of ['industry', 'source', 'tier', 'tags', 'notes', 'last_contacted_at']) this.addSql(`alter table customer drop column if exists ${column};`);
  }
}
