// Merging and splitting jurisdictions through HTTP: stations, deputies and villages move with them, queries
// dated before report them where they were, and staff reach only their own subtree.
import { loadJwtConfig, mintToken, type Principal } from '@liaison/auth';
import type { Platform } from '@liaison/standalone';
import { closeStoreTargets, testStoreTargets, type StoreTarget } from '@liaison/testing';
import { graphql } from './graphql-client.js';
import { startTestPlatform, type TestPlatform } from './test-platform.js';

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())(
  'merging and splitting jurisdictions through HTTP on $name',
  (target: StoreTarget) => {
    let world: TestPlatform;
    let platform: Platform;
    let url: string;
    let clock = new Date('2026-03-01T20:00:00.000Z');
    const jwt = loadJwtConfig({});
    const token = (principal: Principal) => mintToken(jwt, principal, { expiresIn: '10m' });
    const rawId = (globalId: string) =>
      Buffer.from(globalId, 'base64url').toString('utf8').split(':').slice(1).join(':');

    beforeAll(async () => {
      world = await startTestPlatform(target, {}, { now: () => clock });
      platform = world.platform;
      url = platform.url!;
    });

    afterAll(async () => {
      await world.close();
    });

    async function mutate(name: string, input: Record<string, unknown>, bearer: string, selection: string) {
      const inputType = name.charAt(0).toUpperCase() + name.slice(1) + 'Input';
      const response = await graphql(
        url,
        `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { code message } } }`,
        { input },
        bearer,
      );
      expect(response.errors).toBeUndefined();
      const payload = response.data![name] as Record<string, any>;
      expect(payload.userErrors).toEqual([]);
      return payload;
    }

    async function query(text: string, variables: Record<string, unknown>, bearer?: string) {
      const response = await graphql(url, text, variables, bearer);
      expect(response.errors).toBeUndefined();
      return response.data!;
    }

    /** The moves follow the merger through the reorganisation process; wait (bounded) until they show. */
    async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const value = await read();
        if (done(value) || Date.now() > deadline) return value;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    it('moves stations, deputies and villages with a merged township and keeps the past readable', async () => {
      const admin = await token({ userId: 'admin-1', roles: ['admin'], jurisdictionId: null });
      const j = 'jurisdiction { id }';
      const register = async (input: Record<string, unknown>) =>
        (await mutate('registerJurisdiction', input, admin, j)).jurisdiction.id as string;
      const province = await register({ name: 'Guangdong', level: 'PROVINCE' });
      const city = await register({ name: 'Shenzhen', level: 'CITY', parentId: province });
      const county = await register({ name: 'Nanshan', level: 'COUNTY', parentId: city });
      const shekou = await register({ name: 'Shekou', level: 'TOWNSHIP', parentId: county });
      const yuehai = await register({ name: 'Yuehai', level: 'TOWNSHIP', parentId: county });
      const nantou = await register({ name: 'Nantou', level: 'TOWNSHIP', parentId: county });
      const village = await register({ name: 'Keyuan', level: 'VILLAGE', parentId: yuehai });

      const office = await token({
        userId: 'office-1',
        roles: ['congress-office'],
        jurisdictionId: rawId(county),
      });
      const shekouStaff = await token({
        userId: 'staff-1',
        roles: ['station-staff'],
        jurisdictionId: rawId(shekou),
      });
      const yuehaiStaff = await token({
        userId: 'staff-2',
        roles: ['station-staff'],
        jurisdictionId: rawId(yuehai),
      });
      const nantouStaff = await token({
        userId: 'staff-3',
        roles: ['station-staff'],
        jurisdictionId: rawId(nantou),
      });

      const s = 'station { id }';
      const station = async (input: Record<string, unknown>, bearer = yuehaiStaff) =>
        (await mutate('registerStation', input, bearer, s)).station.id as string;
      const centre = await station({
        jurisdictionId: yuehai,
        name: 'Yuehai Centre Station',
        kind: 'CENTRE',
        address: '5 Keji Rd',
      });
      const point = await station({
        jurisdictionId: village,
        name: 'Keyuan school point',
        kind: 'POINT',
        parentStationId: centre,
        specialisation: 'SCHOOL',
      });
      const online = await station({ jurisdictionId: yuehai, name: 'Yuehai online station', kind: 'ONLINE' });
      await station({ jurisdictionId: shekou, name: 'Shekou online station', kind: 'ONLINE' }, shekouStaff);
      const deputy = (
        await mutate(
          'registerDeputy',
          {
            jurisdictionId: yuehai,
            name: 'Zhang Min',
            level: 'TOWNSHIP',
            constituency: 'Yuehai 2nd constituency',
            term: { number: 8, startsOn: '2022-01-01' },
            contact: { phone: '13912345678' },
          },
          office,
          'deputy { id }',
        )
      ).deputy.id as string;
      await mutate(
        'assignDeputyToStation',
        { deputyId: deputy, stationId: centre },
        yuehaiStaff,
        'deputy { id }',
      );
      await mutate(
        'formDeputyGroup',
        { jurisdictionId: yuehai, name: 'Yuehai deputies', level: 'TOWNSHIP' },
        office,
        'group { id }',
      );

      // before the merger Shekou's staff cannot read or change Yuehai's station or deputy
      const staffView = `query($id: ID!) { node(id: $id) { ... on Station { staffAppointments { role } } } }`;
      expect((await graphql(url, staffView, { id: centre }, shekouStaff)).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect(
        (
          await graphql(
            url,
            `
              query ($id: ID!) {
                deputy(id: $id) {
                  name
                }
              }
            `,
            { id: deputy },
            shekouStaff,
          )
        ).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');

      // 1 July: Yuehai is merged into Shekou
      clock = new Date('2026-07-01T02:00:00.000Z');
      const mergeResult = await mutate(
        'mergeJurisdiction',
        { jurisdictionId: yuehai, intoJurisdictionId: shekou, effectiveOn: '2026-07-01' },
        office,
        'jurisdiction { status dissolvedOn successors { name } }',
      );
      expect(mergeResult.jurisdiction).toEqual({
        status: 'DISSOLVED',
        dissolvedOn: '2026-07-01',
        successors: [{ name: 'Shekou' }],
      });
      const again = await graphql(
        url,
        `
          mutation ($input: MergeJurisdictionInput!) {
            mergeJurisdiction(input: $input) {
              userErrors {
                code
              }
            }
          }
        `,
        { input: { jurisdictionId: yuehai, intoJurisdictionId: nantou } },
        office,
      );
      expect(again.data!.mergeJurisdiction.userErrors).toEqual([{ code: 'JURISDICTION_DISSOLVED' }]);

      const placement = `query($id: ID!) { node(id: $id) { ... on Station { status closedReason jurisdiction { name }
      jurisdictionHistory { jurisdiction { name } from to } } } }`;
      const moved = await eventually(
        () => query(placement, { id: point }),
        (data) => (data.node as { jurisdictionHistory: unknown[] }).jurisdictionHistory.length === 2,
      );
      // the village moved under Shekou, so its point re-pathed: same village, new ancestry, from the merger day
      expect(moved.node).toEqual({
        status: 'OPEN',
        closedReason: null,
        jurisdiction: { name: 'Keyuan' },
        jurisdictionHistory: [
          { jurisdiction: { name: 'Keyuan' }, from: '2026-03-02', to: '2026-07-01' },
          { jurisdiction: { name: 'Keyuan' }, from: '2026-07-01', to: null },
        ],
      });
      const centreNow = await eventually(
        () => query(placement, { id: centre }),
        (data) => (data.node as { jurisdiction: { name: string } }).jurisdiction.name === 'Shekou',
      );
      expect(centreNow.node).toMatchObject({
        jurisdiction: { name: 'Shekou' },
        jurisdictionHistory: [
          { jurisdiction: { name: 'Yuehai' }, from: '2026-03-02', to: '2026-07-01' },
          { jurisdiction: { name: 'Shekou' }, from: '2026-07-01', to: null },
        ],
      });
      // Shekou keeps its own online station; Yuehai's closes
      const onlineNow = await eventually(
        () => query(placement, { id: online }),
        (data) => (data.node as { status: string }).status === 'CLOSED',
      );
      expect(onlineNow.node).toMatchObject({
        status: 'CLOSED',
        closedReason: expect.stringContaining('merged or split'),
      });
      const villageNow = await eventually(
        () => query(`query($id: ID!) { jurisdiction(id: $id) { parent { name } } }`, { id: village }),
        (data) => (data.jurisdiction as { parent: { name: string } }).parent.name === 'Shekou',
      );
      expect(villageNow.jurisdiction).toEqual({ parent: { name: 'Shekou' } });

      // today Shekou's subtree holds the moved stations; on 1 May they were Yuehai's
      const list = `query($j: ID!, $asOf: LocalDate) { stations(filter: { jurisdictionId: $j, asOf: $asOf, status: OPEN }) { totalCount nodes { name } } }`;
      const today = await eventually(
        () => query(list, { j: shekou }),
        (data) => (data.stations as { totalCount: number }).totalCount === 3,
      );
      expect(today.stations).toEqual({
        totalCount: 3,
        nodes: [
          { name: 'Keyuan school point' },
          { name: 'Shekou online station' },
          { name: 'Yuehai Centre Station' },
        ],
      });
      expect((await query(list, { j: yuehai })).stations).toEqual({ totalCount: 0, nodes: [] });
      expect((await query(list, { j: yuehai, asOf: '2026-05-01' })).stations).toEqual({
        totalCount: 2,
        nodes: [{ name: 'Keyuan school point' }, { name: 'Yuehai Centre Station' }],
      });
      expect((await query(list, { j: shekou, asOf: '2026-05-01' })).stations).toEqual({
        totalCount: 1,
        nodes: [{ name: 'Shekou online station' }],
      });

      // the deputy moved too: Shekou's staff now read the deputy in clear; a past-dated list reports Yuehai
      const deputyNow = await eventually(
        () =>
          graphql(
            url,
            `
              query ($id: ID!) {
                deputy(id: $id) {
                  jurisdiction {
                    name
                  }
                  contact {
                    phone
                    masked
                  }
                  jurisdictionHistory {
                    jurisdiction {
                      name
                    }
                    to
                  }
                }
              }
            `,
            { id: deputy },
            shekouStaff,
          ),
        (response) => response.errors === undefined,
      );
      expect(deputyNow.data!.deputy).toEqual({
        jurisdiction: { name: 'Shekou' },
        contact: { phone: '13912345678', masked: false },
        jurisdictionHistory: [
          { jurisdiction: { name: 'Yuehai' }, to: '2026-07-01' },
          { jurisdiction: { name: 'Shekou' }, to: null },
        ],
      });
      const groups = await eventually(
        () =>
          query(
            `query($j: ID!) { deputyGroups(jurisdictionId: $j) { totalCount nodes { name } } }`,
            { j: shekou },
            shekouStaff,
          ),
        (data) => (data.deputyGroups as { totalCount: number }).totalCount === 1,
      );
      expect(groups.deputyGroups).toEqual({ totalCount: 1, nodes: [{ name: 'Yuehai deputies' }] });
      const deputies = `query($j: ID!, $asOf: LocalDate) { deputies(filter: { jurisdictionId: $j, asOf: $asOf }) { totalCount nodes { name } } }`;
      expect((await query(deputies, { j: yuehai, asOf: '2026-05-01' }, office)).deputies).toEqual({
        totalCount: 1,
        nodes: [{ name: 'Zhang Min' }],
      });
      expect((await query(deputies, { j: yuehai }, office)).deputies).toEqual({ totalCount: 0, nodes: [] });

      // Shekou's staff now manage the moved station; another township's staff still cannot read or change it
      expect((await query(staffView, { id: centre }, shekouStaff)).node).toEqual({ staffAppointments: [] });
      expect((await graphql(url, staffView, { id: centre }, nantouStaff)).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect(
        (
          await graphql(
            url,
            `
              query ($id: ID!) {
                deputy(id: $id) {
                  name
                }
              }
            `,
            { id: deputy },
            nantouStaff,
          )
        ).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
      expect((await graphql(url, deputies, { j: shekou }, nantouStaff)).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      const rename = `mutation($input: RenameStationInput!) { renameStation(input: $input) { userErrors { code } } }`;
      expect(
        (await graphql(url, rename, { input: { stationId: centre, name: 'Taken over' } }, nantouStaff))
          .errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
      expect(
        (
          await graphql(
            url,
            rename,
            { input: { stationId: centre, name: 'Shekou North Station' } },
            shekouStaff,
          )
        ).data!.renameStation,
      ).toEqual({ userErrors: [] });

      // a split: Shekou becomes Shekou East (given the former Yuehai centre) and Shekou West (everything else)
      clock = new Date('2026-09-01T02:00:00.000Z');
      const east = await register({ name: 'Shekou East', level: 'TOWNSHIP', parentId: county });
      const west = await register({ name: 'Shekou West', level: 'TOWNSHIP', parentId: county });
      await mutate(
        'splitJurisdiction',
        {
          jurisdictionId: shekou,
          parts: [
            { jurisdictionId: east, stationIds: [centre], deputyIds: [deputy] },
            { jurisdictionId: west, childJurisdictionIds: [village] },
          ],
          remainderJurisdictionId: west,
          effectiveOn: '2026-09-01',
        },
        office,
        'jurisdiction { status successors { name } }',
      );
      const afterSplit = await eventually(
        () => query(list, { j: east }),
        (data) => (data.stations as { totalCount: number }).totalCount === 1,
      );
      expect(afterSplit.stations).toEqual({ totalCount: 1, nodes: [{ name: 'Shekou North Station' }] });
      const westStations = await eventually(
        () => query(list, { j: west }),
        (data) => (data.stations as { totalCount: number }).totalCount === 1,
      );
      // the village went to West; Shekou's online station closed with Shekou (each part opens its own)
      expect(westStations.stations).toEqual({ totalCount: 1, nodes: [{ name: 'Keyuan school point' }] });
      // on 1 August Shekou held all three (its online station is closed now, so OPEN leaves it out)
      expect((await query(list, { j: shekou, asOf: '2026-08-01' })).stations).toEqual({
        totalCount: 2,
        nodes: [{ name: 'Keyuan school point' }, { name: 'Shekou North Station' }],
      });
      expect((await query(list, { j: yuehai, asOf: '2026-05-01' })).stations).toMatchObject({
        totalCount: 2,
      });
    });
  },
);
