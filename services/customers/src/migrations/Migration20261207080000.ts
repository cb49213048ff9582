import { Migration } from '@mikro-orm/migrations';

const KINDS = `'CUSTOMER_CREATED', 'TICKET_OPENED', 'TICKET_RESOLVED', 'OPPORTUNITY_OPENED', 'ORDER_CONFIRMED', 'SHIPMENT_PLANNED',
  'INVOICE_ISSUED', 'ACTIVITY_LOGGED', 'LEAD_CONVERTED', 'OPPORTUNITY_WON', 'OPPORTUNITY_LOST', 'PAYMENT_RECEIVED',
  'SHIPMENT_DELIVERED', 'QUOTATION_SENT', 'DOCUMENT_ATTACHED', 'CUSTOMER_TRANSFERRED',
  'QUOTATION_ACCEPTED', 'QUOTATION_APPROVAL_REQUESTED', 'QUOTATION_APPROVAL_DECIDED', 'SHIPMENT_SHIPPED', 'SHIPMENT_CANCELLED',
  'RETURN_RECEIVED', 'CREDIT_NOTE_ISSUED', 'LOAN_OUT', 'LOAN_RETURNED', 'LOAN_CONVERTED', 'LOAN_OVERDUE'`;

/** The kinds this migration adds. */
const ADDED_KINDS = `'REMINDER_SENT'`;

/** Finance's payment reminders (`finance.reminder.sent.v1`) on the customer's timeline: their own kind. */
export class Migration20261207080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table timeline_entry drop constraint if exists timeline_entry_kind_check;');
    this.addSql(`alter table timeline_entry add constraint timeline_entry_kind_check check (kind in (${KINDS}, ${ADDED_KINDS}));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from timeline_entry where kind in (${ADDED_KINDS});`);
    this.addSql('alter table timeline_entry drop constraint if exists timeline_entry_kind_check;');
    this.addSql(`alter table timeline_entry add constraint timeline_entry_kind_check check (kind in (${KINDS}));`);
  }
}
