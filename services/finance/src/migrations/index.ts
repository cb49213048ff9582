import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000001 } from './Migration20261123000001.js';
import { Migration20261205100000 } from './Migration20261205100000.js';
import { Migration20261205140000 } from './Migration20261205140000.js';
import { Migration20261205140100 } from './Migration20261205140100.js';
import { Migration20261205140200 } from './Migration20261205140200.js';
import { Migration20261205140300 } from './Migration20261205140300.js';
import { Migration20261205200600 } from './Migration20261205200600.js';
import { Migration20261207010000 } from './Migration20261207010000.js';
import { Migration20261207010100 } from './Migration20261207010100.js';
import { Migration20261207020000 } from './Migration20261207020000.js';
import { Migration20261207090000 } from './Migration20261207090000.js';
import { Migration20261208020000 } from './Migration20261208020000.js';
import { Migration20261208020100 } from './Migration20261208020100.js';
import { Migration20261208020200 } from './Migration20261208020200.js';
import { Migration20261210040000 } from './Migration20261210040000.js';
import { Migration20261210050000 } from './Migration20261210050000.js';

/** This service's migrations, oldest first. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123000001', class: Migration20261123000001 },
  { name: 'Migration20261205100000', class: Migration20261205100000 },
  { name: 'Migration20261205140000', class: Migration20261205140000 },
  { name: 'Migration20261205140100', class: Migration20261205140100 },
  { name: 'Migration20261205140200', class: Migration20261205140200 },
  { name: 'Migration20261205140300', class: Migration20261205140300 },
  { name: 'Migration20261205200600', class: Migration20261205200600 },
  { name: 'Migration20261207010000', class: Migration20261207010000 },
  { name: 'Migration20261207010100', class: Migration20261207010100 },
  { name: 'Migration20261207020000', class: Migration20261207020000 },
  { name: 'Migration20261207090000', class: Migration20261207090000 },
  { name: 'Migration20261208020000', class: Migration20261208020000 },
  { name: 'Migration20261208020100', class: Migration20261208020100 },
  { name: 'Migration20261208020200', class: Migration20261208020200 },
  { name: 'Migration20261210040000', class: Migration20261210040000 },
  { name: 'Migration20261210050000', class: Migration20261210050000 },
];
