import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000001 } from './Migration20261124000001.js';
import { Migration20261124000002 } from './Migration20261124000002.js';
import { Migration20261205120000 } from './Migration20261205120000.js';
import { Migration20261205120100 } from './Migration20261205120100.js';
import { Migration20261205120200 } from './Migration20261205120200.js';
import { Migration20261205120300 } from './Migration20261205120300.js';
import { Migration20261205120400 } from './Migration20261205120400.js';
import { Migration20261207020000 } from './Migration20261207020000.js';
import { Migration20261207030000 } from './Migration20261207030000.js';
import { Migration20261207030100 } from './Migration20261207030100.js';
import { Migration20261207030200 } from './Migration20261207030200.js';
import { Migration20261208030000 } from './Migration20261208030000.js';
import { Migration20261208030100 } from './Migration20261208030100.js';
import { Migration20261209000200 } from './Migration20261209000200.js';
import { Migration20261210030000 } from './Migration20261210030000.js';

/** This service's migrations, oldest first. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261124000001', class: Migration20261124000001 },
  { name: 'Migration20261124000002', class: Migration20261124000002 },
  { name: 'Migration20261205120000', class: Migration20261205120000 },
  { name: 'Migration20261205120100', class: Migration20261205120100 },
  { name: 'Migration20261205120200', class: Migration20261205120200 },
  { name: 'Migration20261205120300', class: Migration20261205120300 },
  { name: 'Migration20261205120400', class: Migration20261205120400 },
  { name: 'Migration20261207020000', class: Migration20261207020000 },
  { name: 'Migration20261207030000', class: Migration20261207030000 },
  { name: 'Migration20261207030100', class: Migration20261207030100 },
  { name: 'Migration20261207030200', class: Migration20261207030200 },
  { name: 'Migration20261208030000', class: Migration20261208030000 },
  { name: 'Migration20261208030100', class: Migration20261208030100 },
  // stop 13: the approval amount's currency.
  { name: 'Migration20261209000200', class: Migration20261209000200 },
  // issue 12's audit: a bill line keeps every issue the match found.
  { name: 'Migration20261210030000', class: Migration20261210030000 },
];
