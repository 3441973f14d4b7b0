// Activities, assessments and performance records end to end through HTTP, with exact figures and subtree scope.
import { loadJwtConfig, mintToken, type Principal } from '@liaison/auth';
import type { Platform } from '@liaison/standalone';
import { closeStoreTargets, testStoreTargets, type StoreTarget } from '@liaison/testing';
import { graphql } from './graphql-client.js';
import { FIVE_STAR_THRESHOLDS, operations } from './mutations.js';
import { startTestPlatform, type TestPlatform } from './test-platform.js';

const global = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const raw = (globalId: string) =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':').slice(1).join(':');
/** Deputies d1…d5 by key, as global ids once registered. */
const deputyIds: Record<string, string> = {};
const deputy = (key: string) => deputyIds[key] ?? global('Deputy', `unregistered-${key}`);
const photo = {
  attachmentId: 'file-42',
  name: 'inspection.jpg',
  mediaType: 'image/jpeg',
  size: 482_113,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
};

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())(
  'activities, assessments and records through HTTP on $name',
  (target: StoreTarget) => {
    let world: TestPlatform;
    let platform: Platform;
    let url: string;
    let clock = new Date('2026-03-01T00:00:00.000Z');
    const jwt = loadJwtConfig({});
    const token = (principal: Principal) => mintToken(jwt, principal, { expiresIn: '10m' });

    beforeAll(async () => {
      world = await startTestPlatform(target, {}, { now: () => clock });
      platform = world.platform;
      url = platform.url!;
    });

    afterAll(async () => {
      await world.close();
    });

    const { ok, mutate, userErrors, registerJurisdiction } = operations(() => url);

    it('walks a year of activities, an assessment and the records, each office within its own subtree', async () => {
      const admin = await token({ userId: 'admin-1', roles: ['admin'], jurisdictionId: null });
      const jurisdiction = (name: string, level: string, parentId?: string) =>
        registerJurisdiction(name, level, parentId, admin);
      const province = await jurisdiction('Guangdong', 'PROVINCE');
      const city = await jurisdiction('Shenzhen', 'CITY', province);
      const county = await jurisdiction('Nanshan', 'COUNTY', city);
      const shekou = await jurisdiction('Shekou', 'TOWNSHIP', county);
      const yuehai = await jurisdiction('Yuehai', 'TOWNSHIP', county);
      const station = async (jurisdictionId: string, name: string) =>
        (await mutate('registerStation', { jurisdictionId, name, kind: 'CENTRE' }, 'station { id }', admin))
          .station.id as string;
      const shekouCentre = await station(shekou, 'Shekou Centre Station');
      const yuehaiCentre = await station(yuehai, 'Yuehai Centre Station');

      for (const key of ['d1', 'd2', 'd3', 'd4', 'd5']) {
        const registered = await mutate(
          'registerDeputy',
          {
            jurisdictionId: county,
            name: `Deputy ${key}`,
            level: 'COUNTY',
            constituency: 'Nanshan',
            term: { number: 7, startsOn: '2022-01-01', endsOn: null },
          },
          'deputy { id }',
          admin,
        );
        deputyIds[key] = registered.deputy.id as string;
      }
      const countyOffice = await token({
        userId: 'office-1',
        roles: ['congress-office'],
        jurisdictionId: raw(county),
      });
      const shekouStaff = await token({
        userId: 'staff-1',
        roles: ['station-staff'],
        jurisdictionId: raw(shekou),
      });
      const yuehaiStaff = await token({
        userId: 'staff-2',
        roles: ['station-staff'],
        jurisdictionId: raw(yuehai),
      });
      const d1 = await token({ userId: raw(deputy('d1')), roles: ['deputy'], jurisdictionId: raw(shekou) });

      // --- an inspection at the Shekou station on 20 March ---
      const planned = await mutate(
        'planActivity',
        {
          kind: 'INSPECTION',
          title: 'Inspection of rural roads',
          subject: 'road maintenance',
          date: '2026-03-20',
          place: 'Shekou Centre Station',
          stationId: shekouCentre,
        },
        'activity { id status date }',
        shekouStaff,
      );
      const inspection = planned.activity.id as string;
      expect(planned.activity).toMatchObject({ status: 'PLANNED', date: '2026-03-20' });
      await mutate(
        'inviteActivityParticipants',
        { activityId: inspection, deputyIds: [deputy('d1'), deputy('d2'), deputy('d3')] },
        'activity { id }',
        shekouStaff,
      );
      expect(
        await userErrors(
          'inviteActivityParticipants',
          { activityId: inspection, deputyIds: [deputy('d9')] },
          shekouStaff,
        ),
      ).toEqual(['DEPUTY_NOT_FOUND']);
      // Yuehai's staff can neither see nor change it
      const foreign = await graphql(
        url,
        `
          mutation ($input: SignInToActivityInput!) {
            signInToActivity(input: $input) {
              userErrors {
                code
              }
            }
          }
        `,
        { input: { activityId: inspection, deputyId: deputy('d9') } },
        yuehaiStaff,
      );
      expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(
        (await ok(`query($id: ID!) { node(id: $id) { id } }`, { id: inspection }, yuehaiStaff)).node,
      ).toBeNull();

      clock = new Date('2026-03-20T01:30:00.000Z'); // 09:30 in Beijing
      await mutate(
        'signInToActivity',
        { activityId: inspection, deputyId: deputy('d1') },
        'activity { id }',
        d1,
      );
      clock = new Date('2026-03-20T02:00:00.000Z');
      await mutate(
        'signInToActivity',
        { activityId: inspection, deputyId: deputy('d2'), signedInAt: '2026-03-20T01:40:00.000Z' },
        'activity { id }',
        shekouStaff,
      );
      clock = new Date('2026-03-20T06:00:00.000Z');
      await mutate(
        'signInToActivity',
        { activityId: inspection, deputyId: deputy('d4') },
        'activity { id }',
        shekouStaff,
      );
      expect(
        await userErrors('signInToActivity', { activityId: inspection, deputyId: deputy('d1') }, shekouStaff),
      ).toEqual(['ALREADY_SIGNED_IN']);
      expect(
        await userErrors(
          'postponeActivity',
          { activityId: inspection, date: '2026-03-27', reason: 'rain' },
          shekouStaff,
        ),
      ).toEqual(['ACTIVITY_ALREADY_STARTED']);
      const held = await mutate(
        'recordActivityOutcome',
        { activityId: inspection, summary: 'Three road sections need repair', attachments: [photo] },
        'activity { status participants { deputyId invited signedInAt } outcome { summary } attachments { attachmentId sha256 size } }',
        shekouStaff,
      );
      expect(held.activity).toEqual({
        status: 'HELD',
        participants: [
          { deputyId: deputy('d1'), invited: true, signedInAt: '2026-03-20T01:30:00.000Z' },
          { deputyId: deputy('d2'), invited: true, signedInAt: '2026-03-20T01:40:00.000Z' },
          { deputyId: deputy('d3'), invited: true, signedInAt: null },
          { deputyId: deputy('d4'), invited: false, signedInAt: '2026-03-20T06:00:00.000Z' },
        ],
        outcome: { summary: 'Three road sections need repair' },
        attachments: [{ attachmentId: 'file-42', sha256: photo.sha256, size: 482_113 }],
      });
      expect(
        await userErrors(
          'addActivityAttachments',
          { activityId: inspection, attachments: [{ ...photo, sha256: 'nope' }] },
          shekouStaff,
        ),
      ).toEqual(['INVALID_ATTACHMENT']);

      // --- a county work evaluation on 10 June, no station hosting; and one cancelled ---
      const evaluation = (
        await mutate(
          'planActivity',
          {
            kind: 'WORK_EVALUATION',
            title: 'Evaluation of the housing bureau',
            subject: 'old-estate renovation',
            date: '2026-06-10',
            place: 'County hall',
            jurisdictionId: county,
          },
          'activity { id }',
          countyOffice,
        )
      ).activity.id as string;
      const cancelled = (
        await mutate(
          'planActivity',
          {
            kind: 'TRAINING',
            title: 'Training',
            subject: 'the new rules',
            date: '2026-06-11',
            place: 'Hall',
            jurisdictionId: county,
          },
          'activity { id }',
          countyOffice,
        )
      ).activity.id as string;
      await mutate(
        'cancelActivity',
        { activityId: cancelled, reason: 'trainer ill' },
        'activity { id }',
        countyOffice,
      );
      clock = new Date('2026-06-10T02:00:00.000Z');
      for (const id of ['d1', 'd5'])
        await mutate(
          'signInToActivity',
          { activityId: evaluation, deputyId: deputy(id) },
          'activity { id }',
          countyOffice,
        );

      const countyActivities = await ok(
        `{ activities(filter: { from: "2026-01-01", to: "2026-12-31" }) { totalCount nodes { title status } } }`,
        {},
        countyOffice,
      );
      expect(countyActivities.activities).toEqual({
        totalCount: 3,
        nodes: [
          { title: 'Inspection of rural roads', status: 'HELD' },
          { title: 'Evaluation of the housing bureau', status: 'PLANNED' },
          { title: 'Training', status: 'CANCELLED' },
        ],
      });
      expect((await ok(`{ activities { totalCount } }`, {}, yuehaiStaff)).activities.totalCount).toBe(0);

      // --- records ---
      const RECORD = `query($d: ID!) { deputyRecord(deputyId: $d, from: "2026-01", to: "2026-12") {
      figures { activities dutyDays attendanceRate } months { month figures { activities } } activities { id date activity { kind } } } }`;
      const record = (await ok(RECORD, { d: deputy('d1') }, countyOffice)).deputyRecord;
      expect(record.figures).toEqual({ activities: 2, dutyDays: 0, attendanceRate: null });
      expect(record.months.filter((m: any) => m.figures.activities > 0)).toEqual([
        { month: '2026-03', figures: { activities: 1 } },
        { month: '2026-06', figures: { activities: 1 } },
      ]);
      expect(record.activities).toEqual([
        { id: inspection, date: '2026-03-20', activity: { kind: 'INSPECTION' } },
        { id: evaluation, date: '2026-06-10', activity: { kind: 'WORK_EVALUATION' } },
      ]);
      expect((await ok(RECORD, { d: deputy('d1') }, d1)).deputyRecord.figures.activities).toBe(2);
      const outside = await graphql(url, RECORD, { d: deputy('d2') }, yuehaiStaff);
      expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const REPORT = `query($j: ID) { attendanceReport(jurisdictionId: $j, from: "2026-01", to: "2026-12") {
      totals { activities }
      stations { totalCount nodes { station { name } jurisdiction { name } figures { activities } } }
      deputies(first: 10) { totalCount nodes { deputyId deputy { name } figures { activities } } } } }`;
      const countyReport = (await ok(REPORT, { j: county }, countyOffice)).attendanceReport;
      expect(countyReport.totals).toEqual({ activities: 5 });
      expect(countyReport.stations).toEqual({
        totalCount: 2,
        nodes: [
          { station: null, jurisdiction: { name: 'Nanshan' }, figures: { activities: 2 } },
          {
            station: { name: 'Shekou Centre Station' },
            jurisdiction: { name: 'Shekou' },
            figures: { activities: 3 },
          },
        ],
      });
      // rows come by deputy id; compare them by name
      expect(countyReport.deputies.totalCount).toBe(4);
      expect(
        countyReport.deputies.nodes
          .map((row: any) => [
            row.deputy.name,
            row.figures.activities,
            row.deputyId === deputy(row.deputy.name.slice(-2)),
          ])
          .sort(),
      ).toEqual([
        ['Deputy d1', 2, true],
        ['Deputy d2', 1, true],
        ['Deputy d4', 1, true],
        ['Deputy d5', 1, true],
      ]);
      expect((await ok(REPORT, { j: null }, shekouStaff)).attendanceReport.totals).toEqual({ activities: 3 });
      expect((await ok(REPORT, { j: null }, yuehaiStaff)).attendanceReport.totals).toEqual({ activities: 0 });
      const peek = await graphql(url, REPORT, { j: shekou }, yuehaiStaff);
      expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      // --- assessment against the nine haves, stars by the county's scale, ranking ---
      clock = new Date('2026-12-20T02:00:00.000Z');
      const checklist = (
        await mutate(
          'publishChecklist',
          { jurisdictionId: county, name: 'Nine haves (Nanshan)', template: 'NINE_HAVES' },
          'checklist { id current { version maxScore items { code maxScore } } }',
          countyOffice,
        )
      ).checklist;
      expect(checklist.current.version).toBe(1);
      expect(checklist.current.maxScore).toBe(100);
      expect(checklist.current.items.map((i: { code: string }) => i.code)).toEqual([
        'premises',
        'sign',
        'rules',
        'staff',
        'funds',
        'plan',
        'activities',
        'ledgers',
        'results',
      ]);
      await mutate(
        'setStarRatingScale',
        {
          jurisdictionId: county,
          thresholds: FIVE_STAR_THRESHOLDS,
        },
        'scale { setBy }',
        countyOffice,
      );
      const denied = await graphql(
        url,
        `
          mutation ($input: OpenAssessmentInput!) {
            openAssessment(input: $input) {
              userErrors {
                code
              }
            }
          }
        `,
        { input: { stationId: shekouCentre, checklistId: checklist.id, period: '2026' } },
        shekouStaff,
      );
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const assess = async (stationId: string, scores: Record<string, number>) => {
        const opened = await mutate(
          'openAssessment',
          { stationId, checklistId: checklist.id, period: '2026' },
          'assessment { id status }',
          countyOffice,
        );
        const assessmentId = opened.assessment.id as string;
        expect(await userErrors('completeAssessment', { assessmentId }, countyOffice)).toEqual([
          'ITEMS_NOT_SCORED',
        ]);
        for (const [itemCode, score] of Object.entries(scores))
          await mutate(
            'scoreAssessmentItem',
            {
              assessmentId,
              itemCode,
              score,
              evidence: itemCode === 'ledgers' ? [{ ...photo, attachmentId: `ledger-${stationId}` }] : [],
            },
            'assessment { id }',
            countyOffice,
          );
        return (
          await mutate(
            'completeAssessment',
            { assessmentId },
            'assessment { result { totalScore maxScore percentage stars } }',
            countyOffice,
          )
        ).assessment.result;
      };
      const nine = (overrides: Record<string, number>) => ({
        premises: 15,
        sign: 10,
        rules: 10,
        staff: 10,
        funds: 10,
        plan: 10,
        activities: 15,
        ledgers: 10,
        results: 10,
        ...overrides,
      });
      expect(
        await assess(
          shekouCentre,
          nine({ premises: 14, rules: 9, funds: 8, activities: 13.5, ledgers: 9, results: 8 }),
        ),
      ).toEqual({
        totalScore: 91.5,
        maxScore: 100,
        percentage: 91.5,
        stars: 4,
      });
      expect(await assess(yuehaiCentre, nine({ results: 7 }))).toEqual({
        totalScore: 97,
        maxScore: 100,
        percentage: 97,
        stars: 5,
      });
      expect(
        await userErrors(
          'openAssessment',
          { stationId: shekouCentre, checklistId: checklist.id, period: '2026' },
          countyOffice,
        ),
      ).toEqual(['ASSESSMENT_ALREADY_OPENED']);

      const RANKING = `query($k: ID!, $j: ID) { assessmentRanking(checklistId: $k, period: "2026", jurisdictionId: $j) {
      totalCount nodes { rank percentage stars station { name } } } }`;
      expect((await ok(RANKING, { k: checklist.id, j: county }, countyOffice)).assessmentRanking).toEqual({
        totalCount: 2,
        nodes: [
          { rank: 1, percentage: 97, stars: 5, station: { name: 'Yuehai Centre Station' } },
          { rank: 2, percentage: 91.5, stars: 4, station: { name: 'Shekou Centre Station' } },
        ],
      });
      expect((await ok(RANKING, { k: checklist.id, j: null }, shekouStaff)).assessmentRanking.nodes).toEqual([
        { rank: 1, percentage: 91.5, stars: 4, station: { name: 'Shekou Centre Station' } },
      ]);
      const results = await ok(
        `{ assessmentResults(filter: { period: "2026" }) { totalCount nodes { station { name } result { stars }
         items { code score evidence { attachmentId } } } } }`,
        {},
        shekouStaff,
      );
      expect(results.assessmentResults.totalCount).toBe(1);
      expect(
        results.assessmentResults.nodes[0].items.find((i: { code: string }) => i.code === 'ledgers'),
      ).toEqual({
        code: 'ledgers',
        score: 9,
        evidence: [{ attachmentId: `ledger-${shekouCentre}` }],
      });
    });
  },
);
