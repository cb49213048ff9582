import { pdfRoutes } from '@rapport/subgraph-kit';
import { shipmentPolicy } from '../shipment/shipment.policy.js';
import { deliveryNotePdf } from './printing.service.js';

/**
 * Inventory's PDF route (the gateway relays it as `/files/inventory/delivery-notes/{id}.pdf`):
 * `GET`/`HEAD /print/delivery-notes/{id}.pdf`, a shipping notice's delivery note as it stands, to
 * whoever may read the notice (404 otherwise, as for an unknown id).
 */
export function printingRoutes() {
  return pdfRoutes({
    'delivery-notes': (em, caller, id) => deliveryNotePdf(em, caller.viewer(shipmentPolicy, 'read'), id),
  });
}
