// What sales' module tests share: the subgraph of one test file.
import { useTestSubgraph, type TestSubgraph, type UseTestSubgraphOptions } from '@rapport/subgraph-kit/testing';
import { createSalesService } from './create-sales-service.js';

/** The sales subgraph of one test file: started before its tests, stopped after them (useTestSubgraph). */
export const useSalesSubgraph = (options: UseTestSubgraphOptions = {}): TestSubgraph => useTestSubgraph('sales', createSalesService, options);
