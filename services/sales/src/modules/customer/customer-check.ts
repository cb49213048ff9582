import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { AppError, isAppError } from '@rapport/errors';
import { assertCustomerVisible, type Viewer } from '@rapport/subgraph-kit';

/**
 * The kit's `assertCustomerVisible`, with a refusal that says the customer may only not be known
 * YET. Sales learns customers from the customers service's events (the `customer_access` read
 * copy), so a rep quoting for a customer created a moment ago may be ahead of the event.
 *
 * Chosen: refuse (NOT_FOUND, as before) rather than accept and verify later. Sales cannot tell a
 * customer it has not heard of yet from another rep's customer the caller may not see, and must not
 * (that would reveal who exists); a quotation accepted "to verify later" would be a record nobody
 * can see or own if the customer turned out to be someone else's. The event normally arrives
 * within a second, so the refusal says so, with `extensions.details.retryable` for clients to
 * retry once after a short wait. Directors and admins are not scoped: for them an unknown customer
 * is accepted (as before), since nothing about visibility is at stake.
 */
export async function assertCustomerKnown(em: SqlEntityManager, viewer: Viewer, customerId: string, field: string): Promise<void> {
  try {
    await assertCustomerVisible(em, viewer, customerId, field);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'CUSTOMER_NOT_FOUND') throw error;
    throw new AppError(
      'NOT_FOUND',
      'CUSTOMER_NOT_FOUND',
      `Customer ${customerId} was not found among the customers you may see — or not yet: a customer created a moment ago reaches sales within seconds; try again shortly`,
      { field, details: { retryable: true } },
    );
  }
}
