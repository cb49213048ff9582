import { Migration } from '@mikro-orm/migrations';

/**
 * An issued invoice is immutable, and so is a credit note: corrections are credit notes. The
 * database refuses any change to what a document billed or credited (its lines, its totals per
 * rate, its number, dates, currency and totals) and any deletion; only what settles a document
 * (amounts paid, credited, applied, refunded, the status they give) and its customer (moved by a
 * merge) may change.
 */
export class Migration20261205140200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function finance_document_part_immutable() returns trigger language plpgsql as $$
      begin
        raise exception '% rows are immutable once issued: correct them with a credit note', tg_table_name;
      end
      $$;`);
    for (const table of ['invoice_line', 'invoice_tax', 'credit_note_line', 'credit_note_tax']) {
      this.addSql(`create trigger ${table}_immutable before update or delete on ${table} for each row execute function finance_document_part_immutable();`);
    }
    this.addSql(`
      create function invoice_immutable() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'invoices are never deleted: correct them with a credit note';
        end if;
        if (new.number, new.kind, new.order_id, new.issue_date, new.due_date, new.currency, new.net_total, new.tax_total, new.total, new.payment_terms_days)
           is distinct from
           (old.number, old.kind, old.order_id, old.issue_date, old.due_date, old.currency, old.net_total, old.tax_total, old.total, old.payment_terms_days) then
          raise exception 'invoice % is issued and immutable: correct it with a credit note', old.number;
        end if;
        return new;
      end
      $$;`);
    this.addSql('create trigger invoice_immutable before update or delete on invoice for each row execute function invoice_immutable();');
    this.addSql(`
      create function credit_note_immutable() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'credit notes are never deleted';
        end if;
        if (new.number, new.invoice_id, new.reason, new.currency, new.issue_date, new.net_total, new.tax_total, new.gross_total)
           is distinct from
           (old.number, old.invoice_id, old.reason, old.currency, old.issue_date, old.net_total, old.tax_total, old.gross_total) then
          raise exception 'credit note % is issued and immutable', old.number;
        end if;
        return new;
      end
      $$;`);
    this.addSql('create trigger credit_note_immutable before update or delete on credit_note for each row execute function credit_note_immutable();');
  }

  override async down(): Promise<void> {
    for (const table of ['invoice_line', 'invoice_tax', 'credit_note_line', 'credit_note_tax', 'invoice', 'credit_note']) {
      this.addSql(`drop trigger if exists ${table}_immutable on ${table};`);
    }
    this.addSql('drop function if exists finance_document_part_immutable(), invoice_immutable(), credit_note_immutable();');
  }
}
