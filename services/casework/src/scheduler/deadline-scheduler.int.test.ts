// Deadline events are raised exactly once each: two schedulers ticking together, then a restarted one.
import { CommandHandler } from '@liaison/decider';
import { SqlEventStore } from '@liaison/eventstore';
import { PersonalData, SqlKeyVault } from '@liaison/personal-data';
import { Projector } from '@liaison/projector';
import { SqlReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { handlingUnitDecider } from '../units/decider.js';
import { HandlingUnitService } from '../units/service.js';
import { opinionDecider } from '../opinions/decider.js';
import { OpinionService } from '../opinions/service.js';
import { metadataFor } from '../shared/command-metadata.js';
import { DEFAULT_CASEWORK_SETTINGS, type CaseworkDeps } from '../shared/module-deps.js';
import { sameForEveryOffice, weekdayCalendar } from '../shared/working-days.js';
import { suggestionDecider } from '../suggestions/decider.js';
import { suggestionStream } from '../suggestions/events.js';
import { suggestionsProjection } from '../suggestions/projection.js';
import { SuggestionService } from '../suggestions/service.js';
import { DeadlineScheduler } from './deadline-scheduler.js';

const CASES = 12;
const assignedAt = '2026-03-02T02:00:00.000Z'; // Monday; a 2-working-day deadline is Wednesday 2026-03-04
const tickAt = new Date('2026-03-06T02:00:00.000Z'); // Friday: near, overdue and 2 working days late

describe.each(testSqlTargets())('DeadlineScheduler on $name', (target) => {
  let sql: SqlClient;
  let eventStore: SqlEventStore;
  let readStore: SqlReadStore;
  let projector: Projector;
  let deps: CaseworkDeps;

  /** A scheduler as a separate process would have it: its own handlers and caches over the shared stores. */
  function schedulerProcess(): DeadlineScheduler {
    const opinions = new OpinionService(new CommandHandler(eventStore, opinionDecider), deps);
    return new DeadlineScheduler(
      new SuggestionService(
        new CommandHandler(eventStore, suggestionDecider),
        opinions,
        new HandlingUnitService(new CommandHandler(eventStore, handlingUnitDecider), deps),
        deps,
      ),
      deps,
    );
  }

  async function count(type: string): Promise<number> {
    return (await eventStore.readAll()).filter((event) => event.type === type).length;
  }

  beforeAll(async () => {
    sql = await target.open();
    eventStore = await SqlEventStore.open(sql);
    readStore = await SqlReadStore.open(sql);
    deps = {
      readStore,
      personalData: new PersonalData(await SqlKeyVault.open(sql)),
      calendars: sameForEveryOffice(weekdayCalendar),
      settings: DEFAULT_CASEWORK_SETTINGS,
      waitForPosition: () => Promise.resolve(true),
      readYourWritesTimeoutMs: 0,
      now: () => tickAt,
    };
    projector = new Projector(eventStore, readStore, [suggestionsProjection(5)]);
    await projector.start();
    const handler = new CommandHandler(eventStore, suggestionDecider);
    let last = 0;
    for (let i = 0; i < CASES; i++) {
      const id = `g${i}`;
      const metadata = (step: string) => metadataFor({ commandId: `${step}-${id}`, now: assignedAt });
      await handler.handle(suggestionStream(id), {
        type: 'DraftSuggestion',
        data: {
          suggestionId: id,
          title: 'Lights',
          summary: 'Fix the lights',
          category: 'lighting',
          tier: 'township',
          deputyIds: [],
          opinions: [
            {
              opinionId: `o${i}`,
              status: 'pending',
              voterId: `v${i}`,
              consentToContact: false,
              channel: 'online',
              stationId: 's1',
              jurisdictionId: 't1',
              jurisdictionPath: '/p/c1/t1/',
            },
          ],
        },
        metadata: metadata('draft'),
      });
      const outcome = await handler.handle(suggestionStream(id), {
        type: 'AssignSuggestion',
        data: {
          unitStatuses: { u1: 'active', u2: 'active', u3: 'active', u4: 'active' },
          leadUnit: { unitId: 'u1', name: 'Roads office' },
          coHandlers: [],
          responsiblePerson: 'Director Li',
          deadline: { assignedOn: '2026-03-02', date: '2026-03-04', workingDays: 2, calendarOfficeId: 't1' },
          key: false,
          supervisingLeaders: [],
        },
        metadata: metadata('assign'),
      });
      if (outcome.ok) last = outcome.globalPosition;
    }
    await projector.waitFor(last, 10_000);
  });

  afterAll(async () => {
    await projector.stop();
    await eventStore.close();
    await readStore.close();
    await target.dispose(sql);
  });

  it('raises nothing before a deadline is near', async () => {
    expect(await schedulerProcess().tick(new Date('2026-02-20T02:00:00.000Z'))).toEqual({
      deadlineNear: 0,
      overdue: 0,
      escalated: 0,
      feedbackOverdue: 0,
    });
    expect(await count('AssignmentDeadlineNear')).toBe(0);
  });

  it('raises each event once per assignment across two concurrent schedulers and a restart', async () => {
    const [a, b] = await Promise.all([schedulerProcess().tick(tickAt), schedulerProcess().tick(tickAt)]);
    expect(a.deadlineNear + b.deadlineNear).toBe(CASES);
    expect(a.overdue + b.overdue).toBe(CASES);
    expect(a.escalated + b.escalated).toBe(CASES);

    // A restarted scheduler, before or after the read model catches up, raises nothing new.
    const restarted = schedulerProcess();
    expect(await restarted.tick(tickAt)).toEqual({
      deadlineNear: 0,
      overdue: 0,
      escalated: 0,
      feedbackOverdue: 0,
    });
    const head = Math.max(...(await eventStore.readAll()).map((event) => event.globalPosition));
    await projector.waitFor(head, 10_000);
    expect(await schedulerProcess().tick(tickAt)).toEqual({
      deadlineNear: 0,
      overdue: 0,
      escalated: 0,
      feedbackOverdue: 0,
    });

    expect(await count('AssignmentDeadlineNear')).toBe(CASES);
    expect(await count('AssignmentOverdue')).toBe(CASES);
    expect(await count('OverdueAssignmentEscalated')).toBe(CASES);
    const escalated = (await eventStore.readAll()).find(
      (event) => event.type === 'OverdueAssignmentEscalated',
    );
    expect(escalated?.data).toMatchObject({ assignmentNo: 1, supervisingJurisdictionId: 'c1' });
  });
  it('flags feedback owed past its due date once per reply', async () => {
    const handler = new CommandHandler(eventStore, suggestionDecider);
    const meta = (step: string, now: string) => metadataFor({ commandId: `${step}-fb`, now });
    await handler.handle(suggestionStream('fb'), {
      type: 'DraftSuggestion',
      data: {
        suggestionId: 'fb',
        title: 'Bus stop',
        summary: 'Add a shelter',
        category: 'transport',
        tier: 'township',
        deputyIds: [],
        opinions: [
          {
            opinionId: 'o-fb',
            status: 'pending',
            voterId: 'v-fb',
            consentToContact: true,
            channel: 'online',
            stationId: 's1',
            jurisdictionId: 't1',
            jurisdictionPath: '/p/c1/t1/',
          },
        ],
      },
      metadata: meta('draft', assignedAt),
    });
    await handler.handle(suggestionStream('fb'), {
      type: 'AssignSuggestion',
      data: {
        unitStatuses: { u1: 'active', u2: 'active', u3: 'active', u4: 'active' },
        leadUnit: { unitId: 'u2', name: 'Transport office' },
        coHandlers: [],
        responsiblePerson: 'Director Wu',
        deadline: { assignedOn: '2026-03-02', date: '2026-03-16', workingDays: 10, calendarOfficeId: 't1' },
        key: false,
        supervisingLeaders: [],
      },
      metadata: meta('assign', assignedAt),
    });
    await handler.handle(suggestionStream('fb'), {
      type: 'AcceptAssignment',
      data: { unitId: 'u2' },
      metadata: meta('accept', assignedAt),
    });
    const replied = await handler.handle(suggestionStream('fb'), {
      type: 'GiveReply',
      data: {
        unitId: 'u2',
        replyClass: 'A',
        text: 'Shelter built',
        attachments: [],
        workingDaysTaken: 1,
        workingDaysLate: 0,
      },
      metadata: meta('reply', '2026-03-03T02:00:00.000Z'),
    });
    if (replied.ok) await projector.waitFor(replied.globalPosition, 10_000);
    // due 2026-03-08 (5 days after the reply): nothing on the 8th, flagged on the 9th, once
    expect((await schedulerProcess().tick(new Date('2026-03-08T02:00:00.000Z'))).feedbackOverdue).toBe(0);
    const [a, b] = await Promise.all([
      schedulerProcess().tick(new Date('2026-03-09T02:00:00.000Z')),
      schedulerProcess().tick(new Date('2026-03-09T02:00:00.000Z')),
    ]);
    expect(a.feedbackOverdue + b.feedbackOverdue).toBe(1);
    expect(await count('VoterFeedbackOverdue')).toBe(1);
  });
});
