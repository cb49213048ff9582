import { notFound } from '@rapport/errors';
import { pdfRoutes } from '@rapport/subgraph-kit';
import { orderPolicy } from '../order/order.policy.js';
import { purchaseOrderPdf } from './printing.service.js';

/**
 * Purchasing's PDF route (the gateway relays it as `/files/purchasing/orders/{id}.pdf`): `GET`/`HEAD
 * /print/orders/{id}.pdf`, the purchase order as it stands, for whoever may read purchase orders
 * (buyers, the purchasing head, directors, accountants, the warehouse). Anyone else — sales, support
 * — is answered 404 as for an unknown id, so the route does not even tell that the order exists.
 */
export const printingRoutes = () =>
  pdfRoutes({
    orders: (em, caller, id) => {
      const viewer = caller.viewer(orderPolicy, 'lookup');
      if (!viewer) throw notFound('PurchaseOrder', id, 'id');
      return purchaseOrderPdf(em, viewer, id);
    },
  });
