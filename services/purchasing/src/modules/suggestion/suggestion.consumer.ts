import { on } from '@rapport/bus';
import { StockBelowSafetyV1, StockRecoveredV1 } from '@rapport/contracts';
import { clearSuggestion, suggestReorder } from './suggestion.service.js';

/** Inventory's safety-stock alarms raise and clear reorder suggestions; both arrive keyed by product and warehouse, so in order. */
export const suggestionHandlers = [
  on(StockBelowSafetyV1, async (data, _event, em) => suggestReorder(em, data)),
  on(StockRecoveredV1, async (data, _event, em) => clearSuggestion(em, data)),
];
