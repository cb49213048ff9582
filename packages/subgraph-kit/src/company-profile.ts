import { Migration } from '@mikro-orm/migrations';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { on } from '@rapport/bus';
import { CompanyProfileChangedV1, type EventData } from '@rapport/contracts';

/** The company profile as identity announced it last (`identity.company.profile-changed.v1`), the logo as base64. */
export type CompanyProfileSnapshot = EventData<typeof CompanyProfileChangedV1>;

/** `company_profile_copy`: the newest snapshot of identity's company profile, for services that print. */
export class CompanyProfileCopyMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists company_profile_copy (
        profile_id uuid primary key,
        version integer not null,
        snapshot jsonb not null,
        updated_at timestamptz not null default now()
      );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists company_profile_copy;');
  }
}

export const COMPANY_PROFILE_COPY_MIGRATION = { name: 'Migration00000000000010_company_profile_copy', class: CompanyProfileCopyMigration };

/**
 * Keeps `company_profile_copy` at the newest version identity announced: a snapshot older than the
 * one kept (arriving late, or replayed) changes nothing. Raw SQL: a read copy, never audited.
 */
export const companyProfileCopyHandlers = [
  on(CompanyProfileChangedV1, async (data, _event, em) => {
    await em.execute(
      `insert into company_profile_copy (profile_id, version, snapshot) values (?, ?, ?::jsonb)
       on conflict (profile_id) do update set version = excluded.version, snapshot = excluded.snapshot, updated_at = now()
       where company_profile_copy.version < excluded.version`,
      [data.profileId, data.version, JSON.stringify(data)],
    );
  }),
];

/**
 * The company profile this service last heard of, or null before identity announced one (print
 * then shows what the document itself holds). There is one profile; should several ids ever be
 * copied, the newest change wins.
 */
export async function loadCompanyProfile(em: SqlEntityManager): Promise<CompanyProfileSnapshot | null> {
  const [row] = await em.execute<{ snapshot: CompanyProfileSnapshot }[]>('select snapshot from company_profile_copy order by updated_at desc limit 1');
  return row ? CompanyProfileChangedV1.schema.parse(row.snapshot) : null;
}
