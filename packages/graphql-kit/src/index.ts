export type { RequestContext } from './request-context.js';
export { Loaders } from './loaders.js';
export { toGlobalId, fromGlobalId } from './global-id.js';
export { Node } from './node.type.js';
export { NodeResolver, type NodeFetcher } from './node.resolver.js';
export { PageInfo } from './page-info.type.js';
export { ConnectionArgs, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection-args.js';
export {
  createConnectionTypes,
  type ConnectionValue,
  type EdgeValue,
  type TotalCount,
} from './connection.type.js';
export { toConnection, type PageOf, type ToConnectionOptions } from './to-connection.js';
export { UserError, userErrorsOf } from './user-error.type.js';
export { MutationPayload } from './mutation-payload.type.js';
export { CommandInput } from './command-input.type.js';
export { mutationPayloads, type MutationPayloads, type PayloadWith } from './mutation-payloads.js';
export { requireAuthenticated, requireRole } from './guards.js';
export { DateTimeScalar, LocalDateScalar, SafeIntScalar, PositiveIntScalar, scalarsMap } from './scalars.js';
export type { GatewayModule } from './gateway-module.js';
export {
  AccessDeniedError,
  commandMetadata,
  decodeId,
  execute,
  refused,
  resultOf,
  type ReadYourWrites,
} from './mutation.js';
