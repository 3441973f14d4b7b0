// Domain errors are values with stable codes, returned by deciders and mapped to userErrors by the gateway.

export interface DomainError<Code extends string = string> {
  readonly kind: 'domain-error';
  /** Stable, upper snake case, e.g. STATION_ALREADY_REGISTERED; clients switch on it. */
  readonly code: Code;
  /** A sentence for people: what was expected and what was received. */
  readonly message: string;
  /** The input field at fault, as a path (['input', 'name']), when one is. */
  readonly field?: readonly string[];
}

/** Builds a domain error value. */
export function domainError<Code extends string>(
  code: Code,
  message: string,
  field?: readonly string[],
): DomainError<Code> {
  return field ? { kind: 'domain-error', code, message, field } : { kind: 'domain-error', code, message };
}

/** True for a domain error value. */
export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'domain-error';
}

/** Thrown by a `switch` that met a case its union does not have; the compiler proves it unreachable. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`unreachable case: ${JSON.stringify(value)}`);
    this.name = 'UnreachableCaseError';
  }
}
