// What finance's module tests share: the subgraph of one test file.
import { useTestSubgraph, type TestSubgraph, type UseTestSubgraphOptions } from '@rapport/subgraph-kit/testing';
import { createFinanceService } from './create-finance-service.js';

/** The finance subgraph of one test file: started before its tests, stopped after them (useTestSubgraph). */
export const useFinanceSubgraph = (options: UseTestSubgraphOptions = {}): TestSubgraph => useTestSubgraph('finance', createFinanceService, options);
