import { Node, type GatewayModule } from '@liaison/graphql-kit';
import { Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { buildGatewaySchema } from './build-gateway-schema.js';
import { printSchemaSdl } from './print-schema-sdl.js';

@ObjectType('Deputy', { implements: Node })
class Deputy extends Node {
  @Field(() => ID)
  declare id: string;
}

@Resolver()
class DeputyResolver {
  constructor(private readonly greeting: string) {}

  @Query(() => String)
  hello(): string {
    return this.greeting;
  }
}

const deputies = (resolvers: object[], nodes: GatewayModule['nodes'] = {}): GatewayModule => ({
  name: 'deputies',
  resolvers,
  nodes,
});

describe('buildGatewaySchema', () => {
  it('builds from resolver instances, adding node and nodes', async () => {
    const sdl = printSchemaSdl(
      await buildGatewaySchema([
        deputies([new DeputyResolver('hi')], { Deputy: () => Promise.resolve<Deputy | null>(null) }),
      ]),
    );
    expect(sdl).toContain('hello: String!');
    expect(sdl).toContain('node(id: ID!): Node');
    expect(sdl).toContain('type Deputy implements Node');
  });

  it('builds with no modules at all', async () => {
    expect(printSchemaSdl(await buildGatewaySchema([]))).toContain('nodes(ids: [ID!]!): [Node]!');
  });

  it('refuses plain objects and second instances of a resolver class', async () => {
    await expect(buildGatewaySchema([deputies([{ hello: () => 'hi' }])])).rejects.toThrow(
      'module deputies: expected resolver class instances; received a plain object',
    );
    await expect(
      buildGatewaySchema([deputies([new DeputyResolver('a'), new DeputyResolver('b')])]),
    ).rejects.toThrow('module deputies: expected one instance of resolver DeputyResolver; received a second');
  });

  it('refuses a node type fetched by two modules or missing from the schema', async () => {
    const fetch = () => Promise.resolve(null);
    await expect(
      buildGatewaySchema([
        deputies([], { Deputy: fetch }),
        { name: 'other', resolvers: [], nodes: { Deputy: fetch } },
      ]),
    ).rejects.toThrow('module other: node type Deputy is already fetched by module deputies');
    await expect(buildGatewaySchema([deputies([], { Ghost: fetch })])).rejects.toThrow(
      'module deputies: node fetcher for Ghost expects an object type implementing Node; the schema has none by that name',
    );
  });
});
