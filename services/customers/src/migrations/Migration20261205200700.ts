import { Migration } from '@mikro-orm/migrations';

const OLD_KINDS = `'CUSTOMER_CREATED', 'TICKET_OPENED', 'TICKET_RESOLVED', 'OPPORTUNITY_OPENED', 'ORDER_CONFIRMED', 'SHIPMENT_PLANNED',
  'INVOICE_ISSUED', 'ACTIVITY_LOGGED', 'LEAD_CONVERTED', 'OPPORTUNITY_WON', 'OPPORTUNITY_LOST', 'PAYMENT_RECEIVED',
  'SHIPMENT_DELIVERED', 'QUOTATION_SENT', 'DOCUMENT_ATTACHED', 'CUSTOMER_TRANSFERRED'`;
const NEW_KINDS = `'QUOTATION_ACCEPTED', 'QUOTATION_APPROVAL_REQUESTED', 'QUOTATION_APPROVAL_DECIDED', 'SHIPMENT_SHIPPED', 'SHIPMENT_CANCELLED',
  'RETURN_RECEIVED', 'CREDIT_NOTE_ISSUED', 'LOAN_OUT', 'LOAN_RETURNED', 'LOAN_CONVERTED', 'LOAN_OVERDUE'`;
const OLD_MODULES = `'customers', 'activities', 'documents', 'leads', 'opportunities', 'orders', 'tickets', 'shipments', 'invoices', 'payments'`;

/**
 * Every step of the document chain gets its own timeline kind (accepted quotations, approvals,
 * shipped and cancelled notices, returns, credit notes, loans), and the modules quotations and
 * stock for the entries only their readers may see. Entries filed under a neighbour's kind before
 * (acceptances as QUOTATION_SENT, shipped and cancelled notices as SHIPMENT_PLANNED, credit notes as
 * INVOICE_ISSUED) move to their own kind, recognised by the summary the consumer wrote for them.
 */
export class Migration20261205200700 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table timeline_entry drop constraint if exists timeline_entry_kind_check;');
    this.addSql(`alter table timeline_entry add constraint timeline_entry_kind_check check (kind in (${OLD_KINDS}, ${NEW_KINDS}));`);
    this.addSql('alter table timeline_entry drop constraint if exists timeline_entry_module_check;');
    this.addSql(`alter table timeline_entry add constraint timeline_entry_module_check check (module in (${OLD_MODULES}, 'quotations', 'stock'));`);
    this.addSql(`update timeline_entry set kind = 'QUOTATION_ACCEPTED' where kind = 'QUOTATION_SENT' and summary like 'Quotation % accepted for %';`);
    this.addSql(`update timeline_entry set kind = 'SHIPMENT_SHIPPED' where kind = 'SHIPMENT_PLANNED' and summary like 'Shipment % shipped for %';`);
    this.addSql(`update timeline_entry set kind = 'SHIPMENT_CANCELLED' where kind = 'SHIPMENT_PLANNED' and summary like 'Shipping notice % cancelled for %';`);
    this.addSql(`update timeline_entry set kind = 'CREDIT_NOTE_ISSUED' where kind = 'INVOICE_ISSUED' and summary like 'Credit note %';`);
  }

  override async down(): Promise<void> {
    this.addSql(`update timeline_entry set kind = 'QUOTATION_SENT' where kind = 'QUOTATION_ACCEPTED';`);
    this.addSql(`update timeline_entry set kind = 'SHIPMENT_PLANNED' where kind in ('SHIPMENT_SHIPPED', 'SHIPMENT_CANCELLED');`);
    this.addSql(`update timeline_entry set kind = 'INVOICE_ISSUED' where kind = 'CREDIT_NOTE_ISSUED';`);
    this.addSql(`delete from timeline_entry where kind in (${NEW_KINDS}) or module in ('quotations', 'stock');`);
    this.addSql('alter table timeline_entry drop constraint if exists timeline_entry_module_check;');
    this.addSql(`alter table timeline_entry add constraint timeline_entry_module_check check (module in (${OLD_MODULES}));`);
    this.addSql('alter table timeline_entry drop constraint if exists timeline_entry_kind_check;');
    this.addSql(`alter table timeline_entry add constraint timeline_entry_kind_check check (kind in (${OLD_KINDS}));`);
  }
}
