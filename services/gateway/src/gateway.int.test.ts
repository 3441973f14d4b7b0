import { Writable } from 'node:stream';
import { createTokenVerifier, mintToken, type JwtConfig, type Principal } from '@liaison/auth';
import type { DomainError } from '@liaison/decider';
import {
  ConnectionArgs,
  createConnectionTypes,
  fromGlobalId,
  MutationPayload,
  Node,
  requireAuthenticated,
  requireRole,
  toConnection,
  toGlobalId,
  userErrorsOf,
  type GatewayModule,
  type RequestContext,
} from '@liaison/graphql-kit';
import { createLogger, createMetrics } from '@liaison/observability';
import { MaxLength } from 'class-validator';
import DataLoader from 'dataloader';
import { Arg, Args, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { createGateway } from './gateway.js';
import type { Gateway } from './gateway-options.js';
import { printSchemaSdl } from './schema/print-schema-sdl.js';

// ---- a tiny module, written the way a domain service writes its own ----

interface StationRecord {
  id: string;
  name: string;
  openedAt: string;
}

@ObjectType('Station', { implements: Node })
class Station extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  name!: string;

  @Field(() => Date)
  openedAt!: Date;

  static from(record: StationRecord): Station {
    return Object.assign(new Station(), {
      id: toGlobalId('Station', record.id),
      name: record.name,
      openedAt: new Date(record.openedAt),
    });
  }
}

// A Node type whose fetcher returns plain objects carrying __typename.
@ObjectType('Notice', { implements: Node })
class Notice extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  text!: string;
}

const { Connection: StationConnection } = createConnectionTypes(Station, 'Station');

@InputType()
class RenameStationInput {
  @Field(() => ID)
  stationId!: string;

  @Field(() => String)
  @MaxLength(40, { message: 'name must be at most 40 characters; received $value' })
  name!: string;
}

@ObjectType()
class RenameStationPayload extends MutationPayload {
  @Field(() => Station, { nullable: true })
  station!: Station | null;
}

class StationDirectory {
  readonly batches: string[][] = [];
  counted = 0;
  position = 100;
  constructor(private readonly records: StationRecord[]) {}

  page(first: number, after: string | null | undefined) {
    const start = after ? this.records.findIndex((record) => record.id === after) + 1 : 0;
    const items = this.records.slice(start, start + first);
    return { items, endCursor: items.at(-1)?.id ?? null, hasNextPage: start + first < this.records.length };
  }

  loadMany(ids: readonly string[]): Promise<Array<StationRecord | null>> {
    this.batches.push([...ids]);
    return Promise.resolve(ids.map((id) => this.records.find((record) => record.id === id) ?? null));
  }

  count(): number {
    this.counted++;
    return this.records.length;
  }

  rename(id: string, name: string): { record: StationRecord; position: number } | null {
    const record = this.records.find((candidate) => candidate.id === id);
    if (!record) return null;
    record.name = name;
    return { record, position: ++this.position };
  }
}

@Resolver()
class StationResolver {
  constructor(private readonly directory: StationDirectory) {}

  @Query(() => String, { description: 'Public: anyone may ask.' })
  greeting(): string {
    return 'welcome to the liaison station';
  }

  @Query(() => String)
  whoAmI(@Ctx() context: RequestContext): string {
    return requireAuthenticated(context).userId;
  }

  @Query(() => StationConnection)
  stations(@Args() args: ConnectionArgs, @Ctx() context: RequestContext) {
    requireRole(context, 'station-staff', 'congress-office');
    return toConnection(this.directory.page(args.first, args.after), Station.from, {
      after: args.after,
      totalCount: () => this.directory.count(),
    });
  }

  @Mutation(() => RenameStationPayload)
  renameStation(
    @Arg('input') input: RenameStationInput,
    @Ctx() context: RequestContext,
  ): RenameStationPayload {
    requireRole(context, 'station-staff');
    const decoded = fromGlobalId(input.stationId);
    const renamed = decoded?.typename === 'Station' ? this.directory.rename(decoded.id, input.name) : null;
    if (!renamed) {
      const error: DomainError = {
        kind: 'domain-error',
        code: 'STATION_NOT_FOUND',
        message: `expected an existing station; received ${input.stationId}`,
        field: ['input', 'stationId'],
      };
      return Object.assign(new RenameStationPayload(), {
        userErrors: userErrorsOf(error),
        position: null,
        station: null,
      });
    }
    context.recordWrite(renamed.position);
    return Object.assign(new RenameStationPayload(), {
      userErrors: [],
      position: renamed.position,
      station: Station.from(renamed.record),
    });
  }

  @Query(() => String)
  broken(): string {
    throw new Error('connect ECONNREFUSED db-secret-host:5432');
  }

  @Query(() => String)
  outsideJurisdiction(): string {
    throw Object.assign(new Error('station st-9 is outside your jurisdiction (j-1)'), { code: 'FORBIDDEN' });
  }
}

function stationModule(directory: StationDirectory): GatewayModule {
  return {
    name: 'stations',
    resolvers: [new StationResolver(directory)],
    nodes: {
      Station: async (context, id) => {
        const loader = context.loaders.get(
          'Station',
          () => new DataLoader<string, StationRecord | null>((ids) => directory.loadMany(ids)),
        );
        const record = await loader.load(id);
        return record ? Station.from(record) : null;
      },
      Notice: (_context, id) =>
        Promise.resolve(
          id === 'n1'
            ? ({
                __typename: 'Notice',
                id: toGlobalId('Notice', id),
                text: 'closed on 1 October',
              } satisfies Notice & { __typename: string })
            : null,
        ),
    },
  };
}

// ---- the gateway under test ----

const jwt: JwtConfig = {
  secret: 'gateway-test-secret-long-enough-for-hs256!!',
  issuer: 'test',
  audience: 'gateway',
};
const staff: Principal = { userId: 'staff-1', roles: ['station-staff'], jurisdictionId: 'j-1' };
const deputy: Principal = { userId: 'deputy-1', roles: ['deputy'], jurisdictionId: 'j-1' };
const READ_YOUR_WRITES_TIMEOUT_MS = 300;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

const logLines: Array<Record<string, unknown>> = [];
const directory = new StationDirectory([
  { id: 'st-1', name: 'Chaoyang Centre Station', openedAt: '2024-03-01T01:00:00.000Z' },
  { id: 'st-2', name: 'Jiuxianqiao Room', openedAt: '2024-04-01T01:00:00.000Z' },
  { id: 'st-3', name: 'Online Station', openedAt: '2024-05-01T01:00:00.000Z' },
]);
let ready = true;
let waitForPosition: (position: number, timeoutMs: number) => Promise<boolean> = () => Promise.resolve(true);
const waits: Array<[number, number]> = [];
let gateway: Gateway;
let url: string;
let origin: string;

async function post(
  query: string,
  options: {
    variables?: unknown;
    token?: string;
    headers?: Record<string, string>;
    operationName?: string;
  } = {},
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables, operationName: options.operationName }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
}

beforeAll(async () => {
  gateway = await createGateway({
    modules: [stationModule(directory)],
    verifyToken: createTokenVerifier(jwt),
    logger: createLogger({
      name: 'gateway-test',
      level: 'debug',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      }),
    }),
    metrics: createMetrics(),
    waitForPosition: (position, timeoutMs) => {
      waits.push([position, timeoutMs]);
      return waitForPosition(position, timeoutMs);
    },
    readYourWritesTimeoutMs: READ_YOUR_WRITES_TIMEOUT_MS,
    ready: () => (ready ? Promise.resolve(true) : Promise.reject(new Error('read store unreachable'))),
    limits: { maxDepth: 10, maxCost: 1000, maxBodyBytes: 10_000 },
  });
  ({ url } = await gateway.listen(0, '127.0.0.1'));
  origin = new URL(url).origin;
});

afterAll(async () => {
  await gateway.close();
});

describe('gateway over HTTP', () => {
  describe('health, readiness and metrics', () => {
    it('answers /healthz while the process lives', async () => {
      const response = await fetch(`${origin}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('answers /readyz with 200 when ready and 503 when the check fails', async () => {
      expect((await fetch(`${origin}/readyz`)).status).toBe(200);
      ready = false;
      try {
        const response = await fetch(`${origin}/readyz`);
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({ status: 'not ready' });
      } finally {
        ready = true;
      }
    });

    it('serves Prometheus metrics for requests and operations', async () => {
      await post('query Greeting { greeting }', { operationName: 'Greeting' });
      const response = await fetch(`${origin}/metrics`);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toMatch(/http_requests_total\{route="\/graphql",method="POST",status="200"\} \d+/);
      expect(text).toMatch(
        /http_request_duration_seconds_bucket\{le="0.005",route="\/healthz",method="GET",status="200"\}/,
      );
      expect(text).toMatch(
        /graphql_operations_total\{operation="Greeting",type="query",outcome="success"\} \d+/,
      );
      expect(text).toContain('process_cpu_user_seconds_total');
    });

    it('keeps idle connections open longer than clients and the proxy keep theirs', () => {
      // Node's default (5 s) lets the server close an idle connection just as fetch (which keeps one about
      // 4 s) reuses it under load: the request then fails with ECONNRESET (seen in CI). HAProxy keeps 60 s.
      expect(gateway.server.keepAliveTimeout).toBeGreaterThan(60_000);
      expect(gateway.server.headersTimeout).toBeGreaterThan(gateway.server.keepAliveTimeout);
    });

    it('answers unknown paths with 404 in the GraphQL error shape', async () => {
      const response = await fetch(`${origin}/nowhere`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'Not found: /nowhere; the GraphQL endpoint is /graphql',
            extensions: { code: 'NOT_FOUND' },
          },
        ],
      });
    });
  });

  describe('GraphQL endpoint', () => {
    it('answers POST and GET queries', async () => {
      expect((await post('{ greeting }')).body).toEqual({
        data: { greeting: 'welcome to the liaison station' },
      });
      const response = await fetch(`${url}?query=${encodeURIComponent('{ greeting }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { greeting: 'welcome to the liaison station' } });
    });

    it('shows the Sandbox landing page to a browser', async () => {
      const response = await fetch(url, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toMatch(/apollo/i);
    });

    it('serves introspection', async () => {
      const { body } = await post('{ __schema { queryType { name } } }');
      expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('refuses a body that is not JSON with 400', async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{ nope',
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as GraphQLBody;
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(body.errors?.[0]?.message).toMatch(/^Request body is not valid JSON/);
    });

    it('prints a stable, sorted SDL with the kit types', () => {
      const sdl = printSchemaSdl(gateway.schema);
      expect(printSchemaSdl(gateway.schema)).toBe(sdl);
      expect(sdl).toContain('interface Node {');
      expect(sdl).toContain('type Station implements Node {');
      expect(sdl).toContain('type Notice implements Node {');
      expect(sdl).toContain('scalar DateTime');
      expect(sdl).toMatch(
        /type StationConnection \{\n(.|\n)*edges: \[StationEdge!\]!(.|\n)*pageInfo: PageInfo!(.|\n)*totalCount: Int\n/,
      );
      expect(sdl).toMatch(
        /type RenameStationPayload \{\n(.|\n)*position: SafeInt\n(.|\n)*userErrors: \[UserError!\]!/,
      );
      expect(sdl).toMatch(/stations\([^)]*after: String[^)]*first: Int! = 20\s*\): StationConnection!/);
      expect(sdl).not.toContain('type MutationPayload');
      expect(sdl.indexOf('type Mutation {')).toBeLessThan(sdl.indexOf('type Query {'));
    });
  });

  describe('authentication and authorisation', () => {
    it('treats a request without a token as anonymous: public fields only', async () => {
      const { status, body } = await post('{ greeting whoAmI }');
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors?.[0]).toMatchObject({ path: ['whoAmI'], extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('knows the caller from a valid bearer token', async () => {
      const { body } = await post('{ whoAmI }', { token: await mintToken(jwt, deputy) });
      expect(body).toEqual({ data: { whoAmI: 'deputy-1' } });
    });

    it('refuses an invalid token with HTTP 401 instead of answering as anonymous', async () => {
      const { status, headers, body } = await post('{ greeting }', { token: 'not-a-token' });
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
      expect(body.errors?.[0]?.message).toMatch(/^Authentication failed: token rejected/);
    });

    it('refuses an expired token with HTTP 401 saying it expired', async () => {
      const { status, body } = await post('{ greeting }', {
        token: await mintToken(jwt, deputy, { expiresIn: '-5m' }),
      });
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
      expect(body.errors?.[0]?.message).toMatch(/token expired at/);
    });

    it('refuses other authorisation schemes with HTTP 401', async () => {
      const { status, body } = await post('{ greeting }', { headers: { authorization: 'Basic dTpw' } });
      expect(status).toBe(401);
      expect(body.errors?.[0]?.message).toBe(
        'Authentication failed: expected "Authorization: Bearer <token>"; received a "Basic" credential',
      );
    });

    it('answers FORBIDDEN when the caller lacks the role', async () => {
      const { body } = await post('{ stations { totalCount } }', { token: await mintToken(jwt, deputy) });
      expect(body.errors?.[0]).toMatchObject({
        message: 'Forbidden: this requires one of the roles station-staff, congress-office; you have deputy',
        extensions: { code: 'FORBIDDEN' },
      });
    });

    it('reports a service access error under its own FORBIDDEN code', async () => {
      const { body } = await post('{ outsideJurisdiction }', { token: await mintToken(jwt, staff) });
      expect(body.errors?.[0]).toMatchObject({
        message: 'station st-9 is outside your jurisdiction (j-1)',
        extensions: { code: 'FORBIDDEN' },
      });
    });
  });

  describe('errors', () => {
    it('masks unexpected errors and logs them in full with the request id', async () => {
      const { body, headers } = await post('{ broken }', { headers: { 'x-request-id': 'trace-broken-1' } });
      expect(body.errors?.[0]).toMatchObject({
        path: ['broken'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(body)).not.toContain('db-secret-host');
      expect(headers.get('x-request-id')).toBe('trace-broken-1');
      const logged = logLines.find((line) => line.requestId === 'trace-broken-1' && line.level === 'error');
      expect(logged).toMatchObject({ msg: 'unexpected error while answering GraphQL', path: ['broken'] });
      expect(JSON.stringify(logged)).toContain('db-secret-host');
    });

    it('answers invalid input with BAD_USER_INPUT naming the constraint', async () => {
      const { body } = await post(
        'mutation { renameStation(input: { stationId: "x", name: "' + 'n'.repeat(41) + '" }) { position } }',
        {
          token: await mintToken(jwt, staff),
        },
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        invalid: [
          { field: ['name'], message: `name must be at most 40 characters; received ${'n'.repeat(41)}` },
        ],
      });
    });
  });

  describe('request ids and the access log', () => {
    it('echoes a usable x-request-id and generates one otherwise', async () => {
      expect(
        (await fetch(`${origin}/healthz`, { headers: { 'x-request-id': 'abc-123' } })).headers.get(
          'x-request-id',
        ),
      ).toBe('abc-123');
      expect((await fetch(`${origin}/healthz`)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(
        (await fetch(`${origin}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } })).headers.get(
          'x-request-id',
        ),
      ).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('writes one JSON line per request with method, path, status, duration, operation, request id and user', async () => {
      await post('query Who { whoAmI }', {
        token: await mintToken(jwt, staff),
        headers: { 'x-request-id': 'log-line-1' },
      });
      // The line is written when the server side of the response closes, which may trail the client's read.
      const completed = () =>
        logLines.filter((line) => line.requestId === 'log-line-1' && line.msg === 'request completed');
      for (let waited = 0; completed().length === 0 && waited < 1000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const lines = completed();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 'info',
        method: 'POST',
        path: '/graphql',
        status: 200,
        operationName: 'Who',
        userId: 'staff-1',
        name: 'gateway-test',
      });
      expect(typeof lines[0]?.durationMs).toBe('number');
    });
  });

  describe('Relay conventions', () => {
    it('fetches a node by global id and resolves its type from its class', async () => {
      const id = toGlobalId('Station', 'st-1');
      const { body } = await post(
        'query($id: ID!) { node(id: $id) { __typename id ... on Station { name openedAt } } }',
        {
          variables: { id },
        },
      );
      expect(body).toEqual({
        data: {
          node: {
            __typename: 'Station',
            id,
            name: 'Chaoyang Centre Station',
            openedAt: '2024-03-01T01:00:00.000Z',
          },
        },
      });
    });

    it('resolves a node type from __typename', async () => {
      const { body } = await post(
        `{ node(id: "${toGlobalId('Notice', 'n1')}") { __typename ... on Notice { text } } }`,
      );
      expect(body).toEqual({ data: { node: { __typename: 'Notice', text: 'closed on 1 October' } } });
    });

    it('answers null for malformed ids, unknown types and missing objects', async () => {
      const { body } = await post('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
        variables: { ids: ['garbage!', toGlobalId('Deputy', 'd1'), toGlobalId('Station', 'st-404')] },
      });
      expect(body).toEqual({ data: { nodes: [null, null, null] } });
    });

    it('fetches many nodes in one batch per type, in order', async () => {
      directory.batches.length = 0;
      const ids = ['st-3', 'st-1', 'st-2'].map((id) => toGlobalId('Station', id));
      const { body } = await post('query($ids: [ID!]!) { nodes(ids: $ids) { ... on Station { name } } }', {
        variables: { ids },
      });
      expect(body.data?.nodes).toEqual([
        { name: 'Online Station' },
        { name: 'Chaoyang Centre Station' },
        { name: 'Jiuxianqiao Room' },
      ]);
      expect(directory.batches).toEqual([['st-3', 'st-1', 'st-2']]);
    });

    it('pages through a connection with cursors and pageInfo', async () => {
      const token = await mintToken(jwt, staff);
      const query =
        'query($after: String) { stations(first: 2, after: $after) { edges { cursor node { name } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }';
      const first = await post(query, { token });
      expect(first.body.data?.stations).toEqual({
        edges: [
          { cursor: null, node: { name: 'Chaoyang Centre Station' } },
          { cursor: 'st-2', node: { name: 'Jiuxianqiao Room' } },
        ],
        nodes: [{ id: toGlobalId('Station', 'st-1') }, { id: toGlobalId('Station', 'st-2') }],
        pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: 'st-2' },
      });
      const second = await post(query, { token, variables: { after: 'st-2' } });
      expect(second.body.data?.stations).toMatchObject({
        edges: [{ cursor: 'st-3', node: { name: 'Online Station' } }],
        pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: 'st-3', endCursor: 'st-3' },
      });
    });

    it('counts totalCount only when it is selected', async () => {
      const token = await mintToken(jwt, staff);
      const before = directory.counted;
      await post('{ stations { pageInfo { hasNextPage } } }', { token });
      expect(directory.counted).toBe(before);
      const { body } = await post('{ stations { totalCount } }', { token });
      expect(body.data).toEqual({ stations: { totalCount: 3 } });
      expect(directory.counted).toBe(before + 1);
    });

    it('refuses a page size over the maximum with a clear message', async () => {
      const { body } = await post('{ stations(first: 500) { totalCount } }', {
        token: await mintToken(jwt, staff),
      });
      expect(body.errors?.[0]).toMatchObject({
        message: 'Invalid input: first must be between 1 and 100; received 500',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });
  });

  describe('mutations and read-your-writes', () => {
    const rename =
      'mutation($input: RenameStationInput!) { renameStation(input: $input) { userErrors { code message field } position station { name } } }';

    beforeEach(() => {
      waits.length = 0;
      waitForPosition = () => Promise.resolve(true);
    });

    it('returns domain errors as userErrors, writes nothing and does not wait', async () => {
      const { body } = await post(rename, {
        token: await mintToken(jwt, staff),
        variables: { input: { stationId: toGlobalId('Station', 'st-404'), name: 'New name' } },
      });
      expect(body).toEqual({
        data: {
          renameStation: {
            userErrors: [
              {
                code: 'STATION_NOT_FOUND',
                message: `expected an existing station; received ${toGlobalId('Station', 'st-404')}`,
                field: ['input', 'stationId'],
              },
            ],
            position: null,
            station: null,
          },
        },
      });
      expect(waits).toEqual([]);
    });

    it('holds the response until the read models reach the written position', async () => {
      let caughtUpAt = 0;
      waitForPosition = () =>
        new Promise((resolve) =>
          setTimeout(() => {
            caughtUpAt = Date.now();
            resolve(true);
          }, 150),
        );
      const { body } = await post(rename, {
        token: await mintToken(jwt, staff),
        variables: { input: { stationId: toGlobalId('Station', 'st-2'), name: 'Jiuxianqiao Room 2' } },
      });
      const answeredAt = Date.now();
      const position = (body.data?.renameStation as { position: number }).position;
      expect(body.data?.renameStation).toEqual({
        userErrors: [],
        position,
        station: { name: 'Jiuxianqiao Room 2' },
      });
      expect(waits).toEqual([[position, READ_YOUR_WRITES_TIMEOUT_MS]]);
      expect(caughtUpAt).toBeGreaterThan(0);
      expect(answeredAt).toBeGreaterThanOrEqual(caughtUpAt);
      expect(body.extensions).toEqual({ readYourWrites: { position, reached: true } });
    });

    it('answers anyway after the timeout, saying the position was not reached, and logs a warning', async () => {
      waitForPosition = () => new Promise(() => {});
      const started = Date.now();
      const { status, body } = await post(rename, {
        token: await mintToken(jwt, staff),
        variables: { input: { stationId: toGlobalId('Station', 'st-3'), name: 'Online Station 2' } },
        headers: { 'x-request-id': 'slow-projection-1' },
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(READ_YOUR_WRITES_TIMEOUT_MS - 20);
      expect(status).toBe(200);
      const position = (body.data?.renameStation as { position: number }).position;
      expect(body.extensions).toEqual({ readYourWrites: { position, reached: false } });
      expect(
        logLines.find((line) => line.requestId === 'slow-projection-1' && line.level === 'warn'),
      ).toMatchObject({
        msg: 'read models did not reach the written position in time; answering anyway',
        position,
        timeoutMs: READ_YOUR_WRITES_TIMEOUT_MS,
      });
    });
  });
});
