import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { renderPdf } from '@rapport/print';
import { pdfRoutes, sha256Of, type RenderedPdf, type Viewer } from '@rapport/subgraph-kit';
import { orderPolicy } from '../order/order.policy.js';
import { getOrder } from '../order/order.service.js';
import { quotationPolicy } from '../quotation/quotation.policy.js';
import { getQuotation } from '../quotation/quotation.service.js';
import { orderDocument, quotationDocument } from './printing.service.js';
import { loadPrintedQuotation } from './printing.store.js';

/**
 * Sales' PDF routes through the kit's `pdfRoutes` (the gateway proxies them as
 * `/files/sales/quotations/{id}.pdf` and `/files/sales/orders/{id}.pdf`): `GET`/`HEAD
 * /print/quotations/{id}.pdf` — the PDF stored when the quotation was sent, else (a draft) rendered
 * now — and `/print/orders/{id}.pdf`, the order confirmation; visibility applied as GraphQL reads do.
 */
export function printingRoutes() {
  return pdfRoutes({
    quotations: (em, caller, id) => quotationPdf(em, caller.viewer(quotationPolicy, 'read'), id),
    orders: (em, caller, id) => orderPdf(em, caller.viewer(orderPolicy, 'read'), id),
  });
}

/** The PDF of a quotation the viewer may see: as it was sent when it was (stored), else rendered now (a draft). NOT_FOUND otherwise. */
export async function quotationPdf(em: SqlEntityManager, viewer: Viewer, id: string): Promise<RenderedPdf> {
  const q = await getQuotation(em, viewer, id);
  const stored = await loadPrintedQuotation(em, q.id);
  if (stored) return { fileName: stored.fileName, pdf: stored.pdf, sha256: stored.sha256 };
  const pdf = await renderPdf(await quotationDocument(em, q));
  return { fileName: `Quotation ${q.number}.pdf`, pdf, sha256: sha256Of(pdf) };
}

/** The order confirmation of an order the viewer may see, rendered from the order as it stands. NOT_FOUND otherwise. */
export async function orderPdf(em: SqlEntityManager, viewer: Viewer, id: string): Promise<RenderedPdf> {
  const order = await getOrder(em, viewer, id);
  const pdf = await renderPdf(await orderDocument(em, order));
  return { fileName: `Order confirmation ${order.number}.pdf`, pdf, sha256: sha256Of(pdf) };
}
