// Apollo plugin recording each operation: its name for the access log, a metric by outcome, unexpected errors in full.
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Metrics } from '@liaison/observability';
import type { GatewayContext } from '../request-context.js';
import { isUnexpectedError } from './error-masking.js';

/** Operation names are client-chosen, so only well-formed, bounded ones become metric labels. */
function operationLabel(name: string | null | undefined): string {
  if (!name) return '(anonymous)';
  return /^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name) ? name : '(invalid)';
}

/** Fills context.operation, counts graphql_operations_total by outcome and logs unexpected errors with their stack. */
export function operationReportPlugin(metrics: Metrics): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart({ contextValue, request }) {
      contextValue.operation.name = request.operationName ?? null;
      return Promise.resolve({
        didResolveOperation({ operationName, operation }) {
          contextValue.operation.name = operationName;
          contextValue.operation.type = operation?.operation ?? null;
          return Promise.resolve();
        },
        didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (isUnexpectedError(error)) {
              contextValue.logger.error(
                { err: unwrapResolverError(error), path: error.path },
                'unexpected error while answering GraphQL',
              );
            }
          }
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          let outcome = 'success';
          if (response.body.kind === 'single' && response.body.singleResult.errors?.length) {
            // Refused before execution (parse, validation, limits) when no data came back at all.
            outcome = response.body.singleResult.data !== undefined ? 'error' : 'rejected';
          }
          metrics.graphqlOperations.inc({
            operation: operationLabel(contextValue.operation.name),
            type: contextValue.operation.type ?? 'unknown',
            outcome,
          });
          return Promise.resolve();
        },
      });
    },
  };
}
