import { on } from '@rapport/bus';
import { QuotationPrintedV1 } from '@rapport/contracts';
import { Document } from './document.entity.js';

/** Who filed a document no user uploaded (the sent quotation's PDF when the event names nobody). */
const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';

/**
 * Files the PDF of a sent quotation with the customer's documents (kind QUOTATION). Sales keeps the
 * bytes (stored once when sent, never changed): the document points at them (`locatedAt`), and its
 * download redirects there, where sales applies the quotation's visibility. The timeline already
 * says "Quotation Q-… sent" (from `sales.quotation.sent.v1`); filing adds no second entry. Once per
 * quotation: the storage key names it.
 */
export const documentHandlers = [
  on(QuotationPrintedV1, async (data, _event, em) => {
    const storageKey = `sales/quotation-${data.quotationId}`;
    if (await em.findOne(Document, { storageKey }, { fields: ['id'] })) return;
    em.create(Document, {
      id: data.quotationId,
      customerId: data.customerId,
      kind: 'QUOTATION',
      fileName: data.fileName,
      contentType: data.contentType,
      sizeBytes: data.sizeBytes,
      sha256: data.sha256,
      storageKey,
      uploadedBy: data.printedBy ?? SYSTEM_USER,
      uploadedAt: new Date(data.printedAt),
      description: `Quotation ${data.number} as sent`,
      locatedAt: data.downloadPath,
      deletedAt: null,
    });
    await em.flush();
  }),
];
