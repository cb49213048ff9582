import { Migration } from '@mikro-orm/migrations';

/**
 * Payments in another currency than the invoice, and advances held on an order. An allocation
 * keeps what it took from its payment or credit note in that document's currency (`source_amount`,
 * `source_currency`; the settled `amount` stays in the invoice's currency), the rate between the two
 * (null when they are one currency) and the realised exchange difference in base currency. A payment
 * may name the order it is an advance on.
 */
export class Migration20261210040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "allocation" add column "source_amount" numeric(19,4) null, add column "source_currency" char(3) null;');
    this.addSql('update "allocation" set "source_amount" = "amount", "source_currency" = "currency";');
    this.addSql(`alter table "allocation" alter column "source_amount" set not null, alter column "source_currency" set not null,
      add constraint "allocation_source_amount_check" check ("source_amount" > 0),
      add constraint "allocation_source_currency_check" check ("source_currency" ~ '^[A-Z]{3}$');`);
    this.addSql('alter table "allocation" add column "rate" numeric(20,10) null check ("rate" > 0), add column "exchange_difference" numeric(19,4) null;');
    this.addSql('alter table "payment" add column "order_id" uuid null;');
    this.addSql('create index "payment_order_idx" on "payment" ("order_id", "paid_on", "id") where "order_id" is not null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "payment_order_idx";');
    this.addSql('alter table "payment" drop column "order_id";');
    this.addSql('alter table "allocation" drop column "exchange_difference", drop column "rate", drop column "source_currency", drop column "source_amount";');
  }
}
