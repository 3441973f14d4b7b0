// Casework end to end through HTTP: voters' opinions from intake to closed cases, deadlines, forgetting a
// voter, and the figures of the whole run checked against values computed by hand.
import { loadJwtConfig, mintToken, type Principal } from '@liaison/auth';
import { eventHash, GENESIS_HASH, type RecordedEvent } from '@liaison/eventstore';
import { PersonalData, SqlKeyVault, isSealedValue, type SealedValue } from '@liaison/personal-data';
import { MongoReadStore, SqlReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { loadConfig, startPlatform, type Platform } from '@liaison/standalone';
import { closeStoreTargets, testStoreTargets, type OpenedStores, type StoreTarget } from '@liaison/testing';
import { MongoClient } from 'mongodb';
import { graphql } from './graphql-client.js';

const fromGlobal = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split(':')[1]!;

const OPINION = `opinion { id voterId status trackingCode maskedVoter { name phone } }`;
const RECEIVE = `mutation($input: ReceiveOpinionInput!) { receiveOpinion(input: $input) {
  trackingCode duplicate position userErrors { code message } ${OPINION} } }`;
const SUGGESTION = `suggestion { id status tier route assignmentNo deadline overdue deadlineNear escalatedTo
  leadUnit { unitId name } meetings followUpOwed replies { replyNo replyClass } ratings { by rating } closedAt
  timeline { type } opinions { id } }`;
const REGISTER_UNIT = `mutation($input: RegisterHandlingUnitInput!) { registerHandlingUnit(input: $input) {
  userErrors { code } unit { unitId name tier status jurisdictionId } } }`;
const payload = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { userErrors { code message } position ${SUGGESTION} } }`;

/** Every sealed value anywhere inside a JSON value. */
function sealedValuesIn(value: unknown, found: SealedValue[] = []): SealedValue[] {
  if (isSealedValue(value)) found.push(value);
  else if (Array.isArray(value)) for (const item of value) sealedValuesIn(item, found);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) sealedValuesIn(item, found);
  return found;
}

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())('casework through HTTP on $name', (target: StoreTarget) => {
  let stores: OpenedStores;
  let sql: SqlClient;
  let platform: Platform;
  let url: string;
  let clock = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 in Beijing
  const at = (instant: string) => (clock = new Date(instant));
  const jwt = loadJwtConfig({});
  const token = (principal: Principal) => mintToken(jwt, principal, { expiresIn: '30m' });
  let admin: string;
  let staff: string;
  let office: string;
  let unit: string;
  let deputy: string;
  let township: string;
  let county: string;
  let centre: string;
  let online: string;

  async function call(query: string, variables: Record<string, unknown>, bearer?: string) {
    const response = await graphql(url, query, variables, bearer);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  async function ok(name: string, input: string, variables: Record<string, unknown>, bearer: string) {
    const data = await call(payload(name, input), { input: variables }, bearer);
    expect(data[name].userErrors).toEqual([]);
    return data[name].suggestion;
  }

  async function receive(input: Record<string, unknown>, bearer?: string) {
    const data = await call(RECEIVE, { input }, bearer);
    return data.receiveOpinion;
  }

  beforeAll(async () => {
    stores = await target.open();
    sql = stores.sql;
    platform = await startPlatform(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        CASE_SCHEDULER_INTERVAL_MS: '0',
        // a loaded CI machine can fold slower than the default 2 s; the wait ends as soon as read models catch up
        READ_YOUR_WRITES_TIMEOUT_MS: '30000',
        ...stores.env,
      }),
      { sql, now: () => clock },
    );
    // The combination is real: read models go where the configuration sends them.
    expect(platform.readStore).toBeInstanceOf(stores.env.MONGODB_URL ? MongoReadStore : SqlReadStore);
    url = platform.url!;
    admin = await token({ userId: 'admin-1', roles: ['admin'], jurisdictionId: null });
    const register = async (input: Record<string, unknown>) =>
      (
        await call(
          `mutation($input: RegisterJurisdictionInput!) { registerJurisdiction(input: $input) { jurisdiction { id } } }`,
          { input },
          admin,
        )
      ).registerJurisdiction.jurisdiction.id as string;
    const province = await register({ name: 'Guangdong', level: 'PROVINCE' });
    const city = await register({ name: 'Shenzhen', level: 'CITY', parentId: province });
    county = await register({ name: 'Nanshan', level: 'COUNTY', parentId: city });
    township = await register({ name: 'Shekou', level: 'TOWNSHIP', parentId: county });
    const station = async (name: string, kind: string) =>
      (
        await call(
          `mutation($input: RegisterStationInput!) { registerStation(input: $input) { station { id } } }`,
          { input: { jurisdictionId: township, name, kind } },
          admin,
        )
      ).registerStation.station.id as string;
    centre = await station('Shekou Centre Station', 'CENTRE');
    online = await station('Shekou Online Station', 'ONLINE');
    staff = await token({
      userId: 'staff-1',
      roles: ['station-staff'],
      jurisdictionId: fromGlobal(township),
    });
    office = await token({
      userId: 'office-1',
      roles: ['congress-office'],
      jurisdictionId: fromGlobal(county),
    });
    unit = await token({
      userId: 'unit-clerk',
      roles: ['handling-unit'],
      jurisdictionId: fromGlobal(county),
    });
    deputy = await token({ userId: 'd1', roles: ['deputy'], jurisdictionId: fromGlobal(township) });
    // The handling units the cases are assigned to, in the registry: township bodies and county departments.
    for (const [unitId, jurisdictionId, tier] of [
      ['u1', township, 'TOWNSHIP'],
      ['u2', county, 'COUNTY'],
      ['u3', county, 'COUNTY'],
      ['u4', township, 'TOWNSHIP'],
      ['u5', county, 'COUNTY'],
      ['u6', county, 'COUNTY'],
    ] as const) {
      const registered = await call(
        REGISTER_UNIT,
        {
          input: { unitId, name: `Unit ${unitId}`, jurisdictionId, tier },
        },
        admin,
      );
      expect(registered.registerHandlingUnit.userErrors).toEqual([]);
    }
  });

  afterAll(async () => {
    await platform.close();
    await stores.dispose();
  });

  const voter = (name: string, phone: string, consent = true) => ({
    anonymous: false,
    consentToContact: consent,
    name,
    phone,
  });
  const assign = (suggestionId: string, unitId: string, workingDays: number) => ({
    suggestionId,
    leadUnit: { unitId, name: `Unit ${unitId}` },
    responsiblePerson: 'Director Li',
    workingDays,
  });

  it('walks six cases from the voters to closure and reports exact figures', async () => {
    // 1. An online opinion (no account) to closure with an A reply and a satisfied voter.
    const first = await receive({
      channel: 'ONLINE',
      stationId: online,
      category: 'roads',
      location: 'Taoyuan Road',
      text: 'Potholes on Taoyuan Road near the school',
      voter: voter('张三', '13812341234'),
    });
    expect(first.userErrors).toEqual([]);
    expect(first.opinion).toBeNull(); // the public gets a tracking code, not the record
    const code1 = first.trackingCode as string;
    const again = await receive({
      channel: 'ONLINE',
      stationId: online,
      category: 'roads',
      text: 'potholes on Taoyuan road  near the school',
      voter: voter('张三', '138-1234-1234'),
    });
    expect(again).toMatchObject({ duplicate: true, trackingCode: code1, userErrors: [] });

    const board = await call(
      `query($s: ID!) { opinions(filter: { stationId: $s }, first: 10) { totalCount nodes { id maskedVoter { name phone } } } }`,
      { s: online },
      staff,
    );
    expect(board.opinions.totalCount).toBe(1);
    expect(board.opinions.nodes[0].maskedVoter).toEqual({ name: '张*', phone: '138****1234' });
    const opinion1 = board.opinions.nodes[0].id as string;

    const s1 = await ok(
      'draftSuggestion',
      'DraftSuggestionInput',
      {
        opinionIds: [opinion1],
        title: 'Potholes',
        summary: 'Repair Taoyuan Road',
        category: 'roads',
        tier: 'TOWNSHIP',
        deputyIds: ['d1'],
      },
      staff,
    );
    expect(s1).toMatchObject({ status: 'ROUTED', tier: 'TOWNSHIP', route: 'township-body' });
    const assigned1 = await ok('assignSuggestion', 'AssignSuggestionInput', assign(s1.id, 'u1', 5), staff);
    expect(assigned1).toMatchObject({ status: 'ASSIGNED', deadline: '2026-03-09', assignmentNo: 1 });
    await ok('acceptAssignment', 'AcceptAssignmentInput', { suggestionId: s1.id, unitId: 'u1' }, unit);
    for (const stage of ['ACCEPTANCE', 'HANDLING', 'BEFORE_REPLY'])
      await ok(
        'recordDeputyMeeting',
        'RecordDeputyMeetingInput',
        { suggestionId: s1.id, stage, deputyId: 'd1', notes: 'met on site' },
        unit,
      );
    // only the lead unit reports progress
    expect(
      (
        await call(
          payload('reportProgress', 'UnitTextInput'),
          { input: { suggestionId: s1.id, unitId: 'u9', text: 'x' } },
          unit,
        )
      ).reportProgress.userErrors[0].code,
    ).toBe('NOT_LEAD_UNIT');
    at('2026-03-04T02:00:00Z');
    await ok(
      'giveReply',
      'GiveReplyInput',
      { suggestionId: s1.id, unitId: 'u1', replyClass: 'A', text: 'Road resurfaced' },
      unit,
    );
    await ok(
      'informVoter',
      'InformVoterInput',
      { suggestionId: s1.id, opinionId: opinion1, note: 'phoned' },
      staff,
    );
    const rated = await call(
      `mutation($input: RateByTrackingCodeInput!) { rateByTrackingCode(input: $input) { userErrors { code } position } }`,
      { input: { trackingCode: code1.toLowerCase(), rating: 'SATISFIED' } },
    );
    expect(rated.rateByTrackingCode.userErrors).toEqual([]);
    const closed1 = await ok('closeSuggestion', 'CloseSuggestionInput', { suggestionId: s1.id }, staff);
    expect(closed1).toMatchObject({ status: 'CLOSED', meetings: ['ACCEPTANCE', 'HANDLING', 'BEFORE_REPLY'] });
    const tracked = await call(
      `query($c: String!) { trackOpinion(trackingCode: $c) { stage handlingUnit replies { replyClass text } timeline { type actorId } } }`,
      { c: code1 },
    );
    expect(tracked.trackOpinion).toMatchObject({
      stage: 'CLOSED',
      handlingUnit: 'Unit u1',
      replies: [{ replyClass: 'A', text: 'Road resurfaced' }],
    });
    expect(JSON.stringify(tracked)).not.toMatch(/张|1381234|staff-1|unit-clerk/);

    // 2. Three opinions merged into a county suggestion, transferred once, B reply, follow-up, closed.
    at('2026-03-02T03:00:00Z');
    const reception = (text: string, voterInput: Record<string, unknown>) =>
      receive(
        {
          channel: 'RECEPTION',
          stationId: centre,
          deputyIds: ['d1'],
          category: 'water',
          text,
          voter: voterInput,
        },
        staff,
      );
    const r1 = await reception('No running water in block 3', { anonymous: true });
    const r2 = await reception('Water cut every evening', voter('李四', '13900001111'));
    const r3 = await reception('Water pressure too low', voter('王五', '13700002222', false));
    const s2 = await ok(
      'draftSuggestion',
      'DraftSuggestionInput',
      {
        opinionIds: [r1.opinion.id, r2.opinion.id, r3.opinion.id],
        title: '蛇口供水 Water supply in Shekou',
        summary: 'Renew the mains',
        category: 'water',
        tier: 'COUNTY',
        deputyIds: ['d1'],
      },
      staff,
    );
    expect(s2).toMatchObject({
      route: 'county-liaison-committee',
      opinions: [{ id: r1.opinion.id }, { id: r2.opinion.id }, { id: r3.opinion.id }],
    });
    await ok(
      'assignSuggestion',
      'AssignSuggestionInput',
      { ...assign(s2.id, 'u2', 10), key: true, supervisingLeaders: ['Vice head Chen'] },
      office,
    );
    at('2026-03-03T02:00:00Z');
    const transferred = await ok(
      'transferSuggestion',
      'TransferSuggestionInput',
      { ...assign(s2.id, 'u3', 10), reason: 'Water company owns the mains' },
      office,
    );
    expect(transferred).toMatchObject({
      status: 'ASSIGNED',
      assignmentNo: 2,
      leadUnit: { unitId: 'u3' },
      deadline: '2026-03-17',
    });
    await ok('acceptAssignment', 'AcceptAssignmentInput', { suggestionId: s2.id, unitId: 'u3' }, unit);
    at('2026-03-05T02:00:00Z');
    const replyB = await ok(
      'giveReply',
      'GiveReplyInput',
      { suggestionId: s2.id, unitId: 'u3', replyClass: 'B', text: 'Mains renewal planned for May' },
      unit,
    );
    expect(replyB.followUpOwed).toBe(true);
    const early = await call(
      payload('closeSuggestion', 'CloseSuggestionInput'),
      { input: { suggestionId: s2.id } },
      staff,
    );
    expect(early.closeSuggestion.userErrors[0].code).toBe('FOLLOW_UP_OUTSTANDING');
    at('2026-03-09T02:00:00Z');
    await ok(
      'giveFollowUp',
      'UnitTextInput',
      { suggestionId: s2.id, unitId: 'u3', text: 'Mains renewed' },
      unit,
    );
    await ok(
      'informVoter',
      'InformVoterInput',
      { suggestionId: s2.id, opinionId: r2.opinion.id, note: 'visited' },
      staff,
    );
    await ok(
      'rateSatisfaction',
      'RateSatisfactionInput',
      { suggestionId: s2.id, rating: 'SATISFIED' },
      deputy,
    );
    expect((await ok('closeSuggestion', 'CloseSuggestionInput', { suggestionId: s2.id }, staff)).status).toBe(
      'CLOSED',
    );

    // 3. An unsatisfied rating reopens the case; it closes on the second reply.
    at('2026-03-02T04:00:00Z');
    const phone = await receive(
      {
        channel: 'PHONE',
        stationId: centre,
        category: 'noise',
        text: 'Night construction noise',
        voter: voter('赵六', '13600003333'),
      },
      staff,
    );
    const s3 = await ok(
      'draftSuggestion',
      'DraftSuggestionInput',
      {
        opinionIds: [phone.opinion.id],
        title: 'Noise',
        summary: 'Stop night work',
        category: 'noise',
        tier: 'TOWNSHIP',
      },
      staff,
    );
    await ok('assignSuggestion', 'AssignSuggestionInput', assign(s3.id, 'u1', 5), staff);
    await ok('acceptAssignment', 'AcceptAssignmentInput', { suggestionId: s3.id, unitId: 'u1' }, unit);
    at('2026-03-04T03:00:00Z');
    await ok(
      'giveReply',
      'GiveReplyInput',
      { suggestionId: s3.id, unitId: 'u1', replyClass: 'C', text: 'Permit allows night work' },
      unit,
    );
    await ok(
      'informVoter',
      'InformVoterInput',
      { suggestionId: s3.id, opinionId: phone.opinion.id, note: 'phoned' },
      staff,
    );
    const reopened = await ok(
      'rateSatisfaction',
      'RateSatisfactionInput',
      { suggestionId: s3.id, opinionId: phone.opinion.id, rating: 'UNSATISFIED' },
      staff,
    );
    expect(reopened.status).toBe('HANDLING');
    at('2026-03-06T03:00:00Z');
    await ok(
      'giveReply',
      'GiveReplyInput',
      { suggestionId: s3.id, unitId: 'u1', replyClass: 'A', text: 'Night work stopped' },
      unit,
    );
    await ok(
      'informVoter',
      'InformVoterInput',
      { suggestionId: s3.id, opinionId: phone.opinion.id, note: 'phoned again' },
      staff,
    );
    await ok(
      'rateSatisfaction',
      'RateSatisfactionInput',
      { suggestionId: s3.id, opinionId: phone.opinion.id, rating: 'BASICALLY_SATISFIED' },
      staff,
    );
    const closed3 = await ok('closeSuggestion', 'CloseSuggestionInput', { suggestionId: s3.id }, staff);
    expect(closed3.replies.map((r: { replyClass: string }) => r.replyClass)).toEqual(['C', 'A']);

    // 4. An overdue assignment, escalated to the supervising office exactly once.
    at('2026-03-02T05:00:00Z');
    const wechat = await receive(
      {
        channel: 'WECHAT',
        stationId: centre,
        category: 'lighting',
        text: 'Street lights out on Gongye Road 工业路路灯不亮',
        voter: { anonymous: true },
      },
      staff,
    );
    const s4 = await ok(
      'draftSuggestion',
      'DraftSuggestionInput',
      {
        opinionIds: [wechat.opinion.id],
        title: 'Lights',
        summary: 'Fix lights',
        category: 'lighting',
        tier: 'TOWNSHIP',
      },
      staff,
    );
    expect(
      (await ok('assignSuggestion', 'AssignSuggestionInput', assign(s4.id, 'u4', 2), staff)).deadline,
    ).toBe('2026-03-04');
    const tick = await platform.casework.scheduler.tick(new Date('2026-03-06T02:00:00Z'));
    expect(tick).toEqual({ deadlineNear: 1, overdue: 1, escalated: 1, feedbackOverdue: 0 });
    const inbox = async () =>
      (
        await call(
          `query { unitInbox(unitId: "u4", first: 5) { totalCount nodes { overdue deadlineNear escalatedTo } } }`,
          {},
          unit,
        )
      ).unitInbox;
    for (let i = 0; i < 600 && !(await inbox()).nodes[0]?.escalatedTo; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await inbox()).toEqual({
      totalCount: 1,
      nodes: [{ overdue: true, deadlineNear: true, escalatedTo: fromGlobal(county) }],
    });
    expect(await platform.casework.scheduler.tick(new Date('2026-03-06T02:00:00Z'))).toEqual({
      deadlineNear: 0,
      overdue: 0,
      escalated: 0,
      feedbackOverdue: 0,
    });

    // The case board's text and channel filters (text: title and summary; channel: any of its opinions).
    const caseBoard = async (filter: Record<string, unknown>, first = 10, after: string | null = null) =>
      (
        await call(
          `query($f: SuggestionFilter, $first: Int, $after: String) { suggestions(filter: $f, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
          { f: filter, first, after },
          office,
        )
      ).suggestions;
    const idsOn = async (filter: Record<string, unknown>) =>
      (await caseBoard(filter)).nodes.map((n: { id: string }) => n.id);
    expect(await idsOn({ text: '供水' })).toEqual([s2.id]);
    expect(await idsOn({ text: 'WATER' })).toEqual([s2.id]);
    expect(await idsOn({ text: 'taoyuan road' })).toEqual([s1.id]);
    expect(await idsOn({ text: '张三' })).toEqual([]); // a voter's name is never searched
    expect(await idsOn({ text: '%' })).toEqual([]);
    expect(await idsOn({ channel: 'RECEPTION' })).toEqual([s2.id]);
    expect(await idsOn({ channel: 'PHONE' })).toEqual([s3.id]);
    expect(await idsOn({ channel: 'ONLINE', text: 'Repair' })).toEqual([s1.id]);
    expect(await idsOn({ channel: 'OPINION_BOX' })).toEqual([]);
    const firstPage = await caseBoard({ text: 'I' }, 2);
    expect(firstPage.totalCount).toBe(4); // Repair, in Shekou, Noise, Lights
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = await caseBoard({ text: 'I' }, 2, firstPage.pageInfo.endCursor);
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    expect([...firstPage.nodes, ...secondPage.nodes].map((n: { id: string }) => n.id).sort()).toEqual(
      [s1.id, s2.id, s3.id, s4.id].sort(),
    );
    const lights = await call(
      `query($f: OpinionFilter) { opinions(filter: $f, first: 5) { totalCount nodes { id } } }`,
      { f: { text: '路灯' } },
      office,
    );
    expect(lights.opinions).toEqual({ totalCount: 1, nodes: [{ id: wechat.opinion.id }] });

    // 5. An opinion explained on the spot.
    const spot = await receive(
      {
        channel: 'RECEPTION',
        stationId: centre,
        deputyIds: ['d1'],
        category: 'pensions',
        text: 'How is my pension computed?',
        voter: { anonymous: true },
      },
      staff,
    );
    const answered = await call(
      `mutation($input: AnswerOpinionOnTheSpotInput!) { answerOpinionOnTheSpot(input: $input) { userErrors { code } opinion { status } } }`,
      {
        input: {
          opinionId: spot.opinion.id,
          basis: 'POLICY',
          explanation: 'Explained the 2025 pension rules',
        },
      },
      deputy,
    );
    expect(answered.answerOpinionOnTheSpot).toEqual({ userErrors: [], opinion: { status: 'ANSWERED' } });

    // 6. A forgotten voter: readable by handlers before, by no one after; history intact.
    const gone = await receive({
      channel: 'ONLINE',
      stationId: online,
      category: 'housing',
      text: 'My landlord keeps the deposit',
      voter: {
        anonymous: false,
        consentToContact: true,
        name: '孙七',
        phone: '13500004444',
        idNumber: '110101199003071234',
        address: '桃园路1号2栋301',
      },
    });
    const goneOpinion = (
      await call(
        `query($s: ID!) { opinions(filter: { stationId: $s, category: "housing" }, first: 1) { nodes { id voterId } } }`,
        { s: online },
        staff,
      )
    ).opinions.nodes[0];
    const reveal = `mutation($input: RevealVoterContactInput!) { revealVoterContact(input: $input) { userErrors { code } position contact { name phone idNumber address } } }`;
    const revealed = await call(reveal, { input: { opinionId: goneOpinion.id } }, staff);
    expect(revealed.revealVoterContact.contact).toEqual({
      name: '孙七',
      phone: '13500004444',
      idNumber: '110101199003071234',
      address: '桃园路1号2栋301',
    });
    expect(
      (await graphql(url, reveal, { input: { opinionId: goneOpinion.id } }, deputy)).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const forgotten = await call(
      `mutation($input: ForgetVoterInput!) { forgetVoter(input: $input) { userErrors { code } forgotten } }`,
      { input: { voterId: goneOpinion.voterId, reason: 'PIPL erasure request' } },
      staff,
    );
    expect(forgotten.forgetVoter).toEqual({ userErrors: [], forgotten: true });
    expect(
      (await call(reveal, { input: { opinionId: goneOpinion.id } }, staff)).revealVoterContact,
    ).toMatchObject({
      contact: null,
      userErrors: [{ code: 'VOTER_FORGOTTEN' }],
    });
    expect(
      (
        await call(`query($c: String!) { trackOpinion(trackingCode: $c) { stage } }`, {
          c: gone.trackingCode,
        })
      ).trackOpinion.stage,
    ).toBe('RECEIVED');

    // Every table of the schema and, with read models on MongoDB, every collection of its database: no plain
    // personal data of that voter, and no sealed value of theirs opens.
    const sealedOfVoter: SealedValue[] = [];
    const scan = (row: unknown) => {
      const text = JSON.stringify(row);
      for (const secret of ['孙七', '13500004444', '110101199003071234', '桃园路1号'])
        expect(text).not.toContain(secret);
      sealedOfVoter.push(...sealedValuesIn(row).filter((s) => s.subject === goneOpinion.voterId));
    };
    const tables = await sql.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`,
      [sql.schema],
    );
    expect(tables.length).toBeGreaterThan(3);
    for (const { table_name } of tables) {
      const rows = await sql.query(
        `SELECT to_jsonb(t) AS row FROM "${sql.schema}"."${String(table_name)}" t`,
      );
      for (const { row } of rows) scan(row);
    }
    if (stores.env.MONGODB_URL) {
      const client = await new MongoClient(stores.env.MONGODB_URL).connect();
      try {
        const db = client.db();
        const collections = await db.listCollections({}, { nameOnly: true }).toArray();
        // the opinions read model is there, with the forgotten voter's opinion in it
        expect(collections.map((c) => c.name).some((name) => name.includes('opinions'))).toBe(true);
        let records = 0;
        for (const { name } of collections)
          for (const record of await db.collection(name).find({}).toArray()) {
            records += 1;
            scan(record);
          }
        expect(records).toBeGreaterThan(10);
      } finally {
        await client.close();
      }
    }
    const vault = new PersonalData(await SqlKeyVault.open(sql));
    expect(sealedOfVoter.length).toBeGreaterThan(0); // the event still holds the sealed contact...
    expect(await vault.openMany(sealedOfVoter)).toEqual(sealedOfVoter.map(() => null)); // ...which no one can open
    // ...while other voters' data still opens
    const others = (await platform.eventStore.readAll())
      .flatMap((e) => sealedValuesIn(e.data))
      .filter((s) => s.subject !== goneOpinion.voterId);
    expect((await vault.openMany(others)).every((value) => value !== null)).toBe(true);

    // The history still reads and every stream's hash chain verifies.
    const history = await platform.eventStore.readAll();
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of history)
      byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
    for (const events of byStream.values()) {
      events.forEach((event, i) => {
        expect(event.previousHash).toBe(i === 0 ? GENESIS_HASH : events[i - 1]!.hash);
        expect(eventHash(event)).toBe(event.hash);
      });
    }
    expect(history.filter((e) => e.type === 'VoterContactViewed')).toHaveLength(1);
    expect(history.filter((e) => e.type === 'OpinionReceived')).toHaveLength(8);

    // The figures of this run, computed by hand (docs/case-figures.md).
    const figures = async (scope: string, id: string, period = '2026-03') =>
      (
        await call(
          `query($scope: FigureScope!, $id: ID!, $period: String!) { caseFigures(scope: $scope, id: $id, period: $period) {
            votersReceived opinions answeredOnTheSpot suggestionsDrafted assigned replied closed resolved meetingsComplete
            ratings satisfiedRatings overdue replyRate completionRate meetingRate satisfactionRate averageHandlingWorkingDays
            overdueWorkingDays } }`,
          { scope, id, period },
          office,
        )
      ).caseFigures;
    const township2026 = {
      votersReceived: 4, // r1-r3 and the on-the-spot reception
      opinions: 8, // online 2, reception 4, phone 1, WeChat 1 (the duplicate is not one)
      answeredOnTheSpot: 1,
      suggestionsDrafted: 4,
      assigned: 4, // the transfer is not a second assignment of the case
      replied: 3, // s3's second reply does not count again
      closed: 3,
      resolved: 2, // s1 and s3 closed on A; s2 on B
      meetingsComplete: 1,
      ratings: 4, // s1 voter, s2 deputy, s3 voter twice
      satisfiedRatings: 3,
      overdue: 1,
      replyRate: 0.75,
      completionRate: 0.75,
      meetingRate: 0.25,
      satisfactionRate: 0.75,
      averageHandlingWorkingDays: 3.6667, // (2 + 5 + 4) / 3 working days
      overdueWorkingDays: 0,
    };
    expect(await figures('JURISDICTION', township)).toEqual(township2026);
    expect(await figures('JURISDICTION', county, '2026')).toEqual(township2026);
    expect(await figures('STATION', online)).toMatchObject({
      opinions: 2,
      votersReceived: 0,
      suggestionsDrafted: 1,
      closed: 1,
    });
    expect(await figures('UNIT', 'u3')).toMatchObject({
      assigned: 1,
      replied: 1,
      closed: 1,
      resolved: 0,
      replyRate: 1,
      averageHandlingWorkingDays: 5,
    });
    expect(await figures('UNIT', 'u2')).toMatchObject({ assigned: 1, replied: 0, replyRate: 0 });
    expect(await figures('UNIT', 'u4')).toMatchObject({ assigned: 1, overdue: 1, replyRate: 0 });
  });

  /** A county suggestion drafted by station staff from one anonymous opinion received at the centre station. */
  async function countyCase(text: string, title: string) {
    const received = await receive(
      {
        channel: 'RECEPTION',
        stationId: centre,
        deputyIds: ['d1'],
        category: 'parks',
        text,
        voter: { anonymous: true },
      },
      staff,
    );
    return ok(
      'draftSuggestion',
      'DraftSuggestionInput',
      {
        opinionIds: [received.opinion.id],
        title,
        summary: `${title}: repair or build`,
        category: 'parks',
        tier: 'COUNTY',
        deputyIds: ['d1'],
      },
      staff,
    );
  }

  it('counts a deadline on the calendar of the office that assigned it', async () => {
    at('2026-03-23T02:00:00Z'); // Monday 10:00 in Beijing
    const s = await countyCase('公园长椅坏了', 'Park benches');
    // five working days from Monday on the national calendar: the next Monday
    expect(
      (await ok('assignSuggestion', 'AssignSuggestionInput', assign(s.id, 'u5', 5), office)).deadline,
    ).toBe('2026-03-30');
    const declared = await call(
      `mutation($input: DeclareOfficeCalendarDayInput!) { declareOfficeCalendarDay(input: $input) { userErrors { code } } }`,
      { input: { jurisdictionId: county, date: '2026-03-25', kind: 'HOLIDAY', name: 'Flood clean-up' } },
      office,
    );
    expect(declared.declareOfficeCalendarDay.userErrors).toEqual([]);
    // the county office's Wednesday off moves the same count by one working day
    const moved = await ok(
      'transferSuggestion',
      'TransferSuggestionInput',
      { ...assign(s.id, 'u6', 5), reason: 'Parks bureau owns the benches' },
      office,
    );
    expect(moved.deadline).toBe('2026-03-31');
  });

  it('keeps a registry of handling units, and assigns only to active ones', async () => {
    at('2026-03-24T02:00:00Z');
    const unitOp = async (name: string, input: string, variables: Record<string, unknown>, bearer = office) =>
      (
        await call(
          `mutation($input: ${input}!) { ${name}(input: $input) { userErrors { code } unit { unitId name status mergedInto } } }`,
          { input: variables },
          bearer,
        )
      )[name];
    const registered = await call(
      REGISTER_UNIT,
      {
        input: {
          unitId: 'nanshan-parks',
          name: '南山区公园管理中心',
          jurisdictionId: county,
          tier: 'COUNTY',
        },
      },
      office,
    );
    expect(registered.registerHandlingUnit).toEqual({
      userErrors: [],
      unit: {
        unitId: 'nanshan-parks',
        name: '南山区公园管理中心',
        tier: 'COUNTY',
        status: 'ACTIVE',
        jurisdictionId: county,
      },
    });
    const again = await call(
      REGISTER_UNIT,
      {
        input: { unitId: 'nanshan-parks', name: 'x', jurisdictionId: county, tier: 'COUNTY' },
      },
      office,
    );
    expect(again.registerHandlingUnit.userErrors).toEqual([{ code: 'UNIT_ALREADY_REGISTERED' }]);
    // a township's station staff cannot change the registry
    expect(
      (
        await graphql(
          url,
          REGISTER_UNIT,
          { input: { unitId: 'x1', name: 'x', jurisdictionId: township, tier: 'TOWNSHIP' } },
          staff,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      await unitOp('renameHandlingUnit', 'RenameHandlingUnitInput', {
        unitId: 'nanshan-parks',
        name: '南山区公园管理局',
      }),
    ).toMatchObject({ userErrors: [], unit: { name: '南山区公园管理局', status: 'ACTIVE' } });
    expect(
      await unitOp('retireHandlingUnit', 'RetireHandlingUnitInput', { unitId: 'u5', reason: 'abolished' }),
    ).toMatchObject({ userErrors: [], unit: { status: 'RETIRED' } });
    expect(
      await unitOp('mergeHandlingUnit', 'MergeHandlingUnitInput', {
        unitId: 'u2',
        intoUnitId: 'u3',
        reason: 'one water bureau',
      }),
    ).toMatchObject({ userErrors: [], unit: { status: 'MERGED', mergedInto: 'u3' } });
    // a township office cannot hand its unit's work to a county department
    const townshipOffice = await token({
      userId: 'office-2',
      roles: ['congress-office'],
      jurisdictionId: fromGlobal(township),
    });
    const mergeUp = await graphql(
      url,
      `
        mutation ($input: MergeHandlingUnitInput!) {
          mergeHandlingUnit(input: $input) {
            userErrors {
              code
            }
          }
        }
      `,
      { input: { unitId: 'u1', intoUnitId: 'u3', reason: 'x' } },
      townshipOffice,
    );
    expect(mergeUp.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const registry = await call(
      `query($f: HandlingUnitFilter) { handlingUnits(filter: $f, first: 20) { totalCount nodes { unitId status } } }`,
      { f: { jurisdictionId: county, status: 'ACTIVE' } },
      office,
    );
    expect(registry.handlingUnits.nodes.map((n: { unitId: string }) => n.unitId).sort()).toEqual(
      ['nanshan-parks', 'u1', 'u3', 'u4', 'u6'].sort(),
    );

    const s = await countyCase('公园厕所太少', 'Park toilets');
    const refused = async (name: string, input: string, variables: Record<string, unknown>) =>
      (await call(payload(name, input), { input: variables }, office))[name].userErrors[0]?.code;
    expect(await refused('assignSuggestion', 'AssignSuggestionInput', assign(s.id, 'ghost', 5))).toBe(
      'UNIT_NOT_REGISTERED',
    );
    expect(await refused('assignSuggestion', 'AssignSuggestionInput', assign(s.id, 'u5', 5))).toBe(
      'UNIT_RETIRED',
    );
    expect(await refused('assignSuggestion', 'AssignSuggestionInput', assign(s.id, 'u2', 5))).toBe(
      'UNIT_RETIRED',
    );
    expect(
      await refused('assignSuggestion', 'AssignSuggestionInput', {
        ...assign(s.id, 'u6', 5),
        coHandlers: [{ unitId: 'ghost', name: 'Ghost' }],
      }),
    ).toBe('UNIT_NOT_REGISTERED');
    // the registered name wins over the one the caller typed
    const assigned = await ok(
      'assignSuggestion',
      'AssignSuggestionInput',
      assign(s.id, 'nanshan-parks', 5),
      office,
    );
    expect(assigned.leadUnit).toEqual({ unitId: 'nanshan-parks', name: '南山区公园管理局' });
    expect(
      await refused('transferSuggestion', 'TransferSuggestionInput', {
        ...assign(s.id, 'u5', 5),
        reason: 'x',
      }),
    ).toBe('UNIT_RETIRED');
  });

  it('validates and limits public intake', async () => {
    const bad = await receive({
      channel: 'PHONE',
      stationId: online,
      category: 'x',
      text: 'y',
      voter: { anonymous: true },
    });
    expect(bad.userErrors[0].code).toBe('PUBLIC_CHANNEL_ONLY_ONLINE');
    const invalid = await receive({
      channel: 'ONLINE',
      stationId: online,
      category: 'x',
      text: 'y',
      voter: { anonymous: false, phone: 'call me' },
    });
    expect(invalid.userErrors[0].code).toBe('INVALID_PHONE');
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const sent = await receive({
        channel: 'ONLINE',
        stationId: online,
        category: 'x',
        text: `opinion ${i}`,
        voter: voter('周八', '13300005555'),
      });
      codes.push(sent.userErrors[0]?.code ?? 'OK');
    }
    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'RATE_LIMITED']);
  });
});
