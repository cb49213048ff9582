import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000001 } from './Migration20261124000001.js';
import { Migration20261201000001 } from './Migration20261201000001.js';
import { Migration20261205160000 } from './Migration20261205160000.js';

/** This service's migrations, oldest first. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261124000001', class: Migration20261124000001 },
  { name: 'Migration20261201000001', class: Migration20261201000001 },
  { name: 'Migration20261205160000', class: Migration20261205160000 },
];
