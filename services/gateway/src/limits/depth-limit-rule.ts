// Validation rule refusing operations nested deeper than a limit (QUERY_TOO_DEEP), before anything executes.
import {
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export const QUERY_TOO_DEEP = 'QUERY_TOO_DEEP';

/** Field nesting depth of a selection set: `{ a }` is 1, `{ a { b } }` is 2; fragments count where spread. */
function depthOf(selectionSet: SelectionSetNode, context: ValidationContext, visiting: Set<string>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD:
        // Introspection (__schema, __type) is deep by design and served from the schema alone; __typename adds nothing.
        if (selection.name.value.startsWith('__')) break;
        deepest = Math.max(
          deepest,
          1 + (selection.selectionSet ? depthOf(selection.selectionSet, context, visiting) : 0),
        );
        break;
      case Kind.INLINE_FRAGMENT:
        deepest = Math.max(deepest, depthOf(selection.selectionSet, context, visiting));
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = context.getFragment(name);
        // Unknown and cyclic fragments are reported by graphql's own rules; here they only must not loop.
        if (!fragment || visiting.has(name)) break;
        visiting.add(name);
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, context, visiting));
        visiting.delete(name);
        break;
      }
    }
  }
  return deepest;
}

/** A rule reporting each operation deeper than `maxDepth`, with the measured depth and the limit. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const depth = depthOf(operation.selectionSet, context, new Set());
      if (depth > maxDepth) {
        const name = operation.name ? `operation ${operation.name.value}` : 'the operation';
        context.reportError(
          new GraphQLError(
            `Query too deep: ${name} nests fields ${depth} levels deep; the limit is ${maxDepth}`,
            {
              nodes: [operation],
              extensions: { code: QUERY_TOO_DEEP, depth, maxDepth },
            },
          ),
        );
      }
      return false;
    },
  });
}
