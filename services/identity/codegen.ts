import { fileURLToPath } from 'node:url';
import { subgraphCodegen } from '@rapport/subgraph-kit/codegen';

// `npm run codegen` writes src/generated/types.ts and graphql.ts: the types and resolver types of the identity SDL. Mappers
// name what resolvers return for a type (paths relative to src/generated).
export default subgraphCodegen({
  service: 'identity',
  srcDir: fileURLToPath(new URL('./src', import.meta.url)),
  mappers: {
    AuditEntry: '@rapport/subgraph-kit#IAuditEntry',
    CompanyProfile: '../modules/company/company.entity.js#ICompanyProfile',
    Session: '../modules/session/session.service.js#Session',
    Team: '../modules/team/team.entity.js#ITeam',
    User: '../modules/user/user.entity.js#IUser',
  },
});
