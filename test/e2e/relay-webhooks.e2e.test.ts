// Webhooks through the whole platform: a partner registered over GraphQL receives signed CloudEvents, and
// administrators read the delivery log and replay.
import { WebhookReceiver } from '@liaison/relay/testing';
import { closeStoreTargets, testStoreTargets, type StoreTarget } from '@liaison/testing';
import { Webhook } from 'standardwebhooks';
import {
  jurisdiction,
  ok,
  registerPartner,
  startRelayWorld,
  station,
  type RelayWorld,
} from './relay-fixtures.js';

const PARTNER_DELIVERIES = `
  query($id: ID!) {
    partner(id: $id) {
      webhookStatus { position attempts retryingEventId }
      webhookDeliveries(first: 50) { nodes { eventId position attempt kind outcome status } }
      deadLetters { nodes { eventId } }
    }
  }`;

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())('webhooks through the platform on $name', (target: StoreTarget) => {
  let world: RelayWorld;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    world = await startRelayWorld(target, { RELAY_POLL_MS: '100' });
  });
  afterAll(async () => {
    await world.close();
    await receiver.stop();
  });

  it('delivers what the partner subscribed to, logs it, and replays on request', async () => {
    const province = await jurisdiction(world, 'Zhejiang', 'PROVINCE');
    const partner = await registerPartner(world, {
      name: 'provincial platform',
      eventTypes: ['StationRegistered'],
      jurisdictionIds: [province],
      webhookUrl: receiver.url,
    });
    await station(world, 'Hangzhou centre', province);
    await station(world, 'Ningbo centre', province);
    await until(() => receiver.received.length === 2);
    const names = receiver.events().map((event) => (event.data as { name: string }).name);
    expect(names).toEqual(['Hangzhou centre', 'Ningbo centre']);
    for (const webhook of receiver.received) {
      expect(() => new Webhook(partner.webhookSecret).verify(webhook.body, webhook.headers)).not.toThrow();
    }

    await until(() => receiver.received.length === 2);
    const asAdmin = await ok(world.url, PARTNER_DELIVERIES, { id: partner.id }, world.admin);
    const asPartner = await ok(world.url, PARTNER_DELIVERIES, { id: partner.id }, partner.apiKey);
    expect(asPartner.partner.webhookDeliveries).toEqual(asAdmin.partner.webhookDeliveries);
    expect(asAdmin.partner.webhookDeliveries.nodes.map((d: any) => d.outcome)).toEqual([
      'DELIVERED',
      'DELIVERED',
    ]);
    expect(asAdmin.partner.webhookStatus).toMatchObject({ attempts: 0, retryingEventId: null });
    expect(asAdmin.partner.deadLetters.nodes).toEqual([]);

    const replay = await ok(
      world.url,
      `mutation($input: ReplayPartnerWebhookInput!) {
         replayPartnerWebhook(input: $input) { webhookStatus { position } userErrors { code } }
       }`,
      { input: { partnerId: partner.id, afterPosition: 0 } },
      world.admin,
    );
    // The cursor went back to 0; the relay (woken by the replay) may already have moved it on by the time the
    // payload reads it back, but never past where it stood.
    expect(replay.replayPartnerWebhook.userErrors).toEqual([]);
    expect(replay.replayPartnerWebhook.webhookStatus.position).toBeGreaterThanOrEqual(0);
    expect(replay.replayPartnerWebhook.webhookStatus.position).toBeLessThanOrEqual(
      asAdmin.partner.webhookStatus.position,
    );
    await until(() => receiver.received.length === 4);
    expect(
      receiver
        .events()
        .slice(2)
        .map((event) => event.id),
    ).toEqual(
      receiver
        .events()
        .slice(0, 2)
        .map((event) => event.id),
    );

    // Progress is committed after the receiver answers: read the log once it holds the replayed deliveries.
    let replayed = await ok(world.url, PARTNER_DELIVERIES, { id: partner.id }, world.admin);
    for (let tries = 0; replayed.partner.webhookDeliveries.nodes.length < 4 && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      replayed = await ok(world.url, PARTNER_DELIVERIES, { id: partner.id }, world.admin);
    }
    expect(replayed.partner.webhookDeliveries.nodes.map((d: any) => d.outcome)).toEqual([
      'DELIVERED',
      'DELIVERED',
      'DELIVERED',
      'DELIVERED',
    ]);
    expect(replayed.partner.webhookStatus.position).toBe(asAdmin.partner.webhookStatus.position);

    const redeliver = await ok(
      world.url,
      `mutation($input: RedeliverDeadLettersInput!) { redeliverDeadLetters(input: $input) { requeued userErrors { code } } }`,
      { input: { partnerId: partner.id } },
      world.admin,
    );
    expect(redeliver.redeliverDeadLetters).toEqual({ requeued: 0, userErrors: [] });
  });
});
