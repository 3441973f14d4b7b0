// A tiny GraphQL-over-HTTP client for end-to-end tests.

export interface GraphQLResponse<D> {
  status: number;
  data?: D;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  extensions?: Record<string, unknown>;
}

/** Posts one operation to `url`, with a bearer token when given. */
export async function graphql<D = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<D>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<D>, 'status'>;
  return { status: response.status, ...body };
}
