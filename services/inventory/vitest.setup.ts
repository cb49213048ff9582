// Run before each of inventory's test files (vitest.shared.ts): every inventory test subgraph a file
// starts must leave the stock books balanced when it stops — the ledger check after every test file.
import { checkBeforeEveryStop } from '@rapport/subgraph-kit/testing';
import { expectStockBooksBalanced } from './src/test-fixtures.js';

checkBeforeEveryStop('inventory', expectStockBooksBalanced);
