// Deputies end to end through HTTP: registration, station assignment, groups, scoped reads, masked contacts.
import { loadJwtConfig, mintToken, type Principal } from '@liaison/auth';
import type { Platform } from '@liaison/standalone';
import { closeStoreTargets, testStoreTargets, type StoreTarget } from '@liaison/testing';
import { graphql } from './graphql-client.js';
import { startTestPlatform, type TestPlatform } from './test-platform.js';

const DEPUTY_FIELDS = `id name level status constituency term { number startsOn endsOn } employer sector endedOn
  contact { phone email address masked } jurisdiction { name } groups { role group { name } }
  stationAssignments(first: 10) { totalCount nodes { since until active reason station { name } } }`;

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())('deputies through HTTP on $name', (target: StoreTarget) => {
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

  async function ok(query: string, input: Record<string, unknown>, bearer: string) {
    const response = await graphql(url, query, { input }, bearer);
    expect(response.errors).toBeUndefined();
    const payload = Object.values(response.data!)[0] as Record<string, any>;
    expect(payload.userErrors).toEqual([]);
    return payload;
  }

  it('registers deputies, assigns them to stations and groups, and limits reads to the jurisdiction', async () => {
    const admin = await token({ userId: 'admin-1', roles: ['admin'], jurisdictionId: null });
    const register = `mutation($input: RegisterJurisdictionInput!) { registerJurisdiction(input: $input) { jurisdiction { id } userErrors { code } } }`;
    const province = (await ok(register, { name: 'Guangdong', level: 'PROVINCE' }, admin)).jurisdiction.id;
    const city = (await ok(register, { name: 'Shenzhen', level: 'CITY', parentId: province }, admin))
      .jurisdiction.id;
    const county = (await ok(register, { name: 'Nanshan', level: 'COUNTY', parentId: city }, admin))
      .jurisdiction.id;
    const shekou = (await ok(register, { name: 'Shekou', level: 'TOWNSHIP', parentId: county }, admin))
      .jurisdiction.id;
    const yuehai = (await ok(register, { name: 'Yuehai', level: 'TOWNSHIP', parentId: county }, admin))
      .jurisdiction.id;

    const countyOffice = await token({
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

    const station = (
      await ok(
        `mutation($input: RegisterStationInput!) { registerStation(input: $input) { station { id } userErrors { code } } }`,
        { jurisdictionId: shekou, name: 'Shekou Centre Station', kind: 'CENTRE' },
        shekouStaff,
      )
    ).station.id;

    const registerDeputy = `mutation($input: RegisterDeputyInput!) { registerDeputy(input: $input) { deputy { ${DEPUTY_FIELDS} } userErrors { code field } position } }`;
    const liHua = await ok(
      registerDeputy,
      {
        jurisdictionId: county,
        name: 'Li Hua',
        level: 'COUNTY',
        constituency: 'Shekou 3rd constituency',
        term: { number: 17, startsOn: '2022-01-01', endsOn: '2026-12-31' },
        employer: 'Port Authority',
        sector: 'enterprise',
        contact: { phone: '13812341234', email: 'li.hua@example.cn', address: '2 Harbour Rd' },
      },
      countyOffice,
    );
    expect(liHua.deputy).toMatchObject({
      name: 'Li Hua',
      level: 'COUNTY',
      status: 'SERVING',
      term: { number: 17, startsOn: '2022-01-01', endsOn: '2026-12-31' },
      contact: { phone: '13812341234', email: 'li.hua@example.cn', address: '2 Harbour Rd', masked: false },
      jurisdiction: { name: 'Nanshan' },
      stationAssignments: { totalCount: 0, nodes: [] },
    });
    const deputyId = liHua.deputy.id as string;
    // the log holds the contact details sealed, never in clear
    const log = JSON.stringify(await platform.eventStore.readAll({ maxCount: 1000 }));
    expect(log).toContain('aes-256-gcm/v1');
    expect(log).not.toContain('13812341234');
    expect(log).not.toContain('li.hua@example.cn');

    // a county deputy is assigned to a township station by that township's staff
    const assigned = await ok(
      `mutation($input: AssignDeputyToStationInput!) { assignDeputyToStation(input: $input) { deputy { ${DEPUTY_FIELDS} } userErrors { code } } }`,
      { deputyId, stationId: station },
      shekouStaff,
    );
    expect(assigned.deputy.stationAssignments).toEqual({
      totalCount: 1,
      nodes: [
        {
          since: '2026-03-02',
          until: null,
          active: true,
          reason: null,
          station: { name: 'Shekou Centre Station' },
        },
      ],
    });
    // the township's staff see the deputy through their station, with contact details masked
    expect(assigned.deputy.contact).toEqual({
      phone: '138****1234',
      email: 'l***@example.cn',
      address: null,
      masked: true,
    });

    const group = (
      await ok(
        `mutation($input: FormDeputyGroupInput!) { formDeputyGroup(input: $input) { group { id name status } userErrors { code } } }`,
        { jurisdictionId: county, name: 'Shekou county deputies', level: 'COUNTY' },
        countyOffice,
      )
    ).group;
    const joined = await ok(
      `mutation($input: JoinDeputyGroupInput!) { joinDeputyGroup(input: $input) { deputy { groups { role group { name } } } userErrors { code } } }`,
      { deputyId, groupId: group.id, role: 'LEADER' },
      countyOffice,
    );
    expect(joined.deputy.groups).toEqual([{ role: 'LEADER', group: { name: 'Shekou county deputies' } }]);

    const stationDeputies = `query($id: ID!) { node(id: $id) { ... on Station { deputyAssignments { totalCount nodes { deputy { name } since } } } } }`;
    const seen = await graphql(url, stationDeputies, { id: station }, shekouStaff);
    expect(seen.data!.node).toEqual({
      deputyAssignments: { totalCount: 1, nodes: [{ deputy: { name: 'Li Hua' }, since: '2026-03-02' }] },
    });

    // another township's staff can neither read nor change them
    const other = await graphql(
      url,
      `
        query ($id: ID!) {
          deputy(id: $id) {
            name
          }
        }
      `,
      { id: deputyId },
      yuehaiStaff,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherNode = await graphql(
      url,
      `
        query ($id: ID!) {
          node(id: $id) {
            id
          }
        }
      `,
      { id: deputyId },
      yuehaiStaff,
    );
    expect(otherNode.data!.node).toBeNull();
    const otherStation = await graphql(url, stationDeputies, { id: station }, yuehaiStaff);
    expect(otherStation.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherList = await graphql(
      url,
      `
        query ($j: ID!) {
          deputies(filter: { jurisdictionId: $j }) {
            totalCount
          }
        }
      `,
      { j: shekou },
      yuehaiStaff,
    );
    expect(otherList.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherRemove = await graphql(
      url,
      `
        mutation ($input: RemoveDeputyFromStationInput!) {
          removeDeputyFromStation(input: $input) {
            userErrors {
              code
            }
          }
        }
      `,
      { input: { deputyId, stationId: station, reason: 'not ours' } },
      yuehaiStaff,
    );
    expect(otherRemove.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await graphql(
      url,
      `
        query ($id: ID!) {
          deputy(id: $id) {
            name
          }
        }
      `,
      { id: deputyId },
    );
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // the county office lists its deputies
    const list = await graphql(
      url,
      `
        {
          deputies(filter: { level: COUNTY }) {
            totalCount
            nodes {
              name
            }
          }
        }
      `,
      {},
      countyOffice,
    );
    expect(list.data!.deputies).toEqual({ totalCount: 1, nodes: [{ name: 'Li Hua' }] });

    // resignation ends the station assignment and the group membership
    const resigned = await ok(
      `mutation($input: ResignDeputyInput!) { resignDeputy(input: $input) { deputy { ${DEPUTY_FIELDS} } userErrors { code } } }`,
      { deputyId, resignedOn: '2026-03-02', reason: 'moved abroad' },
      countyOffice,
    );
    expect(resigned.deputy).toMatchObject({
      status: 'RESIGNED',
      endedOn: '2026-03-02',
      groups: [],
      stationAssignments: {
        totalCount: 1,
        nodes: [
          {
            since: '2026-03-02',
            until: '2026-03-02',
            active: false,
            reason: 'resigned',
            station: { name: 'Shekou Centre Station' },
          },
        ],
      },
    });
    const again = await graphql(
      url,
      `
        mutation ($input: ResignDeputyInput!) {
          resignDeputy(input: $input) {
            deputy {
              id
            }
            userErrors {
              code
            }
            position
          }
        }
      `,
      { input: { deputyId, reason: 'twice' } },
      countyOffice,
    );
    expect(again.data!.resignDeputy).toEqual({
      deputy: null,
      userErrors: [{ code: 'DEPUTY_NOT_SERVING' }],
      position: null,
    });
  });
});
