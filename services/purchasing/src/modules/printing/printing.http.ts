import { notFound } from '@rapport/errors';
import { pdfRoutes } from '@rapport/subgraph-kit';
import { orderPolicy } from '../order/order.policy.js';
import { inquiryLetterPdf, purchaseOrderPdf } from './printing.service.js';

/**
 * Purchasing's PDF routes (the gateway relays them as `/files/purchasing/{kind}/{id}.pdf`): `GET`/`HEAD
 * /print/orders/{id}.pdf`, the purchase order as it stands, and `/print/inquiry-letters/{id}.pdf`, an
 * inquiry's letter to one supplier (id: the supplier's place on the inquiry), for whoever may read purchase orders
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
    'inquiry-letters': (em, caller, id) => {
      const viewer = caller.viewer(orderPolicy, 'lookup');
      if (!viewer) throw notFound('PurchaseInquiryLetter', id, 'id');
      return inquiryLetterPdf(em, id);
    },
  });
