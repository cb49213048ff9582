import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { transferPolicy } from '../transfer/transfer.policy.js';
import { linesOfTransfers } from '../transfer/transfer.service.js';
import { receiptPolicy } from './receipt.policy.js';
import { linesOfReceipts } from './receipt.service.js';

/** Per-request loaders: the lines of N receipts or N transfers cost one query each (none for a caller who sees neither). */
export const createInboundLoaders = (em: SqlEntityManager, caller: Caller) => {
  const receipts = caller.viewer(receiptPolicy, 'lookup');
  const transfers = caller.viewer(transferPolicy, 'lookup');
  return {
    receiptLinesByReceiptId: groupedLoader(
      async (ids) => (!receipts ? [] : linesOfReceipts(em, receipts, ids)),
      (line) => line.receiptId,
    ),
    transferLinesByTransferId: groupedLoader(
      async (ids) => (!transfers ? [] : linesOfTransfers(em, transfers, ids)),
      (line) => line.transferId,
    ),
  };
};
