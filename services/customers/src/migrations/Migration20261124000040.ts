import { Migration } from '@mikro-orm/migrations';

/** Leads: unqualified interest, captured by reps or through the public web form, kept apart from customers until converted. */
export class Migration20261124000040 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table lead (
        id uuid primary key,
        name text not null,
        company text null,
        email text null,
        phone text null,
        source text null check (source in ('REFERRAL', 'WEBSITE', 'TRADE_SHOW', 'COLD_CALL', 'PARTNER', 'OTHER')),
        message text null,
        status text not null default 'NEW' check (status in ('NEW', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED')),
        disqualify_reason text null,
        owner_id uuid null,
        from_web_form boolean not null default false,
        converted_customer_id uuid null references customer (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint lead_disqualify_reason_check check ((status = 'DISQUALIFIED') = (disqualify_reason is not null)),
        constraint lead_converted_check check ((status = 'CONVERTED') = (converted_customer_id is not null))
      );`);
    this.addSql('create index lead_owner_idx on lead (owner_id, created_at desc, id desc);');
    this.addSql('create index lead_list_idx on lead (created_at desc, id desc);');
    this.addSql('create index lead_form_email_idx on lead (lower(email), created_at) where from_web_form;');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists lead;');
  }
}
