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
    headers: {
      'content-type': 'application/json',
      // A fresh connection per request: the tests run the server in their own process, where a long stretch of
      // embedded-store work (a scheduler tick under load) can let the server drop an idle keep-alive socket just
      // as the client reuses it, failing the request with ECONNRESET.
      connection: 'close',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<D>, 'status'>;
  return { status: response.status, ...body };
}
