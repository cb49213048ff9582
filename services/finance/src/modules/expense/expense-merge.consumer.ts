import { on } from '@rapport/bus';
import { CustomerMergedV1 } from '@rapport/contracts';
import { Expense } from './expense.entity.js';

/** When two customers are merged, the merged customer's expenses (in every state) move to the survivor, as its invoices do. */
export const expenseMergeHandlers = [
  on(CustomerMergedV1, async (data, _event, em) => {
    for (const expense of await em.find(Expense, { customerId: data.mergedId })) expense.customerId = data.survivorId;
    await em.flush();
  }),
];
