import { Migration } from '@mikro-orm/migrations';

/**
 * A timeline entry's kind is one of the kinds the entity declares, checked by the database as every
 * other enumerated column is (the entity's enum declares the check; the table lacked it). A new kind
 * needs a migration replacing this check, which the schema-drift test asks for.
 */
export class Migration20261205100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table timeline_entry add constraint timeline_entry_kind_check check (kind in (
        'CUSTOMER_CREATED', 'TICKET_OPENED', 'TICKET_RESOLVED', 'OPPORTUNITY_OPENED', 'ORDER_CONFIRMED', 'SHIPMENT_PLANNED',
        'INVOICE_ISSUED', 'ACTIVITY_LOGGED', 'LEAD_CONVERTED', 'OPPORTUNITY_WON', 'OPPORTUNITY_LOST', 'PAYMENT_RECEIVED',
        'SHIPMENT_DELIVERED', 'QUOTATION_SENT', 'DOCUMENT_ATTACHED', 'CUSTOMER_TRANSFERRED'
      ));`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table timeline_entry drop constraint if exists timeline_entry_kind_check;');
  }
}
