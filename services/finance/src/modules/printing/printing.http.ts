import { pdfRoutes } from '@rapport/subgraph-kit';
import { creditNotePolicy } from '../credit-note/credit-note.policy.js';
import { invoicePolicy } from '../invoice/invoice.policy.js';
import { creditNotePdf, invoicePdf, reminderPdf } from './printing.service.js';

/**
 * Finance's PDF routes (the gateway relays them as `/files/finance/{invoices|credit-notes|reminders}/{id}.pdf`):
 * `GET`/`HEAD /print/invoices/{id}.pdf`, `/print/credit-notes/{id}.pdf` and `/print/reminders/{id}.pdf`, visible as GraphQL
 * reads are (the kit's `pdfRoutes`: 401 without a token, 404 for what the caller may not see).
 */
export const financePrintRoutes = () =>
  pdfRoutes({
    invoices: (em, caller, id) => invoicePdf(em, caller.viewer(invoicePolicy, 'read'), id),
    'credit-notes': (em, caller, id) => creditNotePdf(em, caller.viewer(creditNotePolicy, 'read'), id),
    reminders: (em, caller, id) => reminderPdf(em, caller.viewer(invoicePolicy, 'read'), id),
  });
