// A station's details end to end: tree with a specialised point and one online station, opening rules,
// staff, opinion boxes, relocation; the public board and directory tree; staff-only fields stay in scope.
import { loadJwtConfig, mintToken, type Principal } from '@liaison/auth';
import type { Platform } from '@liaison/standalone';
import { closeStoreTargets, testStoreTargets, type StoreTarget } from '@liaison/testing';
import { graphql } from './graphql-client.js';
import { startTestPlatform, type TestPlatform } from './test-platform.js';

const STATION = `station { id name kind specialisation address relocatedOn facilities
  openingRules { weekly { weekday opens closes } note } }
  userErrors { code field } position`;

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())('station details through HTTP on $name', (target: StoreTarget) => {
  let world: TestPlatform;
  let platform: Platform;
  let url: string;
  const jwt = loadJwtConfig({});
  const token = (principal: Principal) => mintToken(jwt, principal, { expiresIn: '10m' });
  const rawId = (globalId: string) =>
    Buffer.from(globalId, 'base64url').toString('utf8').split(':').slice(1).join(':');

  beforeAll(async () => {
    world = await startTestPlatform(target, {}, { now: () => new Date('2026-03-01T20:00:00.000Z') });
    platform = world.platform;
    url = platform.url!;
  });

  afterAll(async () => {
    await world.close();
  });

  async function mutate(name: string, input: Record<string, unknown>, bearer: string, selection = STATION) {
    const inputType = name.charAt(0).toUpperCase() + name.slice(1) + 'Input';
    const response = await graphql(
      url,
      `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`,
      { input },
      bearer,
    );
    expect(response.errors).toBeUndefined();
    return response.data![name] as Record<string, any>;
  }

  it('describes, staffs and equips stations and shows the public board and directory', async () => {
    const admin = await token({ userId: 'admin-1', roles: ['admin'], jurisdictionId: null });
    const jurisdiction = `jurisdiction { id } userErrors { code }`;
    const province = (
      await mutate('registerJurisdiction', { name: 'Guangdong', level: 'PROVINCE' }, admin, jurisdiction)
    ).jurisdiction.id;
    const city = (
      await mutate(
        'registerJurisdiction',
        { name: 'Shenzhen', level: 'CITY', parentId: province },
        admin,
        jurisdiction,
      )
    ).jurisdiction.id;
    const nanshan = (
      await mutate(
        'registerJurisdiction',
        { name: 'Nanshan', level: 'COUNTY', parentId: city },
        admin,
        jurisdiction,
      )
    ).jurisdiction.id;
    const shekou = (
      await mutate(
        'registerJurisdiction',
        { name: 'Shekou', level: 'TOWNSHIP', parentId: nanshan },
        admin,
        jurisdiction,
      )
    ).jurisdiction.id;
    const yuehai = (
      await mutate(
        'registerJurisdiction',
        { name: 'Yuehai', level: 'TOWNSHIP', parentId: nanshan },
        admin,
        jurisdiction,
      )
    ).jurisdiction.id;
    const staff = await token({ userId: 'staff-1', roles: ['station-staff'], jurisdictionId: rawId(shekou) });
    const outsider = await token({
      userId: 'staff-2',
      roles: ['station-staff'],
      jurisdictionId: rawId(yuehai),
    });

    const centre = await mutate(
      'registerStation',
      {
        jurisdictionId: shekou,
        name: 'Shekou Centre Station',
        kind: 'CENTRE',
        address: '1 Harbour Rd',
        openingRules: {
          weekly: [
            { weekday: 3, opens: '14:00', closes: '17:00' },
            { weekday: 1, opens: '09:00', closes: '12:00' },
          ],
          note: 'Reception day: the 20th of each month',
        },
        facilities: ['reception room', 'wall board'],
      },
      staff,
    );
    expect(centre).toMatchObject({
      userErrors: [],
      station: {
        kind: 'CENTRE',
        specialisation: null,
        facilities: ['reception room', 'wall board'],
        openingRules: {
          weekly: [
            { weekday: 1, opens: '09:00', closes: '12:00' },
            { weekday: 3, opens: '14:00', closes: '17:00' },
          ],
          note: 'Reception day: the 20th of each month',
        },
      },
    });
    const centreId = centre.station.id as string;
    const point = await mutate(
      'registerStation',
      {
        jurisdictionId: shekou,
        name: 'Port enterprise point',
        kind: 'POINT',
        parentStationId: centreId,
        specialisation: 'ENTERPRISE',
      },
      staff,
    );
    expect(point.station).toMatchObject({ kind: 'POINT', specialisation: 'ENTERPRISE' });
    const wrong = await mutate(
      'registerStation',
      { jurisdictionId: shekou, name: 'School centre', kind: 'CENTRE', specialisation: 'SCHOOL' },
      staff,
    );
    expect(wrong.userErrors).toEqual([{ code: 'SPECIALISATION_ONLY_FOR_POINTS', field: ['specialisation'] }]);

    const online = await mutate(
      'registerStation',
      { jurisdictionId: shekou, name: 'Shekou online station', kind: 'ONLINE' },
      staff,
    );
    expect(online.userErrors).toEqual([]);
    const secondOnline = await mutate(
      'registerStation',
      { jurisdictionId: shekou, name: 'Another online station', kind: 'ONLINE' },
      staff,
    );
    expect(secondOnline.userErrors).toEqual([{ code: 'ONLINE_STATION_EXISTS', field: ['kind'] }]);

    const head = await mutate(
      'appointStationStaff',
      { stationId: centreId, role: 'HEAD', person: { name: 'Wang Fang', userId: 'staff-1' } },
      staff,
    );
    expect(head.userErrors).toEqual([]);
    await mutate(
      'appointStationStaff',
      { stationId: centreId, role: 'LIAISON_OFFICER', person: { name: 'Chen Jie' } },
      staff,
    );
    const secondHead = await mutate(
      'appointStationStaff',
      { stationId: centreId, role: 'HEAD', person: { name: 'Someone' } },
      staff,
    );
    expect(secondHead.userErrors).toEqual([{ code: 'STATION_HEAD_ALREADY_APPOINTED', field: ['role'] }]);
    await mutate(
      'installOpinionBox',
      { stationId: centreId, location: 'Village gate', observer: { name: 'Zhao Lei' } },
      staff,
    );
    const moved = await mutate(
      'relocateStation',
      { stationId: centreId, address: '9 New Rd', effectiveOn: '2026-03-10' },
      staff,
    );
    expect(moved.station).toMatchObject({ address: '9 New Rd', relocatedOn: '2026-03-10' });

    // staff of the station's own township read staff and boxes; another township's staff may not, nor change them
    const inside = `query($id: ID!) { node(id: $id) { ... on Station { staffAppointments { role person { name } since until }
      opinionBoxes { location observer { name } } } } }`;
    const seen = await graphql(url, inside, { id: centreId }, staff);
    expect(seen.data!.node).toEqual({
      staffAppointments: [
        { role: 'HEAD', person: { name: 'Wang Fang' }, since: '2026-03-02', until: null },
        { role: 'LIAISON_OFFICER', person: { name: 'Chen Jie' }, since: '2026-03-02', until: null },
      ],
      opinionBoxes: [{ location: 'Village gate', observer: { name: 'Zhao Lei' } }],
    });
    const denied = await graphql(url, inside, { id: centreId }, outsider);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deniedChange = await graphql(
      url,
      `
        mutation ($input: SetStationFacilitiesInput!) {
          setStationFacilities(input: $input) {
            userErrors {
              code
            }
          }
        }
      `,
      { input: { stationId: centreId, facilities: [] } },
      outsider,
    );
    expect(deniedChange.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await graphql(url, inside, { id: centreId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // the public board and directory need no token
    const board = await graphql(
      url,
      `
        query ($id: ID!) {
          stationBoard(stationId: $id) {
            station {
              name
              address
              openingRules {
                note
              }
            }
            staff {
              role
              name
            }
            deputies {
              name
            }
            opinionBoxLocations
          }
        }
      `,
      { id: centreId },
    );
    expect(board.data!.stationBoard).toEqual({
      station: {
        name: 'Shekou Centre Station',
        address: '9 New Rd',
        openingRules: { note: 'Reception day: the 20th of each month' },
      },
      staff: [
        { role: 'HEAD', name: 'Wang Fang' },
        { role: 'LIAISON_OFFICER', name: 'Chen Jie' },
      ],
      deputies: [],
      opinionBoxLocations: ['Village gate'],
    });
    const directory = await graphql(
      url,
      `
        query ($id: ID!) {
          stationDirectory(jurisdictionId: $id) {
            jurisdiction {
              name
            }
            stations {
              station {
                name
              }
            }
            children {
              jurisdiction {
                name
              }
              stations {
                station {
                  name
                  kind
                }
                children {
                  station {
                    name
                    specialisation
                  }
                }
              }
            }
          }
        }
      `,
      { id: nanshan },
    );
    expect(directory.data!.stationDirectory).toEqual({
      jurisdiction: { name: 'Nanshan' },
      stations: [],
      children: [
        {
          jurisdiction: { name: 'Shekou' },
          stations: [
            {
              station: { name: 'Shekou Centre Station', kind: 'CENTRE' },
              children: [{ station: { name: 'Port enterprise point', specialisation: 'ENTERPRISE' } }],
            },
            { station: { name: 'Shekou online station', kind: 'ONLINE' }, children: [] },
          ],
        },
        { jurisdiction: { name: 'Yuehai' }, stations: [] },
      ],
    });
  });
});
