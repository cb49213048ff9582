import { on } from '@rapport/bus';
import { CustomerMergedV1 } from '@rapport/contracts';
import { DunningBlock, Reminder } from './dunning.entity.js';
import { OpeningBalance } from '../opening-balance/opening-balance.entity.js';

/**
 * When two customers are merged, the merged customer's reminders and opening balances move to the
 * survivor (as their invoices do), and a dunning block moves too unless the survivor has one; an
 * opening balance whose reference the survivor has already is kept with "(merged)" added to it.
 */
export const dunningMergeHandlers = [
  on(CustomerMergedV1, async (data, _event, em) => {
    for (const reminder of await em.find(Reminder, { customerId: data.mergedId })) reminder.customerId = data.survivorId;
    const kept = new Set((await em.find(OpeningBalance, { customerId: data.survivorId })).map((o) => o.reference));
    for (const balance of await em.find(OpeningBalance, { customerId: data.mergedId })) {
      balance.customerId = data.survivorId;
      if (kept.has(balance.reference)) balance.reference = `${balance.reference} (merged)`;
    }
    const block = await em.findOne(DunningBlock, { customerId: data.mergedId });
    if (block) {
      if (!(await em.findOne(DunningBlock, { customerId: data.survivorId }))) {
        em.create(DunningBlock, { customerId: data.survivorId, reason: block.reason, blockedBy: block.blockedBy });
      }
      em.remove(block);
    }
    await em.flush();
  }),
];
