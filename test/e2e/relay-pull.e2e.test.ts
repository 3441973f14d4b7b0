// Partner administration and the pull API through HTTP: subscriptions, API keys, a position-keyed connection.
import { closeStoreTargets, testStoreTargets, type StoreTarget } from '@liaison/testing';
import { CloudEvent } from 'cloudevents';
import { graphql } from './graphql-client.js';
import {
  jurisdiction,
  ok,
  pullAll,
  registerPartner,
  renameStation,
  REGISTER_PARTNER,
  startRelayWorld,
  station,
  PARTNER_EVENTS,
  type RelayWorld,
} from './relay-fixtures.js';

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())(
  'partners and the pull API through HTTP on $name',
  (target: StoreTarget) => {
    let world: RelayWorld;
    let county: string;
    let shekou: string;
    let yuehai: string;

    beforeAll(async () => {
      world = await startRelayWorld(target);
      const province = await jurisdiction(world, 'Guangdong', 'PROVINCE');
      const city = await jurisdiction(world, 'Shenzhen', 'CITY', province);
      county = await jurisdiction(world, 'Nanshan', 'COUNTY', city);
      shekou = await jurisdiction(world, 'Shekou', 'TOWNSHIP', county);
      yuehai = await jurisdiction(world, 'Yuehai', 'TOWNSHIP', county);
    });
    afterAll(() => world.close());

    it('gives a partner only its event types in its jurisdictions, in log order, resumable from any position', async () => {
      const partner = await registerPartner(world, {
        name: '12345 hotline',
        eventTypes: ['StationRegistered', 'StationRenamed'],
        jurisdictionIds: [shekou],
      });
      expect(partner.apiKey).toMatch(/^lpk_/);
      expect(partner.webhookSecret).toMatch(/^whsec_/);

      const inShekou = [];
      for (let i = 0; i < 4; i++) inShekou.push(await station(world, `Shekou ${i}`, shekou));
      const elsewhere = await station(world, 'Yuehai centre', yuehai);
      await renameStation(world, inShekou[1]!, 'Shekou one');
      await renameStation(world, elsewhere, 'Yuehai main');

      const { events, cursor } = await pullAll(world.url, partner.apiKey);
      expect(events.map((e) => e.type)).toEqual([...Array(4).fill('StationRegistered'), 'StationRenamed']);
      expect(events.map((e) => e.data.name)).toEqual([
        'Shekou 0',
        'Shekou 1',
        'Shekou 2',
        'Shekou 3',
        'Shekou one',
      ]);
      const positions = events.map((e) => e.position as number);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(Number(cursor)).toBeGreaterThanOrEqual(positions.at(-1)!);

      // Resuming from any position a partner stored gives exactly the rest.
      const rest = await pullAll(world.url, partner.apiKey, String(positions[1]), 10);
      expect(rest.events.map((e) => e.eventId)).toEqual(events.slice(2).map((e) => e.eventId));

      // The CloudEvent form parses with the official SDK and carries the event id and position.
      const cloudEvent = new CloudEvent(events[0].cloudEvent, true);
      expect(cloudEvent.id).toBe(events[0].eventId);
      expect(cloudEvent.type).toBe('liaison.station.StationRegistered');
      expect(cloudEvent.subject).toBe(events[0].streamId);
      expect(cloudEvent.position).toBe(positions[0]);

      // A new event appears after the stored cursor.
      await station(world, 'Shekou 4', shekou);
      const after = await pullAll(world.url, partner.apiKey, cursor);
      expect(after.events.map((e) => e.data.name)).toEqual(['Shekou 4']);
    });

    it('gives a partner subscribed to a county the stations of its townships', async () => {
      const partner = await registerPartner(world, {
        name: 'county petitions',
        eventTypes: ['StationRegistered'],
        jurisdictionIds: [county],
      });
      const { events } = await pullAll(world.url, partner.apiKey, null, 100);
      expect(events.length).toBeGreaterThanOrEqual(6);
      expect(events.every((e) => e.type === 'StationRegistered')).toBe(true);
    });

    it('keeps partner administration to administrators and the feed to partners', async () => {
      const partner = await registerPartner(world, { name: 'sms gateway', eventTypes: ['StationClosed'] });
      const asPartner = await graphql(
        world.url,
        REGISTER_PARTNER,
        { input: { name: 'x', eventTypes: ['StationClosed'] } },
        partner.apiKey,
      );
      expect(asPartner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const asAdmin = await graphql(world.url, PARTNER_EVENTS, {}, world.admin);
      expect(asAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const badKey = await graphql(world.url, PARTNER_EVENTS, {}, 'lpk_not-a-key');
      expect(badKey.status).toBe(401);
      const badCursor = await graphql(world.url, PARTNER_EVENTS, { after: 'abc' }, partner.apiKey);
      expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const viewer = await ok(world.url, `{ viewerPartner { id name } }`, {}, partner.apiKey);
      expect(viewer.viewerPartner).toEqual({ id: partner.id, name: 'sms gateway' });
    });

    it('answers bad subscriptions with user errors and replaces an API key', async () => {
      const bad = await ok(
        world.url,
        REGISTER_PARTNER,
        { input: { name: 'bad', eventTypes: ['PartnerRegistered'], webhookUrl: 'ftp://x' } },
        world.admin,
      );
      expect(bad.registerPartner.userErrors[0].code).toBe('INVALID_EVENT_TYPE');
      const badSecret = await ok(
        world.url,
        REGISTER_PARTNER,
        { input: { name: 'bad', eventTypes: ['StationClosed'], webhookSecret: 'whsec_c2hvcnQ=' } },
        world.admin,
      );
      expect(badSecret.registerPartner.userErrors[0].code).toBe('INVALID_WEBHOOK_SECRET');

      const partner = await registerPartner(world, {
        name: 'provincial platform',
        eventTypes: ['StationClosed'],
      });
      const issued = await ok(
        world.url,
        `mutation($input: PartnerIdInput!) { issuePartnerApiKey(input: $input) { apiKey userErrors { code } } }`,
        { input: { partnerId: partner.id } },
        world.admin,
      );
      const newKey = issued.issuePartnerApiKey.apiKey as string;
      expect(newKey).not.toBe(partner.apiKey);
      expect((await graphql(world.url, PARTNER_EVENTS, {}, partner.apiKey)).status).toBe(401);
      expect((await graphql(world.url, PARTNER_EVENTS, {}, newKey)).errors).toBeUndefined();
    });
  },
);
