import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000001 } from './Migration20261123000001.js';
import { Migration20261123000002 } from './Migration20261123000002.js';
import { Migration20261124000021 } from './Migration20261124000021.js';
import { Migration20261124000022 } from './Migration20261124000022.js';
import { Migration20261124000031 } from './Migration20261124000031.js';
import { Migration20261124000032 } from './Migration20261124000032.js';

/** This service's migrations, oldest first. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123000001', class: Migration20261123000001 },
  { name: 'Migration20261123000002', class: Migration20261123000002 },
  { name: 'Migration20261124000021', class: Migration20261124000021 },
  { name: 'Migration20261124000022', class: Migration20261124000022 },
  { name: 'Migration20261124000031', class: Migration20261124000031 },
  { name: 'Migration20261124000032', class: Migration20261124000032 },
];
