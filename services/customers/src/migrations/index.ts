import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000001 } from './Migration20261123000001.js';
import { Migration20261123000002 } from './Migration20261123000002.js';
import { Migration20261123000003 } from './Migration20261123000003.js';
import { Migration20261124000010 } from './Migration20261124000010.js';
import { Migration20261124000011 } from './Migration20261124000011.js';
import { Migration20261124000012 } from './Migration20261124000012.js';
import { Migration20261124000013 } from './Migration20261124000013.js';
import { Migration20261124000040 } from './Migration20261124000040.js';
import { Migration20261124000050 } from './Migration20261124000050.js';
import { Migration20261124000060 } from './Migration20261124000060.js';
import { Migration20261124000070 } from './Migration20261124000070.js';
import { Migration20261202000100 } from './Migration20261202000100.js';
import { Migration20261202000200 } from './Migration20261202000200.js';
import { Migration20261202000300 } from './Migration20261202000300.js';
import { Migration20261202000400 } from './Migration20261202000400.js';
import { Migration20261205008501 } from './Migration20261205008501.js';
import { Migration20261205008502 } from './Migration20261205008502.js';
import { Migration20261205009000 } from './Migration20261205009000.js';
import { Migration20261205100000 } from './Migration20261205100000.js';
import { Migration20261205160000 } from './Migration20261205160000.js';
import { Migration20261205200700 } from './Migration20261205200700.js';

/** This service's migrations, oldest first. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123000001', class: Migration20261123000001 },
  { name: 'Migration20261123000002', class: Migration20261123000002 },
  { name: 'Migration20261123000003', class: Migration20261123000003 },
  { name: 'Migration20261124000010', class: Migration20261124000010 },
  { name: 'Migration20261124000011', class: Migration20261124000011 },
  { name: 'Migration20261124000012', class: Migration20261124000012 },
  { name: 'Migration20261124000013', class: Migration20261124000013 },
  { name: 'Migration20261124000040', class: Migration20261124000040 },
  { name: 'Migration20261124000050', class: Migration20261124000050 },
  { name: 'Migration20261124000060', class: Migration20261124000060 },
  { name: 'Migration20261124000070', class: Migration20261124000070 },
  { name: 'Migration20261202000100', class: Migration20261202000100 },
  { name: 'Migration20261202000200', class: Migration20261202000200 },
  { name: 'Migration20261202000300', class: Migration20261202000300 },
  { name: 'Migration20261202000400', class: Migration20261202000400 },
  { name: 'Migration20261205008501', class: Migration20261205008501 },
  { name: 'Migration20261205008502', class: Migration20261205008502 },
  { name: 'Migration20261205009000', class: Migration20261205009000 },
  { name: 'Migration20261205100000', class: Migration20261205100000 },
  { name: 'Migration20261205160000', class: Migration20261205160000 },
  { name: 'Migration20261205200700', class: Migration20261205200700 },
];
