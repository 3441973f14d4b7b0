export { createGateway } from './gateway.js';
export { DEFAULT_LIMITS, type Gateway, type GatewayLimits, type GatewayOptions } from './gateway-options.js';
export type { GatewayContext } from './request-context.js';
export { buildGatewaySchema } from './schema/build-gateway-schema.js';
export { printSchemaSdl } from './schema/print-schema-sdl.js';
export { depthLimitRule, QUERY_TOO_DEEP } from './limits/depth-limit-rule.js';
export { QUERY_TOO_COMPLEX, paginationEstimator } from './limits/cost-limit-plugin.js';
