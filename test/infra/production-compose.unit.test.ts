// infra/production is a description people start by hand where a container engine exists; this checks what can
// be checked without one: the file parses, it has every piece the README lists and no other, the clusters have
// their members, and each platform process gets an environment the platform's own config accepts.
import { readFileSync } from 'node:fs';
import { loadConfig } from '@liaison/standalone';
import { parse } from 'yaml';

const root = new URL('../../infra/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read('production/compose.yaml'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
const service = (name: string): Service => {
  const found = services[name];
  if (!found)
    throw new Error(`expected a service ${name} in compose.yaml, found ${Object.keys(services).join(', ')}`);
  return found;
};

/** `${NAME:?message}` → a placeholder, `${NAME:-default}` → the default: what Compose would pass. */
function interpolate(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      String(value)
        .replace(/\$\{[A-Z_]+:\?[^}]*\}/g, 'secret-value-0123456789-0123456789')
        .replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1'),
    ]),
  );
}

/** The service names in the first column of the README's "The pieces" table. */
function readmeServices(): string[] {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('### The pieces'), readme.indexOf('### The environment'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
}

describe('infra/production/compose.yaml', () => {
  it('describes exactly the pieces infra/README.md lists', () => {
    expect(readmeServices().sort()).toEqual(Object.keys(services).sort());
  });

  it('runs KurrentDB as a three-node cluster, each node seeded with the other two', () => {
    const nodes = Object.keys(services).filter((name) => /^kurrentdb-\d$/.test(name));
    expect(nodes).toEqual(['kurrentdb-1', 'kurrentdb-2', 'kurrentdb-3']);
    for (const node of nodes) {
      const environment = service(node).environment!;
      expect(environment.KURRENTDB_CLUSTER_SIZE).toBe('3');
      const seeds = environment.KURRENTDB_GOSSIP_SEED!.split(',').map((seed) => seed.split(':')[0]);
      expect(seeds.sort()).toEqual(nodes.filter((other) => other !== node));
      expect(environment.KURRENTDB_CERTIFICATE_FILE).toContain(`node${node.slice(-1)}/`);
    }
  });

  it('runs MongoDB as a replica set of three members, initiated with all of them', () => {
    const members = Object.keys(services).filter((name) => /^mongo-\d$/.test(name));
    expect(members).toEqual(['mongo-1', 'mongo-2', 'mongo-3']);
    for (const member of members)
      expect(service(member).command).toEqual(['--replSet', 'rs0', '--bind_ip_all']);
    const script = read('production/mongo-init-replica-set.js');
    for (const member of members) expect(script).toContain(`'${member}:27017'`);
    expect(service('mongo-init').depends_on).toMatchObject(
      Object.fromEntries(members.map((member) => [member, { condition: 'service_healthy' }])),
    );
  });

  it('scales the gateway and the projector out as separate processes', () => {
    expect(service('gateway').environment!.SERVICES).toBe('gateway');
    expect(service('projector').environment!.SERVICES).toBe('projector');
    expect(service('gateway').deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(service('projector').deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(service('projector').image).toBe(service('gateway').image);
  });

  it.each(['gateway', 'projector'])(
    'gives the %s an environment the platform accepts: events in KurrentDB, stores shared',
    (name) => {
      const config = loadConfig(interpolate(service(name).environment!));
      expect(config.EVENTSTORE_URL).toMatch(
        /^kurrentdb:\/\/.*kurrentdb-1:2113,kurrentdb-2:2113,kurrentdb-3:2113/,
      );
      expect(config.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(config.NODE_ENV).toBe('production');
      expect(service(name).depends_on).toMatchObject({
        'kurrentdb-1': { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
        'mongo-init': { condition: 'service_completed_successfully' },
      });
    },
  );

  it('publishes only the load balancer, which checks the gateways on /readyz', () => {
    const published = Object.entries(services).filter(([, definition]) => definition.ports);
    expect(published.map(([name]) => name)).toEqual(['lb']);
    const haproxy = read('production/haproxy.cfg');
    expect(haproxy).toMatch(/server-template gateway- \d+ gateway:4000 check resolvers docker/);
    expect(haproxy).toContain('uri /readyz');
  });
});
