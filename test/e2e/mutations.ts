// Helpers for end-to-end tests that drive the platform through GraphQL operations and mutation payloads.
import { graphql } from './graphql-client.js';

/** A five-star scale: 95 %, 85 %, 75 %, 65 % and 50 % of the maximum score. */
export const FIVE_STAR_THRESHOLDS = [
  { stars: 5, minPercentage: 95 },
  { stars: 4, minPercentage: 85 },
  { stars: 3, minPercentage: 75 },
  { stars: 2, minPercentage: 65 },
  { stars: 1, minPercentage: 50 },
];

/** Operations against the gateway at `url()` (read when called: the platform starts after the suite is defined). */
export function operations(url: () => string) {
  /** Runs an operation that must succeed without GraphQL errors and returns its data. */
  async function ok(query: string, variables: Record<string, unknown>, bearer: string) {
    const response = await graphql(url(), query, variables, bearer);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  /** Runs mutation `name` (input type `<Name>Input` unless given), which must have no userErrors; returns its payload. */
  async function mutate(
    name: string,
    input: Record<string, unknown>,
    selection: string,
    bearer: string,
    inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`,
  ) {
    const data = await ok(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { code field } position } }`,
      { input },
      bearer,
    );
    const payload = data[name] as Record<string, any>;
    expect(payload.userErrors).toEqual([]);
    return payload;
  }

  /** Runs mutation `name` and returns the codes of its userErrors. */
  async function userErrors(name: string, input: Record<string, unknown>, bearer: string) {
    const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const data = await ok(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { userErrors { code } position } }`,
      { input },
      bearer,
    );
    return (data[name] as { userErrors: Array<{ code: string }> }).userErrors.map((e) => e.code);
  }

  /** Registers a jurisdiction (`level` as the GraphQL enum) and returns its global id. */
  async function registerJurisdiction(
    name: string,
    level: string,
    parentId: string | undefined,
    bearer: string,
  ) {
    const payload = await mutate(
      'registerJurisdiction',
      { name, level, parentId },
      'jurisdiction { id }',
      bearer,
    );
    return payload.jurisdiction.id as string;
  }

  return { ok, mutate, userErrors, registerJurisdiction };
}
