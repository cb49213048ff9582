import { Migration } from '@mikro-orm/migrations';

/** The owning team of a customer, and the visibility read model filled from existing customers. */
export class Migration20261123000002 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table customer add column if not exists team_id uuid null;');
    this.addSql('create index if not exists customer_team_idx on customer (team_id);');
    this.addSql(`insert into customer_access (customer_id, owner_id, team_id)
                 select id, owner_id, team_id from customer on conflict (customer_id) do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table customer drop column if exists team_id;');
  }
}
