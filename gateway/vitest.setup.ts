// Run before each of the gateway's test files (vitest.shared.ts): the inventory subgraph of every
// test system must leave the stock books balanced when it stops — the ledger check after every test
// file that moves stock through the gateway.
import { expectStockBooksBalanced } from '@rapport/inventory/testing';
import { checkBeforeEveryStop } from '@rapport/subgraph-kit/testing';

checkBeforeEveryStop('inventory', expectStockBooksBalanced);
