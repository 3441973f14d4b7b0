// Apollo plugin refusing operations whose estimated cost passes a limit (QUERY_TOO_COMPLEX), before execution.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
// The package's ESM build imports graphql/index.mjs, a second graphql instance beside the CommonJS one that
// type-graphql and Apollo use (its instanceof checks then fail); its CommonJS build shares ours.
import queryComplexity, { type ComplexityEstimator } from 'graphql-query-complexity/cjs';

const { fieldExtensionsEstimator, getComplexity } = queryComplexity;

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/**
 * The default estimate for fields without a type-graphql `complexity` option: 1 per field plus its
 * children, with the children counted `first` times on paginated fields (a connection of 100 costs 100
 * times its node). Introspection fields cost nothing, like the depth rule.
 */
export const paginationEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const first: unknown = args.first;
  const multiplier = typeof first === 'number' && first > 0 ? first : 1;
  return 1 + childComplexity * multiplier;
};

const estimators = [fieldExtensionsEstimator(), paginationEstimator];

interface Operation {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables: Record<string, unknown> | undefined;
  operationName: string | null;
}

/** Throws QUERY_TOO_COMPLEX (HTTP 400) when the operation's estimated cost is above `maxCost`. */
function assertWithinCost({ schema, document, variables, operationName }: Operation, maxCost: number): void {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      estimators,
    });
  } catch (error) {
    throw new GraphQLError(
      `Could not estimate the operation's cost: ${error instanceof Error ? error.message : String(error)}`,
      {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      },
    );
  }
  if (cost > maxCost) {
    throw new GraphQLError(
      `Query too complex: estimated cost ${cost} exceeds the limit of ${maxCost}; ask for fewer items (smaller \`first\`) or fewer fields`,
      { extensions: { code: QUERY_TOO_COMPLEX, cost, maxCost, http: { status: 400 } } },
    );
  }
}

/** Estimates each operation's cost (field `complexity` options first, then paginationEstimator) and refuses it above `maxCost`. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        // After validation and with the variables, so `first: $n` counts at its real value.
        didResolveOperation: ({ schema, document, request, operationName }) =>
          Promise.resolve().then(() =>
            assertWithinCost({ schema, document, variables: request.variables, operationName }, maxCost),
          ),
      }),
  };
}
