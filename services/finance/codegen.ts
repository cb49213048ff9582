import { fileURLToPath } from 'node:url';
import { subgraphCodegen } from '@rapport/subgraph-kit/codegen';

// `npm run codegen` writes src/generated/types.ts and graphql.ts: the types and resolver types of the finance SDL. Mappers
// name what resolvers return for a type (paths relative to src/generated).
export default subgraphCodegen({
  service: 'finance',
  srcDir: fileURLToPath(new URL('./src', import.meta.url)),
  mappers: {
    AuditEntry: '@rapport/subgraph-kit#IAuditEntry',
    Customer: '{ id: string }',
    Invoice: '../modules/invoice/invoice.entity.js#IInvoice',
    InvoiceLine: '../modules/invoice/invoice.entity.js#IInvoiceLine',
    InvoiceTaxTotal: '../modules/invoice/invoice.entity.js#IInvoiceTax',
    InvoiceableOrderLine: '../modules/order-copy/order-copy.service.js#LineQuantities',
    Payment: '../modules/payment/payment.entity.js#IPayment',
    Allocation: '../modules/payment/payment.entity.js#IAllocation',
    CreditNote: '../modules/credit-note/credit-note.entity.js#ICreditNote',
    CreditNoteLine: '../modules/credit-note/credit-note.entity.js#ICreditNoteLine',
    ExchangeRate: '../modules/currency/currency.entity.js#IExchangeRate',
    DunningLevel: '../modules/dunning/dunning.entity.js#IDunningLevel',
    Reminder: '../modules/dunning/dunning.entity.js#IReminder',
    DunningBlock: '../modules/dunning/dunning.entity.js#IDunningBlock',
    DunningRun: '../modules/dunning/dunning.service.js#DunningRunResult',
    DunningProposalItem: '../modules/dunning/dunning.service.js#ProposedReminder',
    CreditHold: '../modules/credit-hold/credit-hold.entity.js#ICreditHold',
    Expense: '../modules/expense/expense.entity.js#IExpense',
    ExpenseTotal: '../modules/expense/expense.service.js#ExpenseTotal',
    AgeingBucketRow: '../modules/receivables/receivables.service.js#AgeingRow',
    ReceivablesGroup: '../modules/receivables/receivables.service.js#ReceivablesGroup',
  },
});
