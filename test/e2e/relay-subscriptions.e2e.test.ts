// graphql-ws subscriptions through the platform: catch up from resumeFrom, continue live, reconnect without a gap.
import { closeStoreTargets, testStoreTargets, type StoreTarget } from '@liaison/testing';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  jurisdiction,
  registerPartner,
  startRelayWorld,
  station,
  type RelayWorld,
} from './relay-fixtures.js';

const SUBSCRIBE = `
  subscription($resumeFrom: String) {
    partnerEvents(resumeFrom: $resumeFrom) { eventId position type data }
  }`;

interface Received {
  eventId: string;
  position: number;
  data: { name: string };
}

function connect(world: RelayWorld, apiKey: string): Client {
  return createClient({
    url: world.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${apiKey}` },
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes from `resumeFrom` and collects events until `count` have arrived. */
async function collect(
  client: Client,
  resumeFrom: string | null,
  count: number,
  whileWaiting?: () => Promise<void>,
) {
  const received: Received[] = [];
  const iterator = client.iterate<{ partnerEvents: Received }>({
    query: SUBSCRIBE,
    variables: { resumeFrom },
  });
  const writing = whileWaiting?.();
  for await (const result of iterator) {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    received.push(result.data!.partnerEvents);
    if (received.length === count) break;
  }
  await writing;
  return received;
}

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())('graphql-ws subscriptions on $name', (target: StoreTarget) => {
  let world: RelayWorld;

  beforeAll(async () => {
    world = await startRelayWorld(target);
  });
  afterAll(() => world.close());

  it('catches up from resumeFrom, continues live, and misses nothing across a reconnect', async () => {
    const province = await jurisdiction(world, 'Fujian', 'PROVINCE');
    const other = await jurisdiction(world, 'Jiangxi', 'PROVINCE');
    const partner = await registerPartner(world, {
      name: 'petition system',
      eventTypes: ['StationRegistered'],
      jurisdictionIds: [province],
    });
    await station(world, 'Fuzhou 0', province);
    await station(world, 'Fuzhou 1', province);

    // Two from the log, then three written while subscribed (and one outside the subscription).
    let client = connect(world, partner.apiKey);
    const first = await collect(client, '0', 5, async () => {
      await station(world, 'Nanchang', other);
      for (let i = 2; i < 5; i++) await station(world, `Fuzhou ${i}`, province);
    });
    await client.dispose();
    expect(first.map((e) => e.data.name)).toEqual([
      'Fuzhou 0',
      'Fuzhou 1',
      'Fuzhou 2',
      'Fuzhou 3',
      'Fuzhou 4',
    ]);

    // Away: three more. Back with the last position while two more are being written.
    for (let i = 5; i < 8; i++) await station(world, `Fuzhou ${i}`, province);
    client = connect(world, partner.apiKey);
    const last = String(first.at(-1)!.position);
    const second = await collect(client, last, 5, async () => {
      for (let i = 8; i < 10; i++) await station(world, `Fuzhou ${i}`, province);
    });
    await client.dispose();
    expect(second.map((e) => e.data.name)).toEqual([
      'Fuzhou 5',
      'Fuzhou 6',
      'Fuzhou 7',
      'Fuzhou 8',
      'Fuzhou 9',
    ]);
    const positions = [...first, ...second].map((e) => e.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('refuses a connection with a bad API key', async () => {
    const client = connect(world, 'lpk_wrong');
    await expect(collect(client, '0', 1)).rejects.toBeDefined();
    await client.dispose();
  });
});
