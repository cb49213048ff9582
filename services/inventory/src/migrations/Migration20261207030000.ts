import { Migration } from '@mikro-orm/migrations';

/** Whether a warehouse is in use: other services (purchasing) refuse orders to one that is not; every existing warehouse is. */
export class Migration20261207030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table warehouse add column active boolean not null default true;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table warehouse drop column active;');
  }
}
