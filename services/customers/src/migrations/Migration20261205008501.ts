import { Migration } from '@mikro-orm/migrations';

/**
 * Each timeline entry names the module of the record it is about, so it is shown only to roles
 * that may read that module. Existing entries are backfilled from their kind (the event they were
 * learnt from), by the mapping TIMELINE_KIND_MODULE uses for new ones.
 */
export class Migration20261205008501 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table timeline_entry add column if not exists module text null;');
    this.addSql(`
      update timeline_entry set module = case kind
        when 'CUSTOMER_CREATED' then 'customers'
        when 'ACTIVITY_LOGGED' then 'activities'
        when 'QUOTATION_SENT' then 'documents'
        when 'DOCUMENT_ATTACHED' then 'documents'
        when 'LEAD_CONVERTED' then 'leads'
        when 'OPPORTUNITY_OPENED' then 'opportunities'
        when 'OPPORTUNITY_WON' then 'opportunities'
        when 'OPPORTUNITY_LOST' then 'opportunities'
        when 'ORDER_CONFIRMED' then 'orders'
        when 'TICKET_OPENED' then 'tickets'
        when 'TICKET_RESOLVED' then 'tickets'
        when 'SHIPMENT_PLANNED' then 'shipments'
        when 'SHIPMENT_DELIVERED' then 'shipments'
        when 'INVOICE_ISSUED' then 'invoices'
        when 'PAYMENT_RECEIVED' then 'payments'
        when 'CUSTOMER_TRANSFERRED' then 'customers'
      end
      where module is null;`);
    this.addSql('alter table timeline_entry alter column module set not null;');
    this.addSql(
      `alter table timeline_entry add constraint timeline_entry_module_check check (module in ('customers', 'activities', 'documents', 'leads', 'opportunities', 'orders', 'tickets', 'shipments', 'invoices', 'payments'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table timeline_entry drop constraint if exists timeline_entry_module_check;');
    this.addSql('alter table timeline_entry drop column if exists module;');
  }
}
