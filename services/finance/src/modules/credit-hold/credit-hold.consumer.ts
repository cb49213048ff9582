import { causedBy, on } from '@rapport/bus';
import { CustomerMergedV1 } from '@rapport/contracts';
import { moveCreditHoldOnMerge } from './credit-hold.service.js';

/** A merged customer's credit hold moves to the survivor (see `moveCreditHoldOnMerge`), in the inbox transaction. */
export const creditHoldMergeHandlers = [on(CustomerMergedV1, (data, event, em) => moveCreditHoldOnMerge(em, data.mergedId, data.survivorId, causedBy(event)))];
