import { causedBy, on } from '@rapport/bus';
import { systemViewer } from '@rapport/subgraph-kit';
import { LeadConvertedV1, QuotationAcceptedV1 } from '@rapport/contracts';
import { openOpportunity, winOpportunity } from './opportunity.service.js';

/**
 * When a lead converts with an opportunity, opens it for the new customer in the pipeline's first
 * stage and publishes `sales.opportunity.opened.v1` (caused by the conversion, under its actor).
 * It runs inside the inbox transaction, so a redelivered event opens nothing more. A conversion
 * without an opportunity changes nothing here.
 *
 * When a quotation made for an opportunity is accepted, the opportunity is won: it moves to its
 * pipeline's won stage and `sales.opportunity.closed.v1` (outcome WON) is published, as a manual
 * move to Won does. A redelivery, or an opportunity closed meanwhile (won or lost), changes nothing.
 */
export const opportunityHandlers = [
  on(LeadConvertedV1, async (data, event, em) => {
    if (!data.opportunity) return;
    await openOpportunity(em, systemViewer(event.actor), { customerId: data.customerId, title: data.opportunity.title, amount: data.opportunity.amount }, causedBy(event));
  }),
  on(QuotationAcceptedV1, async (data, event, em) => {
    if (!data.opportunityId) return;
    await winOpportunity(em, systemViewer(event.actor), data.opportunityId, causedBy(event));
  }),
];
