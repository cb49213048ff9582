import { Migration } from '@mikro-orm/migrations';

/**
 * Currencies: the company's base currency (one row; EUR while none is set), dated exchange rates per
 * pair, and every finance document's rate to base at issue with its amount in base. Documents
 * already issued in EUR (the base while none was set) get rate 1; the others keep null, as no
 * rate existed when they were issued (reports in base look the rate of their date up instead).
 */
export class Migration20261207020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table base_currency (
        id integer primary key check (id = 1),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table exchange_rate (
        id uuid primary key,
        from_currency char(3) not null check (from_currency ~ '^[A-Z]{3}$'),
        to_currency char(3) not null check (to_currency ~ '^[A-Z]{3}$'),
        valid_on date not null,
        rate numeric(20,10) not null check (rate > 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (from_currency <> to_currency),
        unique (from_currency, to_currency, valid_on)
      );`);
    this.addSql('alter table invoice add column rate_to_base numeric(20,10) null, add column base_total numeric(19,4) null;');
    this.addSql('alter table payment add column rate_to_base numeric(20,10) null, add column base_amount numeric(19,4) null;');
    this.addSql('alter table credit_note add column rate_to_base numeric(20,10) null, add column base_gross_total numeric(19,4) null;');
    this.addSql(`update invoice set rate_to_base = 1, base_total = total where currency = 'EUR';`);
    this.addSql(`update payment set rate_to_base = 1, base_amount = amount where currency = 'EUR';`);
    this.addSql(`update credit_note set rate_to_base = 1, base_gross_total = gross_total where currency = 'EUR';`);
    // The snapshot is part of what a document says once issued: never changed afterwards (a null stays null).
    this.addSql(`
      create function finance_rate_snapshot_immutable() returns trigger language plpgsql as $$
      begin
        if (to_jsonb(new) -> 'rate_to_base', to_jsonb(new) -> tg_argv[0]) is distinct from (to_jsonb(old) -> 'rate_to_base', to_jsonb(old) -> tg_argv[0]) then
          raise exception '% %: the rate to base at issue is immutable', tg_table_name, old.id;
        end if;
        return new;
      end
      $$;`);
    for (const [table, amount] of [
      ['invoice', 'base_total'],
      ['payment', 'base_amount'],
      ['credit_note', 'base_gross_total'],
    ]) {
      this.addSql(`create trigger ${table}_rate_snapshot_immutable before update on ${table} for each row execute function finance_rate_snapshot_immutable('${amount}');`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['invoice', 'payment', 'credit_note']) this.addSql(`drop trigger if exists ${table}_rate_snapshot_immutable on ${table};`);
    this.addSql('drop function if exists finance_rate_snapshot_immutable();');
    this.addSql('alter table credit_note drop column rate_to_base, drop column base_gross_total;');
    this.addSql('alter table payment drop column rate_to_base, drop column base_amount;');
    this.addSql('alter table invoice drop column rate_to_base, drop column base_total;');
    this.addSql('drop table if exists exchange_rate;');
    this.addSql('drop table if exists base_currency;');
  }
}
