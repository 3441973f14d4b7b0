// What clients see of errors: expected ones as they are, unexpected ones masked as INTERNAL_SERVER_ERROR.
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

const AUTH_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * A service's own access error: a plain Error whose `code` is UNAUTHENTICATED or FORBIDDEN, so domain
 * services can refuse access without importing GraphQL. Reported under that code with its message.
 */
function serviceAuthCodeOf(error: unknown): string | null {
  if (!(error instanceof Error) || error instanceof GraphQLError) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && AUTH_CODES.has(code) ? code : null;
}

/** True for an error that is a bug or an outage rather than an answer: logged in full, masked for clients. */
export function isUnexpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (serviceAuthCodeOf(original)) return false;
  if (original instanceof GraphQLError) {
    const code = original.extensions.code;
    return code === undefined || code === 'INTERNAL_SERVER_ERROR';
  }
  return true;
}

/**
 * Apollo relabels every validation rule error GRAPHQL_VALIDATION_FAILED; a rule that set its own code
 * (QUERY_TOO_DEEP) keeps it.
 */
function validationRuleCodeOf(error: unknown): string | null {
  if (!(error instanceof GraphQLError) || error.extensions.code !== 'GRAPHQL_VALIDATION_FAILED') return null;
  const rule = error.originalError;
  if (!(rule instanceof GraphQLError)) return null;
  const code = rule.extensions.code;
  return typeof code === 'string' && code !== 'GRAPHQL_VALIDATION_FAILED' ? code : null;
}

/** Apollo's formatError: masks unexpected errors and restores the codes above. */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const ruleCode = validationRuleCodeOf(error);
  if (ruleCode) return { ...formatted, extensions: { ...formatted.extensions, code: ruleCode } };
  const authCode = serviceAuthCodeOf(unwrapResolverError(error));
  if (authCode) return { ...formatted, extensions: { code: authCode } };
  if (isUnexpectedError(error)) {
    return {
      message:
        'Internal server error: the failure was logged; quote the x-request-id response header when reporting it',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return formatted;
}
