import { fileURLToPath } from 'node:url';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { createLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { BaseCurrency, ExchangeRate } from './modules/currency/currency.entity.js';
import { currencyResolvers } from './modules/currency/currency.resolvers.js';
import { CreditNote, CreditNoteLine, CreditNoteTax } from './modules/credit-note/credit-note.entity.js';
import { CreditHold } from './modules/credit-hold/credit-hold.entity.js';
import { creditHoldMergeHandlers } from './modules/credit-hold/credit-hold.consumer.js';
import { creditHoldResolvers } from './modules/credit-hold/credit-hold.resolvers.js';
import { creditNoteResolvers } from './modules/credit-note/credit-note.resolvers.js';
import { customerMergeHandlers } from './modules/invoice/customer-merge.consumer.js';
import { Expense, ExpenseSetting } from './modules/expense/expense.entity.js';
import { expenseMergeHandlers } from './modules/expense/expense-merge.consumer.js';
import { expenseResolvers } from './modules/expense/expense.resolvers.js';
import { dunningMergeHandlers } from './modules/dunning/dunning-merge.consumer.js';
import { startDailyDunning } from './modules/dunning/dunning.schedule.js';
import { OpeningBalance } from './modules/opening-balance/opening-balance.entity.js';
import { openingBalanceResolvers } from './modules/opening-balance/opening-balance.resolvers.js';
import { dunningResolvers } from './modules/dunning/dunning.resolvers.js';
import { DunningBlock, DunningLevel, DunningRun, Reminder } from './modules/dunning/dunning.entity.js';
import { Invoice, InvoiceLine, InvoiceTax } from './modules/invoice/invoice.entity.js';
import { invoiceResolvers } from './modules/invoice/invoice.resolvers.js';
import { OrderLine, ReturnedLine, SalesOrder, ShippedLine } from './modules/order-copy/order-copy.entity.js';
import { orderCopyHandlers } from './modules/order-copy/order-copy.consumer.js';
import { Allocation, Payment } from './modules/payment/payment.entity.js';
import { paymentResolvers } from './modules/payment/payment.resolvers.js';
import { financePrintRoutes } from './modules/printing/printing.http.js';
import { printingResolvers } from './modules/printing/printing.resolvers.js';
import { receivablesResolvers } from './modules/receivables/receivables.resolvers.js';

/**
 * The finance subgraph: customer invoices, their payments, and the overdue receivables it adds to
 * every customer; once started it also runs dunning daily (stopped before the rest).
 */
export function createFinanceService(config: SubgraphRuntimeConfig): SubgraphService {
  const service = createSubgraphService(
    {
      name: 'finance',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [
        invoiceResolvers,
        paymentResolvers,
        creditNoteResolvers,
        receivablesResolvers,
        currencyResolvers,
        printingResolvers,
        dunningResolvers,
        openingBalanceResolvers,
        expenseResolvers,
        creditHoldResolvers,
      ],
      entities: [
        Invoice,
        InvoiceLine,
        InvoiceTax,
        Payment,
        Allocation,
        CreditNote,
        CreditNoteLine,
        CreditNoteTax,
        SalesOrder,
        OrderLine,
        ShippedLine,
        ReturnedLine,
        BaseCurrency,
        ExchangeRate,
        DunningLevel,
        Reminder,
        DunningBlock,
        DunningRun,
        OpeningBalance,
        Expense,
        ExpenseSetting,
        CreditHold,
      ],
      migrations,
      createLoaders,
      handlers: [...customerMergeHandlers, ...dunningMergeHandlers, ...creditHoldMergeHandlers, ...expenseMergeHandlers, ...orderCopyHandlers],
      customerAccess: true,
      companyProfileCopy: true,
      printRecipientCopy: true,
      handle: financePrintRoutes(),
    },
    config,
  );
  let daily: { stop(): Promise<void> } | undefined;
  return {
    get orm() {
      return service.orm;
    },
    get logger() {
      return service.logger;
    },
    get url() {
      return service.url;
    },
    get sdl() {
      return service.sdl;
    },
    migrations: service.migrations,
    async start() {
      const started = await service.start();
      daily = startDailyDunning(service.orm, service.logger);
      return started;
    },
    async stop() {
      await daily?.stop();
      await service.stop();
    },
  };
}
