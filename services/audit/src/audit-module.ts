// The auditor's GraphQL module: history, verification and export, wired from the composition root's arguments.
import type { GatewayModule } from '@liaison/graphql-kit';
import type { AuditDeps } from './audit-deps.js';
import { AuditExportResolver } from './export/export.resolver.js';
import { AuditHistoryResolver } from './history/history.resolver.js';
import { AuditVerificationResolver } from './verifying/verification.resolver.js';

/** The audit module's GraphQL queries (auditor and admin roles). */
export function createAuditGatewayModule(deps: AuditDeps): GatewayModule {
  return {
    name: 'audit',
    resolvers: [
      new AuditHistoryResolver(deps),
      new AuditVerificationResolver(deps),
      new AuditExportResolver(deps),
    ],
  };
}
