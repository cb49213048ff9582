import { Migration } from '@mikro-orm/migrations';

/**
 * A lead belongs to a team as well as an owner, so the head of that team (and of the teams above)
 * sees and works it, and heads of other teams do not. Existing leads take the team of the customer
 * they became, else the team of their owner's most recently created customer; leads left without a
 * team are seen by their owner, directors and admins.
 */
export class Migration20261205008502 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table lead add column if not exists team_id uuid null;');
    this.addSql('update lead l set team_id = c.team_id from customer c where l.team_id is null and l.converted_customer_id = c.id;');
    this.addSql(`
      update lead l set team_id = (
        select c.team_id from customer c where c.owner_id = l.owner_id and c.team_id is not null order by c.created_at desc, c.id desc limit 1
      )
      where l.team_id is null and l.owner_id is not null;`);
    this.addSql('create index if not exists lead_team_idx on lead (team_id, created_at desc, id desc);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists lead_team_idx;');
    this.addSql('alter table lead drop column if exists team_id;');
  }
}
