// Why a token was refused; the gateway answers these with HTTP 401.

export type AuthErrorCode = 'INVALID_TOKEN' | 'TOKEN_EXPIRED';

/** Thrown by the token verifier; `code` says whether to sign in again (expired) or fix the client (invalid). */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** True for an AuthError, also across module copies. */
export function isAuthError(value: unknown): value is AuthError {
  return value instanceof Error && value.name === 'AuthError' && 'code' in value;
}
