export { ROLES, isRole, type Role } from './roles.js';
export type { Principal } from './principal.js';
export { AuthError, isAuthError, type AuthErrorCode } from './auth-error.js';
export { loadJwtConfig, AuthConfigError, DEVELOPMENT_JWT_SECRET, type JwtConfig } from './auth-config.js';
export { createTokenVerifier, type TokenVerifier } from './verify-token.js';
export { mintToken, type MintOptions } from './mint.js';
