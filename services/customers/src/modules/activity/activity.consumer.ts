import { randomUUID } from 'node:crypto';
import { on } from '@rapport/bus';
import { LoanOverdueV1 } from '@rapport/contracts';
import { survivorOf } from '../timeline/timeline.consumer.js';
import { Activity } from './activity.entity.js';

/**
 * To-dos the system raises for reps from other services' events, besides the timeline entry:
 * - an overdue loan (`inventory.loan.overdue.v1`, raised once per loan): a TASK on the customer (its
 *   survivor, once merged) addressed to the customer's owner (else the loan's owner rep), due the day
 *   it was flagged, so it is in the rep's reminders (`activities(filter: { assigneeId, dueBefore })`)
 *   until they mark it done. A customer this service does not know gets none.
 * Runs in the event's inbox transaction, so a redelivered event raises nothing more.
 */
export const activityHandlers = [
  on(LoanOverdueV1, async (data, _event, em) => {
    const customerId = await survivorOf(em, data.customerId);
    const [customer] = await em.execute<{ owner_id: string | null }[]>('select owner_id from customer where id = ?', [customerId]);
    if (!customer) return;
    const flaggedAt = new Date(data.flaggedAt);
    em.create(Activity, {
      id: randomUUID(),
      customerId,
      kind: 'TASK',
      contactId: null,
      opportunityId: null,
      subject: `Loan ${data.number} is overdue`,
      body: `${data.open} of product ${data.productId} still out with the customer, due back ${data.expectedReturnDate}.`,
      occurredAt: flaggedAt,
      plannedFor: null,
      happensAt: flaggedAt,
      outcome: null,
      nextStep: 'Get the goods back, or agree that the customer keeps them and convert the loan into a sale',
      nextStepDue: data.flaggedAt.slice(0, 10),
      followUpDoneAt: null,
      followUpDoneBy: null,
      createdBy: null,
      assigneeId: customer.owner_id ?? data.ownerId,
      reviewStatus: 'PENDING',
      reviewerId: null,
      reviewComment: null,
      reviewedAt: null,
    });
  }),
];
