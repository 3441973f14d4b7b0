// Input validation for every argument: class-validator decorators on input and args classes, with readable errors.
import { validate, type ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';

export interface InvalidField {
  field: string[];
  message: string;
}

function collect(errors: readonly ValidationError[], parents: readonly string[], into: InvalidField[]): void {
  for (const error of errors) {
    const field = [...parents, error.property];
    for (const message of Object.values(error.constraints ?? {})) into.push({ field, message });
    collect(error.children ?? [], field, into);
  }
}

/**
 * type-graphql's validateFn: checks argument objects against their class-validator decorators and throws
 * BAD_USER_INPUT listing every broken constraint's message (write messages that say expected and received).
 */
export async function validateInput(value: unknown): Promise<void> {
  const targets = (Array.isArray(value) ? (value as unknown[]) : [value]).filter(
    (item): item is object => typeof item === 'object' && item !== null,
  );
  const invalid: InvalidField[] = [];
  for (const target of targets) {
    // Same settings as type-graphql's own: absent optional fields and undecorated classes pass.
    collect(await validate(target, { skipMissingProperties: true, forbidUnknownValues: false }), [], invalid);
  }
  if (invalid.length > 0) {
    throw new GraphQLError(`Invalid input: ${invalid.map((item) => item.message).join('; ')}`, {
      extensions: { code: 'BAD_USER_INPUT', invalid },
    });
  }
}
