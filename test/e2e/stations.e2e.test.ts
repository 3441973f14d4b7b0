// The first slice end to end through HTTP: register a jurisdiction tree and stations, read them back publicly.
import { loadJwtConfig, mintToken, type Principal } from '@liaison/auth';
import type { Platform } from '@liaison/standalone';
import { closeStoreTargets, testStoreTargets, type StoreTarget } from '@liaison/testing';
import { graphql } from './graphql-client.js';
import { startTestPlatform, type TestPlatform } from './test-platform.js';

const REGISTER_JURISDICTION = `
  mutation($input: RegisterJurisdictionInput!) {
    registerJurisdiction(input: $input) {
      jurisdiction { id name level parent { id name } }
      userErrors { code message field }
      position
    }
  }`;
const REGISTER_STATION = `
  mutation($input: RegisterStationInput!) {
    registerStation(input: $input) {
      station { id name kind status jurisdiction { id name } parentStation { id } }
      userErrors { code message field }
      position
    }
  }`;

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())(
  'jurisdictions and stations through HTTP on $name',
  (target: StoreTarget) => {
    let world: TestPlatform;
    let platform: Platform;
    let url: string;
    const jwt = loadJwtConfig({});
    const token = (principal: Principal) => mintToken(jwt, principal, { expiresIn: '10m' });
    let admin: string;

    beforeAll(async () => {
      // Fails unless read models are where the target's configuration sends them.
      world = await startTestPlatform(target);
      platform = world.platform;
      url = platform.url!;
      admin = await token({ userId: 'admin-1', roles: ['admin'], jurisdictionId: null });
    });

    afterAll(async () => {
      await world.close();
    });

    async function registerJurisdiction(input: Record<string, unknown>, bearer = admin) {
      const response = await graphql(url, REGISTER_JURISDICTION, { input }, bearer);
      expect(response.errors).toBeUndefined();
      return response.data!.registerJurisdiction;
    }

    async function registerStation(input: Record<string, unknown>, bearer: string) {
      return graphql(url, REGISTER_STATION, { input }, bearer);
    }

    it('registers a tree, stations in it, and serves the public directory with read-your-writes', async () => {
      const province = await registerJurisdiction({ name: 'Guangdong', level: 'PROVINCE', code: '440000' });
      expect(province.userErrors).toEqual([]);
      expect(province.jurisdiction).toMatchObject({ name: 'Guangdong', level: 'PROVINCE', parent: null });
      const city = await registerJurisdiction({
        name: 'Shenzhen',
        level: 'CITY',
        parentId: province.jurisdiction.id,
      });
      const county = await registerJurisdiction({
        name: 'Nanshan',
        level: 'COUNTY',
        parentId: city.jurisdiction.id,
      });
      const shekou = await registerJurisdiction({
        name: 'Shekou',
        level: 'TOWNSHIP',
        parentId: county.jurisdiction.id,
      });
      const yuehai = await registerJurisdiction({
        name: 'Yuehai',
        level: 'TOWNSHIP',
        parentId: county.jurisdiction.id,
      });
      expect(shekou.jurisdiction.parent).toEqual({ id: county.jurisdiction.id, name: 'Nanshan' });

      const shekouStaff = await token({
        userId: 'staff-1',
        roles: ['station-staff'],
        jurisdictionId: fromGlobal(shekou.jurisdiction.id),
      });
      const centre = await registerStation(
        {
          jurisdictionId: shekou.jurisdiction.id,
          name: 'Shekou Centre Station',
          kind: 'CENTRE',
          address: '1 Harbour Rd',
          commandId: 'c-centre',
        },
        shekouStaff,
      );
      expect(centre.data!.registerStation.userErrors).toEqual([]);
      // read-your-writes: the payload already shows the projected station
      expect(centre.data!.registerStation.station).toMatchObject({
        name: 'Shekou Centre Station',
        kind: 'CENTRE',
        status: 'OPEN',
        jurisdiction: { id: shekou.jurisdiction.id, name: 'Shekou' },
      });
      const centreId = centre.data!.registerStation.station.id as string;

      const point = await registerStation(
        {
          jurisdictionId: shekou.jurisdiction.id,
          name: 'Port enterprise point',
          kind: 'POINT',
          parentStationId: centreId,
        },
        shekouStaff,
      );
      expect(point.data!.registerStation.station.parentStation).toEqual({ id: centreId });

      // re-sending the same command id changes nothing and returns the same station
      const again = await registerStation(
        {
          jurisdictionId: shekou.jurisdiction.id,
          name: 'Shekou Centre Station',
          kind: 'CENTRE',
          address: '1 Harbour Rd',
          commandId: 'c-centre',
        },
        shekouStaff,
      );
      expect(again.data!.registerStation.station.id).toBe(centreId);
      expect(again.data!.registerStation.position).toBe(centre.data!.registerStation.position);

      // the public directory, without a token: the county's subtree holds both stations
      const directory = await graphql(
        url,
        `
          query ($j: ID!) {
            stations(filter: { jurisdictionId: $j }, first: 10) {
              totalCount
              nodes {
                name
                kind
              }
            }
          }
        `,
        { j: county.jurisdiction.id },
      );
      expect(directory.data!.stations).toEqual({
        totalCount: 2,
        nodes: [
          { name: 'Port enterprise point', kind: 'POINT' },
          { name: 'Shekou Centre Station', kind: 'CENTRE' },
        ],
      });

      // the tree: a county's children, and node(id) for a station
      const tree = await graphql(
        url,
        `
          query ($id: ID!) {
            node(id: $id) {
              ... on Jurisdiction {
                name
                children {
                  totalCount
                  nodes {
                    name
                    stations {
                      totalCount
                    }
                  }
                }
              }
            }
          }
        `,
        { id: county.jurisdiction.id },
      );
      expect(tree.data!.node).toEqual({
        name: 'Nanshan',
        children: {
          totalCount: 2,
          nodes: [
            { name: 'Shekou', stations: { totalCount: 2 } },
            { name: 'Yuehai', stations: { totalCount: 0 } },
          ],
        },
      });

      // a township's staff cannot act in another township
      const outside = await registerStation(
        { jurisdictionId: yuehai.jurisdiction.id, name: 'Intruder', kind: 'CENTRE' },
        shekouStaff,
      );
      expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      // anonymous callers cannot write
      const anonymous = await registerStation(
        { jurisdictionId: shekou.jurisdiction.id, name: 'Anon', kind: 'CENTRE' },
        '',
      );
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      // domain rules come back as userErrors with stable codes
      const room = await registerStation(
        { jurisdictionId: shekou.jurisdiction.id, name: 'Lonely room', kind: 'ROOM' },
        shekouStaff,
      );
      expect(room.data!.registerStation).toMatchObject({
        station: null,
        position: null,
        userErrors: [{ code: 'PARENT_STATION_REQUIRED', field: ['parentStationId'] }],
      });

      // closing shows at once in the next query
      const closed = await graphql(
        url,
        `
          mutation ($input: CloseStationInput!) {
            closeStation(input: $input) {
              station {
                status
                closedReason
              }
              userErrors {
                code
              }
            }
          }
        `,
        { input: { stationId: fromPointId(point), reason: 'Enterprise moved away' } },
        shekouStaff,
      );
      expect(closed.data!.closeStation).toEqual({
        station: { status: 'CLOSED', closedReason: 'Enterprise moved away' },
        userErrors: [],
      });
      const open = await graphql(
        url,
        `
          {
            stations(filter: { status: OPEN }) {
              nodes {
                name
              }
            }
          }
        `,
      );
      expect(open.data!.stations.nodes).toEqual([{ name: 'Shekou Centre Station' }]);
    });
  },
);

function fromGlobal(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':').slice(1).join(':');
}

function fromPointId(point: { data?: Record<string, any> }): string {
  return point.data!.registerStation.station.id as string;
}
