import { createHash } from 'node:crypto';
import { solidPng } from '@rapport/print/testing';
import { startTestSubgraph, testToken, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService } from '../../create-identity-service.js';

let subgraph: TestSubgraph;
let origin = '';

const FIELDS = 'id version name street postalCode city country vatId taxNumber iban bic bankName headerText footerText defaultTerms logo { contentType sizeBytes sha256 } logoPath';
const PROFILE = `companyProfile { ${FIELDS} }`;
const UPDATE = `mutation($input: UpdateCompanyProfileInput!) { updateCompanyProfile(input: $input) { ${FIELDS} } }`;

interface Profile {
  id: string;
  version: number;
  name: string;
  iban: string | null;
  bic: string | null;
  country: string | null;
  vatId: string | null;
  footerText: string | null;
  logo: { contentType: string; sizeBytes: number; sha256: string } | null;
  logoPath: string;
}

const profile = async (): Promise<Profile> => (await subgraph.must<{ companyProfile: Profile }>(`{ ${PROFILE} }`)).companyProfile;

/** The profile-changed events in the outbox, oldest first. */
const profileEvents = async () =>
  (
    await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ payload: { subject: string; data: Record<string, unknown> & { version: number; logo: { base64: string; sha256: string } | null } } }[]>(
        `select payload from outbox_message where payload->>'type' = 'identity.company.profile-changed.v1' order by position`,
      )
  ).map((row) => row.payload);

const putLogo = async (body: Buffer, contentType: string, role: 'ADMIN' | 'SALES_REP' = 'ADMIN') =>
  fetch(`${origin}/company/logo`, { method: 'PUT', headers: { authorization: `Bearer ${await testToken({ role })}`, 'content-type': contentType }, body });

beforeAll(async () => {
  subgraph = await startTestSubgraph('identity', createIdentityService);
  origin = new URL(subgraph.url).origin;
});
afterAll(async () => subgraph?.stop());

describe('the company profile', () => {
  it('is changed by an administrator, normalised, and announced as a full snapshot with a new version', async () => {
    const before = await profile();
    expect(before.version).toBe(0);
    const result = await subgraph.gql<{ updateCompanyProfile: Profile }>(UPDATE, {
      input: {
        name: 'Rapport Pumps GmbH',
        street: 'Hafenstraße 12',
        postalCode: '20457',
        city: 'Hamburg',
        country: 'de',
        vatId: 'de 123456789',
        iban: 'DE89 3704 0044 0532 0130 00',
        bic: 'cobadeffxxx',
        bankName: 'Commerzbank',
        footerText: 'Register court Hamburg HRB 12345',
        defaultTerms: 'Payment within 14 days net.',
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateCompanyProfile).toMatchObject({
      id: before.id,
      version: 1,
      name: 'Rapport Pumps GmbH',
      country: 'DE',
      vatId: 'DE123456789',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      logo: null,
      logoPath: '/files/identity/company/logo',
    });
    const [event] = await profileEvents();
    expect(event).toMatchObject({
      subject: before.id,
      data: { profileId: before.id, version: 1, name: 'Rapport Pumps GmbH', iban: 'DE89370400440532013000', city: 'Hamburg', logo: null, headerText: null },
    });
    expect(event!.data.changedFields).toEqual(expect.arrayContaining(['name', 'iban', 'bic', 'country']));

    // Nothing changed: no new version, no event.
    const same = await subgraph.gql<{ updateCompanyProfile: Profile }>(UPDATE, { input: { name: 'Rapport Pumps GmbH' } });
    expect(same.data!.updateCompanyProfile.version).toBe(1);
    expect(await profileEvents()).toHaveLength(1);
  });

  it('is read by everyone signed in, and a rep may not change it', async () => {
    const read = await subgraph.gqlAs({ role: 'SALES_REP' }, `{ ${PROFILE} }`);
    expect(read.errors).toBeUndefined();
    expect((read.data as { companyProfile: Profile }).companyProfile.name).toBe('Rapport Pumps GmbH');
    const warehouse = await subgraph.gqlAs({ role: 'WAREHOUSE_CLERK' }, '{ companyProfile { name } }');
    expect(warehouse.errors).toBeUndefined();

    const refused = await subgraph.gqlAs({ role: 'SALES_REP' }, UPDATE, { input: { name: 'Hijacked Ltd' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ADMIN_ONLY' });
    const anonymous = await subgraph.gqlAs(null, '{ companyProfile { name } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const logo = await putLogo(solidPng(), 'image/png', 'SALES_REP');
    expect(logo.status).toBe(403);
    expect((await profile()).name).toBe('Rapport Pumps GmbH');
  });

  it('refuses bad values naming the field and changes nothing', async () => {
    const before = await profile();
    for (const [input, field] of [
      [{ iban: 'DE89 3704 0044 0532 0130 01' }, 'input.iban'],
      [{ bic: 'COBA' }, 'input.bic'],
      [{ country: 'Germany' }, 'input.country'],
      [{ name: '   ' }, 'input.name'],
      [{ email: 'not an email' }, 'input.email'],
      [{ footerText: 'x'.repeat(501) }, 'input.footerText'],
    ] as const) {
      const result = await subgraph.gql(UPDATE, { input: { name: 'Changed GmbH', ...input } });
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await profile()).toEqual(before);
  });

  it('takes a PNG logo up to 256 KB, announces it inside the snapshot, and serves it back', async () => {
    const png = solidPng(64, 32);
    const response = await putLogo(png, 'image/png');
    expect(response.status).toBe(200);
    const sha256 = createHash('sha256').update(png).digest('hex');
    expect(await response.json()).toMatchObject({ logo: { contentType: 'image/png', sizeBytes: png.length, sha256 } });
    expect((await profile()).logo).toEqual({ contentType: 'image/png', sizeBytes: png.length, sha256 });

    const last = (await profileEvents()).at(-1)!;
    expect(last.data.changedFields).toEqual(['logo']);
    expect(last.data.logo!.sha256).toBe(sha256);
    expect(Buffer.from(last.data.logo!.base64, 'base64').equals(png)).toBe(true);

    const download = await fetch(`${origin}/company/logo`, { headers: { authorization: `Bearer ${await testToken({ role: 'SALES_REP' })}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
  });

  it('refuses a bad logo naming the field: wrong type, content not matching its type, too large, empty, unreadable', async () => {
    const before = await profile();
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const cases: [Buffer, string, number, string][] = [
      [gif, 'image/gif', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [gif, 'image/png', 415, 'CONTENT_MISMATCH'],
      [solidPng(), 'image/jpeg', 415, 'CONTENT_MISMATCH'],
      [Buffer.concat([solidPng(), Buffer.alloc(262_145)]), 'image/png', 413, 'LOGO_TOO_LARGE'],
      [Buffer.alloc(0), 'image/png', 400, 'EMPTY_FILE'],
      [Buffer.concat([solidPng().subarray(0, 8), Buffer.from('not the rest of a png')]), 'image/png', 400, 'UNREADABLE_IMAGE'],
    ];
    for (const [body, type, status, reason] of cases) {
      const response = await putLogo(body, type);
      expect(response.status, `${type} ${reason}`).toBe(status);
      const { errors } = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
      expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'logo' });
    }
    expect(await profile()).toEqual(before);
  });

  it('removes the logo on request', async () => {
    const result = await subgraph.gql<{ updateCompanyProfile: Profile }>(UPDATE, { input: { removeLogo: true } });
    expect(result.data!.updateCompanyProfile.logo).toBeNull();
    expect((await profileEvents()).at(-1)!.data).toMatchObject({ logo: null, changedFields: ['logo'] });
    const download = await fetch(`${origin}/company/logo`, { headers: { authorization: `Bearer ${await testToken()}` } });
    expect(download.status).toBe(404);
  });
});
