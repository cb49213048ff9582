import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000001 } from './Migration20261124000001.js';
import { Migration20261124000002 } from './Migration20261124000002.js';
import { Migration20261202000001 } from './Migration20261202000001.js';
import { Migration20261205100000 } from './Migration20261205100000.js';
import { Migration20261205160000 } from './Migration20261205160000.js';
import { Migration20261206100000 } from './Migration20261206100000.js';
import { Migration20261206200000 } from './Migration20261206200000.js';
import { Migration20261206300000 } from './Migration20261206300000.js';
import { Migration20261205110000 } from './Migration20261205110000.js';
import { Migration20261205110100 } from './Migration20261205110100.js';
import { Migration20261205180000 } from './Migration20261205180000.js';
import { Migration20261205180100 } from './Migration20261205180100.js';
import { Migration20261205180200 } from './Migration20261205180200.js';
import { Migration20261205200500 } from './Migration20261205200500.js';
import { Migration20261207020000 } from './Migration20261207020000.js';
import { Migration20261208010000 } from './Migration20261208010000.js';
import { Migration20261208010100 } from './Migration20261208010100.js';
import { Migration20261208010200 } from './Migration20261208010200.js';
import { Migration20261209010000 } from './Migration20261209010000.js';
import { Migration20261210020000 } from './Migration20261210020000.js';

/** This service's migrations, oldest first. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261124000001', class: Migration20261124000001 },
  { name: 'Migration20261124000002', class: Migration20261124000002 },
  { name: 'Migration20261202000001', class: Migration20261202000001 },
  { name: 'Migration20261205100000', class: Migration20261205100000 },
  { name: 'Migration20261205160000', class: Migration20261205160000 },
  { name: 'Migration20261206100000', class: Migration20261206100000 },
  { name: 'Migration20261206200000', class: Migration20261206200000 },
  { name: 'Migration20261206300000', class: Migration20261206300000 },
  { name: 'Migration20261205110000', class: Migration20261205110000 },
  { name: 'Migration20261205110100', class: Migration20261205110100 },
  { name: 'Migration20261205180000', class: Migration20261205180000 },
  { name: 'Migration20261205180100', class: Migration20261205180100 },
  { name: 'Migration20261205180200', class: Migration20261205180200 },
  { name: 'Migration20261205200500', class: Migration20261205200500 },
  { name: 'Migration20261207020000', class: Migration20261207020000 },
  { name: 'Migration20261208010000', class: Migration20261208010000 },
  { name: 'Migration20261208010100', class: Migration20261208010100 },
  { name: 'Migration20261208010200', class: Migration20261208010200 },
  { name: 'Migration20261209010000', class: Migration20261209010000 },
  { name: 'Migration20261210020000', class: Migration20261210020000 },
];
