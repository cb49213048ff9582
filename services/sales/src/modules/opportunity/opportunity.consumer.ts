import { on } from '@rapport/bus';
import { systemViewer } from '@rapport/subgraph-kit';
import { LeadConvertedV1 } from '@rapport/contracts';
import { openOpportunity } from './opportunity.service.js';

/**
 * When a lead converts with an opportunity, opens it for the new customer in the pipeline's first
 * stage and publishes `sales.opportunity.opened.v1` (caused by the conversion, under its actor).
 * It runs inside the inbox transaction, so a redelivered event opens nothing more. A conversion
 * without an opportunity changes nothing here.
 */
export const opportunityHandlers = [
  on(LeadConvertedV1, async (data, event, em) => {
    if (!data.opportunity) return;
    await openOpportunity(
      em,
      systemViewer(event.actor),
      { customerId: data.customerId, title: data.opportunity.title, amount: data.opportunity.amount },
      { correlationId: event.correlationid, causationId: event.id, actor: event.actor },
    );
  }),
];
