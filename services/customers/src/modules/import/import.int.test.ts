import { randomUUID } from 'node:crypto';
import { graphqlRequest, type TestPrincipal, testPrincipal, testToken } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useCustomersSubgraph } from '../../testing.js';
import { CustomerCreatedV1, parseData, parseEnvelope } from '@rapport/contracts';
import { parseCsv, parseXlsx, writeXlsx } from './csv.js';

const subgraph = useCustomersSubgraph();

const importMutation = `mutation($input: ImportCustomersInput!) {
  importCustomers(input: $input) { id status dryRun total processed created merged skipped failed errors { line field reason } finishedAt }
}`;
type Report = { id: string; status: string; dryRun: boolean; errors: { line: number; field: string | null; reason: string }[]; finishedAt: string | null } & Record<
  'total' | 'processed' | 'created' | 'merged' | 'skipped' | 'failed',
  number
>;
/** The export's columns, mapped back to the fields they came from: importing an export needs no other mapping. */
const exportMapping = [
  'name',
  'kind',
  'lifecycleState',
  'email',
  'phone',
  'industry',
  'source',
  'tier',
  'tags',
  'notes',
  'taxId',
  'street',
  'city',
  'country',
  'contactName',
  'contactEmail',
  'contactPhone',
].map((n) => ({ column: n, field: n.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() }));
const fullMapping = [
  { column: 'Company', field: 'NAME' },
  { column: 'Email', field: 'EMAIL' },
  { column: 'Tax', field: 'TAX_ID' },
  { column: 'Tags', field: 'TAGS' },
  { column: 'City', field: 'CITY' },
  { column: 'Country', field: 'COUNTRY' },
  { column: 'Contact', field: 'CONTACT_NAME' },
  { column: 'Contact email', field: 'CONTACT_EMAIL' },
];
const header = 'Company,Email,Tax,Tags,City,Country,Contact,Contact email';

async function runImport(csv: string, options: { dryRun?: boolean; duplicates?: string; mode?: string; mapping?: unknown[] } = {}, as: TestPrincipal | null = { role: 'ADMIN' }) {
  return subgraph.gqlAs<{ importCustomers: Report }>(as, importMutation, {
    input: { csv, mapping: options.mapping ?? fullMapping, dryRun: options.dryRun ?? false, duplicates: options.duplicates ?? 'SKIP', mode: options.mode ?? 'PER_ROW' },
  });
}

const count = async (sql: string, params: unknown[] = []): Promise<number> => {
  const rows = await subgraph.service.orm.em.fork().getConnection().execute<{ n: string }[]>(sql, params);
  return Number(rows[0]?.n ?? 0);
};
const unique = (): string => randomUUID().slice(0, 8);

describe('importing customers from CSV', () => {
  it('creates customers with primary contact, address and a created event each', async () => {
    const tag = unique();
    const csv = `${header}\nAlpha ${tag},alpha-${tag}@example.com,DE-${tag},Food; Export,Berlin,de,Ann Alpha,ann-${tag}@example.com\n"Beta, ${tag}",,,,,,,\n`;
    const result = await runImport(csv);
    expect(result.errors).toBeUndefined();
    expect(result.data!.importCustomers).toMatchObject({ status: 'COMPLETED', total: 2, processed: 2, created: 2, failed: 0, errors: [] });
    expect(result.data!.importCustomers.finishedAt).not.toBeNull();
    const [alpha] = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string; tags: string[]; tax_id: string }[]>('select id, tags, tax_id from customer where name = ?', [`Alpha ${tag}`]);
    expect(alpha).toMatchObject({ tags: ['food', 'export'], tax_id: `DE${tag.toUpperCase()}` });
    expect(await count('select count(*) n from contact where customer_id = ? and is_primary', [alpha!.id])).toBe(1);
    expect(await count(`select count(*) n from customer_address where customer_id = ? and city = 'Berlin' and country = 'DE'`, [alpha!.id])).toBe(1);
    expect(await count(`select count(*) n from outbox_message where type = 'customers.customer.created.v1' and message_key = ?`, [alpha!.id])).toBe(1);
    expect(await count('select count(*) n from customer_access where customer_id = ?', [alpha!.id])).toBe(1);
  });

  it('reports every bad row with its CSV line and the field at fault', async () => {
    const tag = unique();
    const csv = [
      header,
      `Good ${tag},,,,,,,`,
      `,nobody@example.com,,,,,,`,
      `Bad mail ${tag},not-an-email,,,,,,`,
      `"Multi`,
      `line ${tag}",,,,Paris,XX,,`,
      `Contactless ${tag},,,,,,,lonely@example.com`,
      `Short row ${tag},`,
    ].join('\n');
    const result = await runImport(csv);
    const report = result.data!.importCustomers;
    expect(report).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', total: 6, created: 1, failed: 5 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'name'],
      [4, 'email'],
      [5, 'country'],
      [7, 'contactName'],
      [8, null],
    ]);
    expect(report.errors[1]!.reason).toMatch(/email/);
  });

  it('rejects a mapping to a column the file does not have, naming the mapping entry', async () => {
    const result = await runImport(`${header}\nX,,,,,,,\n`, {
      mapping: [
        { column: 'Company', field: 'NAME' },
        { column: 'Nope', field: 'EMAIL' },
      ],
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mapping.1.column' });
  });

  it('writes nothing on a dry run, but reports what would happen', async () => {
    const tag = unique();
    const before = await count('select count(*) n from customer');
    const outboxBefore = await count('select count(*) n from outbox_message');
    const result = await runImport(`${header}\nDry ${tag},,,,,,Dee,\nDry two ${tag},bad,,,,,,\n`, { dryRun: true });
    expect(result.data!.importCustomers).toMatchObject({ dryRun: true, created: 1, failed: 1, status: 'COMPLETED_WITH_ERRORS' });
    expect(await count('select count(*) n from customer')).toBe(before);
    expect(await count('select count(*) n from contact where name = ?', ['Dee'])).toBe(0);
    expect(await count('select count(*) n from outbox_message')).toBe(outboxBefore);
  });

  it('writes nothing in ALL_OR_NOTHING mode when a row fails, and the good rows in PER_ROW mode', async () => {
    const tag = unique();
    const csv = `${header}\nAon good ${tag},,,,,,,\nAon bad ${tag},x@,,,,,,\n`;
    const all = await runImport(csv, { mode: 'ALL_OR_NOTHING' });
    expect(all.data!.importCustomers).toMatchObject({ status: 'ROLLED_BACK', created: 0, failed: 1, errors: [{ line: 3, field: 'email' }] });
    expect(await count('select count(*) n from customer where name = ?', [`Aon good ${tag}`])).toBe(0);
    // The job row was written outside the import's transaction: it is still there.
    const job = await subgraph.gql<{ importJob: Report }>(`query($id: ID!) { importJob(id: $id) { status failed } }`, { id: all.data!.importCustomers.id });
    expect(job.data!.importJob).toEqual({ status: 'ROLLED_BACK', failed: 1 });
    const perRow = await runImport(csv, { mode: 'PER_ROW' });
    expect(perRow.data!.importCustomers).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', created: 1, failed: 1 });
    expect(await count('select count(*) n from customer where name = ?', [`Aon good ${tag}`])).toBe(1);
  });

  it('commits ALL_OR_NOTHING imports without bad rows in full', async () => {
    const tag = unique();
    const result = await runImport(`${header}\nAll one ${tag},,,,,,,\nAll two ${tag},,,,,,,\n`, { mode: 'ALL_OR_NOTHING' });
    expect(result.data!.importCustomers).toMatchObject({ status: 'COMPLETED', created: 2 });
    expect(await count('select count(*) n from customer where name like ?', [`All % ${tag}`])).toBe(2);
  });
});

describe('duplicates', () => {
  const seed = async (tag: string): Promise<string> => {
    const r = await runImport(`${header}\nDup ${tag},dup-${tag}@example.com,TX${tag},old,,,,\n`);
    expect(r.data!.importCustomers.created).toBe(1);
    const [row] = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>('select id from customer where name = ?', [`Dup ${tag}`]);
    return row!.id;
  };

  it('skips rows matching an existing customer by email, tax id or name, and earlier rows of the file', async () => {
    const tag = unique();
    await seed(tag);
    const csv = `${header}\nOther name ${tag},DUP-${tag}@example.com,,,,,,\nThird ${tag},,tx-${tag},,,,,\ndup ${tag},,,,,,,\nNew ${tag},,,,,,,\nnew ${tag},,,,,,,\n`;
    const result = await runImport(csv, { duplicates: 'SKIP' });
    expect(result.data!.importCustomers).toMatchObject({ created: 1, skipped: 4, merged: 0 });
    expect(await count('select count(*) n from customer where lower(name) like ?', [`%${tag}`])).toBe(2);
  });

  it('reports each duplicate row with the customer it matched, what matched and what was done, on a dry run and for real', async () => {
    const tag = unique();
    const seeded = await seed(tag);
    const csv = `${header}\nOther name ${tag},DUP-${tag}@example.com,,,,,,\nThird ${tag},,tx-${tag},,,,,\nNew ${tag},,,,,,,\nnew ${tag},,,,,,,\n`;
    const query = `mutation($input: ImportCustomersInput!) { importCustomers(input: $input) { id skipped merged duplicateRows { line customer { id name } matchesLine reason handling } } }`;
    type Rows = {
      importCustomers: {
        id: string;
        skipped: number;
        merged: number;
        duplicateRows: { line: number; customer: { id: string; name: string } | null; matchesLine: number | null; reason: string; handling: string }[];
      };
    };
    const run = (dryRun: boolean, duplicates: string) => subgraph.gql<Rows>(query, { input: { csv, mapping: fullMapping, dryRun, duplicates, mode: 'PER_ROW' } });

    const dry = await run(true, 'SKIP');
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importCustomers.duplicateRows).toEqual([
      { line: 2, customer: { id: seeded, name: `Dup ${tag}` }, matchesLine: null, reason: 'SAME_EMAIL', handling: 'SKIP' },
      { line: 3, customer: { id: seeded, name: `Dup ${tag}` }, matchesLine: null, reason: 'SAME_TAX_ID', handling: 'SKIP' },
      // the customer line 4 would create was never written
      { line: 5, customer: null, matchesLine: 4, reason: 'SIMILAR_NAME', handling: 'SKIP' },
    ]);

    const real = await run(false, 'MERGE');
    expect(real.data!.importCustomers).toMatchObject({ merged: 3, skipped: 0 });
    const [created] = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>('select id from customer where name = ?', [`New ${tag}`]);
    expect(real.data!.importCustomers.duplicateRows.map((d) => [d.line, d.customer?.id, d.matchesLine, d.handling])).toEqual([
      [2, seeded, null, 'MERGE'],
      [3, seeded, null, 'MERGE'],
      [5, created!.id, 4, 'MERGE'],
    ]);
    // the job keeps them
    const job = await subgraph.gql<{ importJob: { duplicateRows: { line: number }[] } }>(`query($id: ID!) { importJob(id: $id) { duplicateRows { line } } }`, {
      id: real.data!.importCustomers.id,
    });
    expect(job.data!.importJob.duplicateRows.map((d) => d.line)).toEqual([2, 3, 5]);
  });

  it('merges rows into the existing customer: empty fields filled, tags added, contact added', async () => {
    const tag = unique();
    await seed(tag);
    const csv = `Company,Email,Phone,Tags,Contact\nDup ${tag},other-${tag}@example.com,+49 30 1,new,Mia Merge\n`;
    const result = await runImport(csv, {
      duplicates: 'MERGE',
      mapping: [
        { column: 'Company', field: 'NAME' },
        { column: 'Email', field: 'EMAIL' },
        { column: 'Phone', field: 'PHONE' },
        { column: 'Tags', field: 'TAGS' },
        { column: 'Contact', field: 'CONTACT_NAME' },
      ],
    });
    expect(result.data!.importCustomers).toMatchObject({ created: 0, merged: 1 });
    const rows = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string; email: string; phone: string; tags: string[] }[]>('select id, email, phone, tags from customer where name = ?', [`Dup ${tag}`]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: `dup-${tag}@example.com`, phone: '+49 30 1', tags: ['old', 'new'] });
    expect(await count('select count(*) n from contact where customer_id = ? and name = ? and is_primary', [rows[0]!.id, 'Mia Merge'])).toBe(1);
  });

  it('creates duplicates anyway with CREATE', async () => {
    const tag = unique();
    await seed(tag);
    const result = await runImport(`${header}\nDup ${tag},dup-${tag}@example.com,,,,,,\nDup ${tag},,,,,,,\n`, { duplicates: 'CREATE' });
    expect(result.data!.importCustomers).toMatchObject({ created: 2, skipped: 0 });
    expect(await count('select count(*) n from customer where name = ?', [`Dup ${tag}`])).toBe(3);
  });
});

describe('export', () => {
  it('exports the visible customers as CSV that imports back to the same customers', async () => {
    const rep = testPrincipal('SALES_REP');
    const tag = unique();
    const csv = `${header}\n"Round, ""trip"" ${tag}",rt-${tag}@example.com,RT${tag},a;b,Köln,DE,Rob Round,rob-${tag}@example.com\nPlain ${tag},,,,,,,\n`;
    expect((await runImport(csv, {}, rep)).data!.importCustomers.created).toBe(2);
    const exported = await subgraph.gqlAs<{ exportCustomers: string }>(rep, `{ exportCustomers }`);
    expect(exported.errors).toBeUndefined();
    const text = exported.data!.exportCustomers;
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('name,kind,lifecycleState,email,phone,industry,source,tier,tags,notes,taxId,street,city,country,contactName,contactEmail,contactPhone,ownerId');
    expect(lines).toHaveLength(3); // only this rep's two customers
    expect(text).toContain(
      `"Round, ""trip"" ${tag}",COMPANY,PROSPECT,rt-${tag}@example.com,,,,,a;b,,RT${tag.toUpperCase()},,Köln,DE,Rob Round,rob-${tag}@example.com,,${rep.userId}`,
    );
    // Import the export back as another rep: same customers, field for field.
    const other = testPrincipal('SALES_REP');
    const again = await runImport(text.replaceAll(rep.userId, other.userId), { mapping: exportMapping, duplicates: 'CREATE' }, other);
    expect(again.data!.importCustomers).toMatchObject({ created: 2, failed: 0 });
    const reExported = await subgraph.gqlAs<{ exportCustomers: string }>(other, `{ exportCustomers }`);
    expect(reExported.data!.exportCustomers).toBe(text.replaceAll(rep.userId, other.userId));
  });

  it('applies the filter', async () => {
    const tag = unique();
    await runImport(`${header}\nFiltered ${tag},,,,,,,\n`);
    const result = await subgraph.gql<{ exportCustomers: string }>(`query($f: CustomerFilter) { exportCustomers(filter: $f) }`, { f: { search: `Filtered ${tag}` } });
    expect(result.data!.exportCustomers.trim().split('\n')).toHaveLength(2);
  });
});

describe('who may import', () => {
  it('forbids roles that may not change customers', async () => {
    const agent = await runImport(`${header}\nNope,,,,,,,\n`, {}, { role: 'SUPPORT_AGENT' });
    expect(agent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const buyer = await subgraph.gqlAs({ role: 'BUYER' }, `{ exportCustomers }`);
    expect(buyer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets an admin name owners, but a rep only themselves', async () => {
    const owner = randomUUID();
    const tag = unique();
    const mapping = [
      { column: 'Company', field: 'NAME' },
      { column: 'Owner', field: 'OWNER_ID' },
    ];
    const csv = `Company,Owner\nOwned ${tag},${owner}\n`;
    const rep = testPrincipal('SALES_REP');
    const asRep = await runImport(csv, { mapping }, rep);
    expect(asRep.data!.importCustomers).toMatchObject({ created: 0, failed: 1, errors: [{ line: 2, field: 'ownerId' }] });
    const asAdmin = await runImport(csv, { mapping });
    expect(asAdmin.data!.importCustomers.created).toBe(1);
    expect(await count('select count(*) n from customer_access a join customer c on c.id = a.customer_id where c.name = ? and a.owner_id = ?', [`Owned ${tag}`, owner])).toBe(1);
  });

  it('shows an import job to its creator and admins, not to another rep', async () => {
    const rep = testPrincipal('SALES_REP');
    const { data } = await runImport(`${header}\nJob ${unique()},,,,,,,\n`, {}, rep);
    const query = `query($id: ID!) { importJob(id: $id) { id created } }`;
    const mine = await subgraph.gqlAs<{ importJob: { created: number } }>(rep, query, { id: data!.importCustomers.id });
    expect(mine.data!.importJob.created).toBe(1);
    const other = await subgraph.gqlAs({ role: 'SALES_REP', userId: randomUUID() }, query, { id: data!.importCustomers.id });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('performance', () => {
  it('imports 5,000 rows in a few seconds', async () => {
    const tag = unique();
    const lines = [header];
    for (let i = 0; i < 5000; i++) lines.push(`Perf ${tag} ${i},perf-${i}-${tag}@example.com,,x;y,Berlin,DE,Contact ${i},c${i}-${tag}@example.com`);
    const started = Date.now();
    const result = await runImport(lines.join('\n'));
    const elapsed = Date.now() - started;
    expect(result.data!.importCustomers).toMatchObject({ status: 'COMPLETED', created: 5000, processed: 5000 });
    // About 2 s on the dev box when the database is quiet; the bound leaves room for a busy shared server.
    expect(elapsed).toBeLessThan(10000);
    expect(await count(`select count(*) n from outbox_message where type = 'customers.customer.created.v1' and payload->'data'->>'name' like ?`, [`Perf ${tag} %`])).toBe(5000);
  });
});

const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(sql, params);
type Entry = { action: string; actorId: string | null; requestId: string | null; changes: { field: string; from: string | null; to: string | null }[] };
const entryFields = 'history { action actorId requestId changes { field from to } }';
/** A customer's history, and its contacts' (through GraphQL, as a client reads them). */
const historyOf = async (customerId: string): Promise<{ history: Entry[]; contacts: { name: string; history: Entry[] }[] }> => {
  const result = await subgraph.gql<{ customer: { history: Entry[]; contacts: { name: string; history: Entry[] }[] } }>(
    `query($id: ID!) { customer(id: $id) { ${entryFields} contacts { name ${entryFields} } } }`,
    { id: customerId },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.customer;
};

describe('audit trail of imported records', () => {
  it("records a CREATE for every imported customer, contact and address, by the importer, in the audit subscriber's shape", async () => {
    const tag = unique();
    const importer = testPrincipal('ADMIN');
    const requestId = `req-${tag}`;
    const result = await graphqlRequest<{ importCustomers: Report }>(
      subgraph.url,
      importMutation,
      {
        input: {
          csv: `${header}\nAudited ${tag},aud-${tag}@example.com,AU${tag},x;y,Berlin,DE,Ann Audit,ann-${tag}@example.com\n`,
          mapping: fullMapping,
          dryRun: false,
          duplicates: 'SKIP',
          mode: 'PER_ROW',
        },
      },
      { authorization: `Bearer ${await testToken(importer)}`, 'x-request-id': requestId },
    );
    const jobId = result.data!.importCustomers.id;
    const [customer] = await rows<{ id: string }>('select id from customer where name = ?', [`Audited ${tag}`]);
    const { history, contacts } = await historyOf(customer!.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'CREATE', actorId: importer.userId, requestId });
    const changes = new Map(history[0]!.changes.map((c) => [c.field, c]));
    expect(changes.get('name')).toEqual({ field: 'name', from: null, to: JSON.stringify(`Audited ${tag}`) });
    expect(changes.get('tags')).toEqual({ field: 'tags', from: null, to: JSON.stringify('{x,y}') });
    expect(changes.get('taxId')?.to).toBe(JSON.stringify(`AU${tag.toUpperCase()}`));
    expect(changes.get('importJobId')).toEqual({ field: 'importJobId', from: null, to: JSON.stringify(jobId) });

    // The same fields, in the same order, as the audit subscriber records for createCustomer (plus the job).
    const made = await subgraph.gql<{ createCustomer: { id: string } }>(`mutation { createCustomer(input: { name: "Made ${tag}", kind: COMPANY }) { id } }`);
    const [subscribers] = (await historyOf(made.data!.createCustomer.id)).history;
    expect(history[0]!.changes.map((c) => c.field)).toEqual([...subscribers!.changes.map((c) => c.field), 'importJobId']);

    expect(contacts).toHaveLength(1);
    const contactHistory = contacts[0]!.history;
    expect(contactHistory).toHaveLength(1);
    expect(contactHistory[0]).toMatchObject({ action: 'CREATE', actorId: importer.userId, requestId });
    expect(contactHistory[0]!.changes.map((c) => c.field)).toEqual([
      'id',
      'customerId',
      'name',
      'title',
      'emails',
      'phones',
      'preferredChannel',
      'isPrimary',
      'createdAt',
      'deletedAt',
      'importJobId',
    ]);
    expect(contactHistory[0]!.changes).toContainEqual({ field: 'isPrimary', from: null, to: 'true' });
    expect(contactHistory[0]!.changes).toContainEqual({ field: 'emails', from: null, to: JSON.stringify(`{ann-${tag}@example.com}`) });
    const [address] = await rows<{ id: string; created_at: string | Date }>('select id, created_at from customer_address where customer_id = ?', [customer!.id]);
    const [addressEntry] = await rows<{ action: string; actor_id: string; changes: { field: string; to: unknown }[] }>(
      `select action, actor_id, changes from audit_entry where entity = 'Address' and entity_id = ?`,
      [address!.id],
    );
    expect(addressEntry).toMatchObject({ action: 'CREATE', actor_id: importer.userId });
    expect(addressEntry!.changes.map((c) => c.field)).toEqual([
      'id',
      'customerId',
      'kind',
      'street',
      'postalCode',
      'city',
      'region',
      'country',
      'createdAt',
      'deletedAt',
      'importJobId',
    ]);
    expect(addressEntry!.changes.find((c) => c.field === 'createdAt')?.to).toBe(new Date(address!.created_at).toISOString());

    // The created event, written by the bus's publishMany, is the envelope createEvent makes, with the request's ids.
    const [outbox] = await rows<{ payload: Record<string, unknown>; headers: Record<string, string>; message_key: string }>(
      'select payload, headers, message_key from outbox_message where message_key = ?',
      [customer!.id],
    );
    const event = parseEnvelope(JSON.stringify(outbox!.payload));
    expect(parseData(CustomerCreatedV1, event)).toEqual({ customerId: customer!.id, name: `Audited ${tag}`, kind: 'COMPANY', ownerId: importer.userId, teamId: null });
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/rapport/customers',
      subject: customer!.id,
      datacontenttype: 'application/json',
      actor: importer.userId,
      requestid: requestId,
      correlationid: requestId,
      causationid: null,
    });
    expect(Object.keys(outbox!.payload).sort()).toEqual([
      'actor',
      'causationid',
      'correlationid',
      'data',
      'datacontenttype',
      'id',
      'requestid',
      'source',
      'specversion',
      'subject',
      'time',
      'type',
    ]);
    expect(outbox!.headers).toEqual({ ce_type: CustomerCreatedV1.type, ce_id: event.id, correlation_id: requestId, 'x-request-id': requestId });
  });

  it('records a merge as an UPDATE from the old values to the new, and the added contact as a CREATE', async () => {
    const tag = unique();
    await runImport(`${header}\nMerged ${tag},,MG${tag},old,,,,\n`);
    const [customer] = await rows<{ id: string }>('select id from customer where name = ?', [`Merged ${tag}`]);
    const merge = await runImport(`${header}\nMerged ${tag},mg-${tag}@example.com,,new,,,Max Merge,max-${tag}@example.com\n`, { duplicates: 'MERGE' });
    expect(merge.data!.importCustomers).toMatchObject({ merged: 1, created: 0 });
    const { history, contacts } = await historyOf(customer!.id);
    const [latest, first] = history;
    expect(first!.action).toBe('CREATE');
    expect(latest).toMatchObject({ action: 'UPDATE' });
    expect(latest!.requestId).toBeTruthy();
    expect(latest!.changes).toEqual([
      { field: 'email', from: null, to: JSON.stringify(`mg-${tag}@example.com`) },
      { field: 'tags', from: JSON.stringify('{old}'), to: JSON.stringify('{old,new}') },
      { field: 'importJobId', from: null, to: JSON.stringify(merge.data!.importCustomers.id) },
    ]);
    expect(contacts.map((c) => [c.name, c.history.map((h) => h.action)])).toEqual([['Max Merge', ['CREATE']]]);
    expect(contacts[0]!.history[0]!.changes).toContainEqual({ field: 'isPrimary', from: null, to: 'true' });
  });

  it('merges the same file twice without adding anything the second time', async () => {
    const tag = unique();
    const csv = `${header}\nTwice ${tag},tw-${tag}@example.com,,a,Bonn,DE,Tess Twice,tess-${tag}@example.com\n`;
    await runImport(csv);
    const [customer] = await rows<{ id: string }>('select id from customer where name = ?', [`Twice ${tag}`]);
    const audits = () =>
      count(`select count(*) n from audit_entry where entity_id = ? or entity_id in (select id::text from contact where customer_id = ?)`, [customer!.id, customer!.id]);
    const before = await audits();
    const again = await runImport(csv, { duplicates: 'MERGE' });
    expect(again.data!.importCustomers).toMatchObject({ merged: 1, created: 0 });
    expect(await count('select count(*) n from contact where customer_id = ?', [customer!.id])).toBe(1);
    expect(await count('select count(*) n from customer_address where customer_id = ?', [customer!.id])).toBe(1);
    expect(await audits()).toBe(before);
  });

  it('writes no audit entry on a dry run or a rolled-back import', async () => {
    const tag = unique();
    const before = await count('select count(*) n from audit_entry');
    await runImport(`${header}\nGhost ${tag},,,,,,Gus,\n`, { dryRun: true });
    await runImport(`${header}\nGhost two ${tag},,,,,,Gus,\nBad ${tag},nope,,,,,,\n`, { mode: 'ALL_OR_NOTHING' });
    expect(await count('select count(*) n from audit_entry')).toBe(before);
  });
});

describe('files of several batches', () => {
  const lines = (tag: string, from: number, to: number, extra = ''): string[] => {
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(`Batch ${tag} ${i},b${i}-${tag}@example.com,,${extra},,,,`);
    return out;
  };

  it('matches rows against earlier batches of the same file, the one still being written included', async () => {
    const tag = unique();
    // 2,500 rows: batch 2 repeats rows of batch 1 (by email, other names), batch 3 rows of batch 2.
    const csv = [
      header,
      ...lines(tag, 0, 1000),
      ...lines(tag, 1000, 1900),
      ...Array.from({ length: 100 }, (_, i) => `Again ${tag} ${i},B${i}-${tag}@EXAMPLE.COM,,,,,,`),
      ...lines(tag, 2000, 2400),
      ...Array.from({ length: 100 }, (_, i) => `Again ${tag} ${1000 + i},b${1000 + i}-${tag}@example.com,,,,,,`),
    ].join('\n');
    const result = await runImport(csv);
    expect(result.data!.importCustomers).toMatchObject({ status: 'COMPLETED', total: 2500, created: 2300, skipped: 200, processed: 2500 });
    expect(await count('select count(*) n from customer where name like ?', [`Batch ${tag} %`])).toBe(2300);
    expect(await count('select count(*) n from customer where name like ?', [`Again ${tag} %`])).toBe(0);
  });

  it('merges rows of later batches into customers earlier batches created or merged into', async () => {
    const tag = unique();
    await runImport([header, `Batch ${tag} existing,ex-${tag}@example.com,,,,,,`].join('\n'));
    // Every batch merges a row into the existing customer; batch 2 also into customers batch 1 created.
    const csv = [
      header,
      ...lines(tag, 0, 999),
      `Batch ${tag} existing,,,one,,,Contact One,`,
      ...Array.from({ length: 999 }, (_, i) => `Batch ${tag} ${i},,,late,,,Late ${i},`),
      `Batch ${tag} existing,,,two,,,Contact Two,`,
      ...lines(tag, 2000, 2999),
      `Batch ${tag} existing,,,three,,,Contact Three,`,
    ].join('\n');
    const result = await runImport(csv, { duplicates: 'MERGE' });
    expect(result.data!.importCustomers).toMatchObject({ status: 'COMPLETED', total: 3000, created: 1998, merged: 1002 });
    const [existing] = await rows<{ id: string; tags: string[] }>('select id, tags from customer where name = ?', [`Batch ${tag} existing`]);
    expect(existing!.tags).toEqual(['one', 'two', 'three']);
    expect(
      (await rows<{ name: string; is_primary: boolean }>('select name, is_primary from contact where customer_id = ? order by name', [existing!.id])).map((c) => [
        c.name,
        c.is_primary,
      ]),
    ).toEqual([
      ['Contact One', true],
      ['Contact Three', false],
      ['Contact Two', false],
    ]);
    const late = await rows<{ tags: string[]; contacts: string }>(
      `select c.tags, (select count(*) from contact k where k.customer_id = c.id)::text as contacts from customer c where c.name like ? and c.tags @> '{late}'`,
      [`Batch ${tag} %`],
    );
    expect(late).toHaveLength(999);
    expect(late.every((c) => c.contacts === '1')).toBe(true);
  });
});

describe('XLSX', () => {
  const xlsxInput = async (header: string[], data: string[][], options: { duplicates?: string; mapping?: unknown[] } = {}) => ({
    format: 'XLSX',
    file: (await writeXlsx('Sheet', header, data)).toString('base64'),
    mapping: options.mapping ?? fullMapping,
    dryRun: false,
    duplicates: options.duplicates ?? 'SKIP',
    mode: 'PER_ROW',
  });

  it('imports the first worksheet of a workbook, reporting bad rows by their row number', async () => {
    const tag = unique();
    const input = await xlsxInput(header.split(','), [
      [`Sheet ${tag}`, `sheet-${tag}@example.com`, `SH${tag}`, 'a;b', 'Wien', 'AT', 'Sue Sheet', `sue-${tag}@example.com`],
      [`Bad ${tag}`, 'not-an-email', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', ''],
      [`Last ${tag}`, '', '', '', '', '', '', ''],
    ]);
    const result = await subgraph.gql<{ importCustomers: Report }>(importMutation, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data!.importCustomers).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', total: 3, created: 2, failed: 1, errors: [{ line: 3, field: 'email' }] });
    const [row] = await rows<{ id: string; tags: string[] }>('select id, tags from customer where name = ?', [`Sheet ${tag}`]);
    expect(row!.tags).toEqual(['a', 'b']);
    expect(await count(`select count(*) n from customer_address where customer_id = ? and city = 'Wien' and country = 'AT'`, [row!.id])).toBe(1);
  });

  it('exports XLSX that imports back to the same customers', async () => {
    const rep = testPrincipal('SALES_REP');
    const tag = unique();
    await runImport(`${header}\n"X, ""quoted"" ${tag}",xq-${tag}@example.com,XQ${tag},a;b,Köln,DE,Xaver,xaver-${tag}@example.com\nPlain X ${tag},,,,,,,\n`, {}, rep);
    const csv = (await subgraph.gqlAs<{ exportCustomers: string }>(rep, `{ exportCustomers }`)).data!.exportCustomers;
    const xlsx = await subgraph.gqlAs<{ exportCustomers: string }>(rep, `{ exportCustomers(format: XLSX) }`);
    expect(xlsx.errors).toBeUndefined();
    const records = await parseXlsx(Buffer.from(xlsx.data!.exportCustomers, 'base64'));
    expect(records.map((r) => r.fields)).toEqual(parseCsv(csv).map((r) => r.fields));
    expect(records.map((r) => r.fields[0])).toContain(`X, "quoted" ${tag}`);
    const other = testPrincipal('SALES_REP');
    const again = await subgraph.gqlAs<{ importCustomers: Report }>(other, importMutation, {
      input: { format: 'XLSX', file: xlsx.data!.exportCustomers, mapping: exportMapping, dryRun: false, duplicates: 'CREATE', mode: 'PER_ROW' },
    });
    expect(again.data!.importCustomers).toMatchObject({ created: 2, failed: 0 });
    const reExported = await subgraph.gqlAs<{ exportCustomers: string }>(other, `{ exportCustomers }`);
    expect(reExported.data!.exportCustomers).toBe(csv.replaceAll(rep.userId, other.userId));
  });

  it('rejects a file that is no workbook, and content in the wrong field, naming the field', async () => {
    const base = { mapping: fullMapping, dryRun: false, duplicates: 'SKIP', mode: 'PER_ROW' };
    const garbage = await subgraph.gql(importMutation, { input: { ...base, format: 'XLSX', file: Buffer.from('not a workbook').toString('base64') } });
    expect(garbage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.file' });
    const notBase64 = await subgraph.gql(importMutation, { input: { ...base, format: 'XLSX', file: '%%%' } });
    expect(notBase64.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.file' });
    const csvAsXlsx = await subgraph.gql(importMutation, { input: { ...base, format: 'XLSX', csv: `${header}\nX,,,,,,,` } });
    expect(csvAsXlsx.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
    const noCsv = await subgraph.gql(importMutation, { input: base });
    expect(noCsv.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
  });
});

describe('a batch the database refuses', () => {
  it("fails that batch alone in PER_ROW mode, with the database's reason; later rows matching its rows are created", async () => {
    const tag = unique();
    // A trigger of this test's database refuses one name: the batch with it cannot be written.
    await rows(`create function import_test_refuse() returns trigger language plpgsql as $$
      begin if new.name = 'Refused ${tag}' then raise exception 'refused by the test'; end if; return new; end $$`);
    await rows('create trigger import_test_refuse before insert on customer for each row execute function import_test_refuse()');
    try {
      const row = (i: number, name = `Fail ${tag} ${i}`) => `${name},f${i}-${tag}@example.com,,,,,,`;
      const csv = [
        header,
        ...Array.from({ length: 1000 }, (_, i) => row(i)),
        ...Array.from({ length: 1000 }, (_, i) => row(1000 + i, i === 500 ? `Refused ${tag}` : undefined)),
        row(1001, `Fail ${tag} again`), // the same email as a row of the refused batch
        ...Array.from({ length: 499 }, (_, i) => row(2000 + i)),
      ].join('\n');
      const result = await runImport(csv);
      const report = result.data!.importCustomers;
      expect(report).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', total: 2500, processed: 2500, created: 1500, failed: 1000 });
      expect(report.errors).toHaveLength(1000);
      expect(report.errors[0]).toEqual({ line: 1002, field: null, reason: 'the batch could not be written: refused by the test' });
      expect(await count('select count(*) n from customer where name like ?', [`Fail ${tag} %`])).toBe(1500);
      expect(await count('select count(*) n from customer where name = ?', [`Fail ${tag} again`])).toBe(1);
    } finally {
      await rows('drop trigger import_test_refuse on customer');
      await rows('drop function import_test_refuse()');
    }
  });

  it('refuses a file with a NUL character as a whole at the input boundary, naming the field, and imports nothing', async () => {
    // A NUL is refused in every string argument before any resolver runs (the kit's input boundary),
    // so such a file is corrupt as a whole rather than one bad row.
    const tag = unique();
    const result = await runImport(`${header}\nNul\u0000 ${tag},,,,,,,\nFine ${tag},,,,,,,\n`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERS', field: 'input.csv' });
    expect(await count('select count(*) as n from customer where name like ?', [`%${tag}`])).toBe(0);
  });
});
