import { Migration } from '@mikro-orm/migrations';

/** The read copy of finance's exchange rates and base currency (the kit's `rate-copy`), fed by `finance.rate.set.v1` and `finance.base-currency.set.v1`, for reports in base currency. */
export class Migration20261207020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table rate_copy (
        id uuid primary key,
        from_currency char(3) not null check (from_currency ~ '^[A-Z]{3}$'),
        to_currency char(3) not null check (to_currency ~ '^[A-Z]{3}$'),
        valid_on date not null,
        rate numeric(20,10) not null,
        set_at timestamptz not null
      );`);
    this.addSql('create index rate_copy_pair_idx on rate_copy (from_currency, to_currency, valid_on);');
    this.addSql(`
      create table rate_copy_base (
        id integer primary key check (id = 1),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        set_at timestamptz not null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists rate_copy_base;');
    this.addSql('drop table if exists rate_copy;');
  }
}
