import type { Resolvers } from '../../generated/graphql.js';
import { companyProfilePolicy } from './company.policy.js';
import { getCompanyProfile, updateCompanyProfile } from './company.service.js';

export const companyResolvers: Resolvers = {
  Query: {
    companyProfile: (_, __, ctx) => getCompanyProfile(ctx.em, ctx.viewer(companyProfilePolicy, 'read')),
  },
  Mutation: {
    updateCompanyProfile: (_, args, ctx) => updateCompanyProfile(ctx.em, ctx.viewer(companyProfilePolicy, 'write'), args.input, ctx.eventMeta),
  },
  CompanyProfile: {
    logo: (profile) =>
      profile.logoContentType && profile.logoSha256 && profile.logoSizeBytes
        ? { contentType: profile.logoContentType, sizeBytes: profile.logoSizeBytes, sha256: profile.logoSha256 }
        : null,
    logoPath: () => '/files/identity/company/logo',
  },
};
