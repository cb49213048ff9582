import { Migration } from '@mikro-orm/migrations';

/** Sign-in: password hashes and lockout on users, the keys that sign access tokens, refresh tokens. */
export class Migration20261201000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table app_user
        add column password_hash text null,
        add column failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0),
        add column locked_until timestamptz null;`);
    this.addSql(`
      create table signing_key (
        kid text primary key,
        private_jwk jsonb not null,
        public_jwk jsonb not null,
        created_at timestamptz not null default now(),
        retired_at timestamptz null
      );`);
    this.addSql('create index signing_key_active_idx on signing_key (created_at desc) where retired_at is null;');
    this.addSql(`
      create table refresh_token (
        id uuid primary key,
        user_id uuid not null references app_user (id),
        token_hash text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz null,
        replaced_by uuid null references refresh_token (id)
      );`);
    this.addSql('create unique index refresh_token_hash_unique on refresh_token (token_hash);');
    this.addSql('create index refresh_token_user_active_idx on refresh_token (user_id) where revoked_at is null;');
    this.addSql('create index refresh_token_replaced_by_idx on refresh_token (replaced_by);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists refresh_token;');
    this.addSql('drop table if exists signing_key;');
    this.addSql('alter table app_user drop column if exists locked_until, drop column if exists failed_sign_ins, drop column if exists password_hash;');
  }
}
