import { causedBy, on } from '@rapport/bus';
import { PurchaseOrderApprovalVoidedV1, PurchaseOrderApprovedV1, PurchaseOrderCancelledV1 } from '@rapport/contracts';
import { applyApproval, applyApprovalVoided, applyCancellation } from './receipt.service.js';

/**
 * Purchasing's approved purchase orders become expected receipts (and `incoming` on the levels); a
 * cancellation takes them back, and so does a voided approval until the next approval. Both run in the inbox transaction (a redelivered event changes
 * nothing) under the order's and the products' row locks. Keyed by the purchase order, so one
 * order's approvals and cancellations arrive in order.
 */
export const receiptHandlers = [
  on(PurchaseOrderApprovedV1, async (data, event, em) => {
    await applyApproval(em, data, causedBy(event));
  }),
  on(PurchaseOrderCancelledV1, async (data, event, em) => {
    await applyCancellation(em, data, causedBy(event));
  }),
  on(PurchaseOrderApprovalVoidedV1, async (data, event, em) => {
    await applyApprovalVoided(em, data, causedBy(event));
  }),
];
