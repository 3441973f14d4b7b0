import http from 'node:http';
import { createTokenVerifier } from '@liaison/auth';
import {
  ConnectionArgs,
  createConnectionTypes,
  toConnection,
  type GatewayModule,
} from '@liaison/graphql-kit';
import { createLogger, createMetrics } from '@liaison/observability';
import { getIntrospectionQuery } from 'graphql';
import { Args, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { createGateway } from './gateway.js';
import type { Gateway } from './gateway-options.js';

// A module with an endless parent chain (for depth), a paginated list (for cost) and one expensive field.

@ObjectType('Area')
class Area {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Area, { description: 'Always another area: lets a query nest as deep as it likes.' })
  parent(): Area {
    return Object.assign(new Area(), { id: `${this.id}-parent`, name: `parent of ${this.name}` });
  }

  @Field(() => String, {
    complexity: 50,
    description: 'Expensive to compute; its complexity option says so.',
  })
  report(): string {
    return `report on ${this.name}`;
  }
}

const { Connection: AreaConnection } = createConnectionTypes(Area, 'Area');

@Resolver()
class AreaResolver {
  @Query(() => Area)
  area(): Area {
    return Object.assign(new Area(), { id: 'a1', name: 'Chaoyang' });
  }

  @Query(() => AreaConnection)
  areas(@Args() args: ConnectionArgs) {
    const items = Array.from({ length: args.first }, (_, index) =>
      Object.assign(new Area(), { id: `a${index}`, name: `Area ${index}` }),
    );
    return toConnection({ items, endCursor: null, hasNextPage: false }, (area) => area);
  }
}

const module: GatewayModule = { name: 'areas', resolvers: [new AreaResolver()] };
const MAX_DEPTH = 4;
const MAX_COST = 100;
const MAX_BODY_BYTES = 2048;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

let gateway: Gateway;
let url: string;

async function post(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

beforeAll(async () => {
  gateway = await createGateway({
    modules: [module],
    verifyToken: createTokenVerifier({
      secret: 'limits-test-secret-long-enough-for-hs256!!',
      issuer: 'test',
      audience: 'gateway',
    }),
    logger: createLogger({ level: 'silent' }),
    metrics: createMetrics(),
    waitForPosition: () => Promise.resolve(true),
    readYourWritesTimeoutMs: 100,
    ready: () => Promise.resolve(true),
    limits: { maxDepth: MAX_DEPTH, maxCost: MAX_COST, maxBodyBytes: MAX_BODY_BYTES },
    landingPage: false,
  });
  ({ url } = await gateway.listen(0, '127.0.0.1'));
});

afterAll(async () => {
  await gateway.close();
});

describe('gateway limits', () => {
  describe('depth', () => {
    it('accepts an operation at the limit', async () => {
      const { status, body } = await post('{ area { parent { parent { name } } } }');
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    });

    it('refuses a deeper one with QUERY_TOO_DEEP, stating depth and limit', async () => {
      const { status, body } = await post('query Deep { area { parent { parent { parent { name } } } } }');
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: 'Query too deep: operation Deep nests fields 5 levels deep; the limit is 4',
          extensions: expect.objectContaining({
            code: 'QUERY_TOO_DEEP',
            depth: 5,
            maxDepth: MAX_DEPTH,
          }) as unknown,
        }),
      ]);
    });

    it('counts depth through fragments', async () => {
      const { body } = await post(
        '{ area { ...Up } } fragment Up on Area { parent { parent { parent { name } } } }',
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    });

    it('lets the standard introspection query through', async () => {
      const { status, body } = await post(getIntrospectionQuery());
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    });
  });

  describe('cost', () => {
    it('accepts a modest page', async () => {
      const { body } = await post('{ areas(first: 10) { nodes { name } } }');
      expect(body.errors).toBeUndefined();
      expect((body.data?.areas as { nodes: unknown[] }).nodes).toHaveLength(10);
    });

    it('refuses a large page with QUERY_TOO_COMPLEX, stating cost and limit', async () => {
      const { status, body } = await post('{ areas(first: 100) { nodes { name } } }');
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        {
          message:
            'Query too complex: estimated cost 201 exceeds the limit of 100; ask for fewer items (smaller `first`) or fewer fields',
          extensions: { code: 'QUERY_TOO_COMPLEX', cost: 201, maxCost: MAX_COST },
        },
      ]);
    });

    it('reads page sizes from variables', async () => {
      const { body } = await post('query($n: Int!) { areas(first: $n) { nodes { name } } }', { n: 100 });
      expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });

    it("uses a field's complexity option", async () => {
      expect((await post('{ area { report } }')).body.errors).toBeUndefined();
      const { body } = await post('{ a: area { report } b: area { report } }');
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', cost: 102 } });
    });
  });

  describe('request size', () => {
    it('refuses a body whose Content-Length passes the limit with 413', async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ area { name } } # ${'x'.repeat(5000)}` }),
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as GraphQLBody;
      expect(body.errors).toEqual([
        {
          message: expect.stringMatching(
            /^Request too large: the body limit is 2048 bytes; received 50\d\d bytes$/,
          ) as unknown,
          extensions: { code: 'REQUEST_TOO_LARGE', maxBodyBytes: MAX_BODY_BYTES },
        },
      ]);
    });

    it('stops reading a chunked body as soon as it passes the limit', async () => {
      const { status, body } = await new Promise<{ status: number; body: GraphQLBody }>((resolve, reject) => {
        const request = http.request(
          url,
          { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as GraphQLBody }),
            );
          },
        );
        request.on('error', reject);
        request.write(`{"query":"{ area { name } }","padding":"`);
        for (let i = 0; i < 3; i++) request.write('y'.repeat(1000));
        // Never ends the body: the answer must not wait for the rest.
      });
      expect(status).toBe(413);
      expect(body.errors?.[0]).toMatchObject({
        message: 'Request too large: the body limit is 2048 bytes; received more than 2048 bytes',
        extensions: { code: 'REQUEST_TOO_LARGE' },
      });
    });

    it('accepts a body under the limit', async () => {
      const { status } = await post(`{ area { name } } # ${'x'.repeat(1000)}`);
      expect(status).toBe(200);
    });
  });
});
