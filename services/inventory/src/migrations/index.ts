import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000001 } from './Migration20261124000001.js';
import { Migration20261124000002 } from './Migration20261124000002.js';
import { Migration20261207040000 } from './Migration20261207040000.js';
import { Migration20261207040100 } from './Migration20261207040100.js';
import { Migration20261207040200 } from './Migration20261207040200.js';
import { Migration20261207100000 } from './Migration20261207100000.js';
import { Migration20261205100000 } from './Migration20261205100000.js';
import { Migration20261205101000 } from './Migration20261205101000.js';
import { Migration20261205102000 } from './Migration20261205102000.js';
import { Migration20261205130000 } from './Migration20261205130000.js';
import { Migration20261205170000 } from './Migration20261205170000.js';
import { Migration20261205200001 } from './Migration20261205200001.js';
import { Migration20261205200002 } from './Migration20261205200002.js';
import { Migration20261205200003 } from './Migration20261205200003.js';
import { Migration20261205200004 } from './Migration20261205200004.js';
import { Migration20261205200005 } from './Migration20261205200005.js';
import { Migration20261207030000 } from './Migration20261207030000.js';
import { Migration20261208040000 } from './Migration20261208040000.js';
import { Migration20261208040100 } from './Migration20261208040100.js';
import { Migration20261208090000 } from './Migration20261208090000.js';
import { Migration20261209000100 } from './Migration20261209000100.js';
import { Migration20261210010000 } from './Migration20261210010000.js';
import { Migration20261210020000 } from './Migration20261210020000.js';

/** This service's migrations, oldest first. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261124000001', class: Migration20261124000001 },
  { name: 'Migration20261124000002', class: Migration20261124000002 },
  { name: 'Migration20261205100000', class: Migration20261205100000 },
  { name: 'Migration20261205200001', class: Migration20261205200001 },
  { name: 'Migration20261205200002', class: Migration20261205200002 },
  { name: 'Migration20261205200003', class: Migration20261205200003 },
  { name: 'Migration20261205200004', class: Migration20261205200004 },
  { name: 'Migration20261205200005', class: Migration20261205200005 },
  // After the 2026-12-05 20:xx ones: it carries shipments over from the ledger and reservations they create.
  { name: 'Migration20261205101000', class: Migration20261205101000 },
  { name: 'Migration20261205102000', class: Migration20261205102000 },
  // Named in its author's hour block (13) but depends on the stock tables above: listed after them, run after them.
  { name: 'Migration20261205130000', class: Migration20261205130000 },
  // Hour block 17 (counts and loans): needs the stock tables, so listed last.
  { name: 'Migration20261205170000', class: Migration20261205170000 },
  // Hour block 03 of stop 11 (purch): warehouses in use or not, announced to purchasing.
  { name: 'Migration20261207030000', class: Migration20261207030000 },
  // Hour block 04 of 2026-12-07 (printing, supplier returns, products): after all of the above.
  { name: 'Migration20261207040000', class: Migration20261207040000 },
  { name: 'Migration20261207040100', class: Migration20261207040100 },
  { name: 'Migration20261207040200', class: Migration20261207040200 },
  // Hour block 10 of stop 11 (pic): product pictures, after the products above.
  { name: 'Migration20261207100000', class: Migration20261207100000 },
  // Hour block 04 of stop 12 (inv): product search by words, after the products above.
  { name: 'Migration20261208040000', class: Migration20261208040000 },
  { name: 'Migration20261208040100', class: Migration20261208040100 },
  // Hour block 09 of stop 12 (ana): the customers' industry and region for the outbound summary.
  { name: 'Migration20261208090000', class: Migration20261208090000 },
  // Hour block 00 of stop 13: the undelivered order lines' paging order.
  { name: 'Migration20261209000100', class: Migration20261209000100 },
  // Hour block 01 of 2026-12-10 (inv1): the product search's Levenshtein stand-ins for typos in short words.
  { name: 'Migration20261210010000', class: Migration20261210010000 },
  // Hour block 02 of stop 14 (inv2): loans kept by the customer become sales orders.
  { name: 'Migration20261210020000', class: Migration20261210020000 },
];
