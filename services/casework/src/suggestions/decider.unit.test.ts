import { deciderSpec, isDomainError } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import type { AssignmentInput, OpinionFacts, SuggestionCommand } from './commands.js';
import { suggestionDecider } from './decider.js';
import type { SuggestionEvent } from './events.js';

const spec = deciderSpec(suggestionDecider);
const metadata = metadataFor();
const cmd = <T extends SuggestionCommand['type']>(
  type: T,
  data: Extract<SuggestionCommand, { type: T }>['data'],
): SuggestionCommand => ({ type, data, metadata }) as SuggestionCommand;

const opinion = (n: number, overrides: Partial<OpinionFacts> = {}): OpinionFacts => ({
  opinionId: `o${n}`,
  status: 'pending',
  voterId: `v${n}`,
  consentToContact: true,
  channel: 'online',
  stationId: 's1',
  jurisdictionId: 't1',
  jurisdictionPath: '/p/c/t1/',
  ...overrides,
});
const draft = (
  tier: 'township' | 'county' | 'city' = 'township',
  opinions = [opinion(1)],
  deputyIds = ['d1'],
) =>
  cmd('DraftSuggestion', {
    suggestionId: 'g1',
    title: 'Fix potholes',
    category: 'roads',
    summary: 'Potholes',
    tier,
    opinions,
    deputyIds,
  });
const assignment = (unitId = 'u1', overrides: Partial<AssignmentInput> = {}): AssignmentInput => {
  const input = {
    leadUnit: { unitId, name: `Unit ${unitId}` },
    coHandlers: [],
    responsiblePerson: 'Director Li',
    deadline: { assignedOn: '2026-03-02', date: '2026-03-16', workingDays: 10, calendarOfficeId: 't1' },
    key: false,
    supervisingLeaders: [],
    ...overrides,
  };
  // every unit named is registered and active unless the test says otherwise
  const active = [input.leadUnit, ...input.coHandlers].map((unit) => [unit.unitId, 'active'] as const);
  return { unitStatuses: Object.fromEntries(active), ...input };
};
const scope = (unitId: string | null = 'u1') => ({ stationId: 's1', jurisdictionPath: '/p/c/t1/', unitId });

/** The events a sequence of commands produces, failing the test on any refusal. */
function history(...commands: SuggestionCommand[]): SuggestionEvent[] {
  const events: SuggestionEvent[] = [];
  let state = suggestionDecider.initialState();
  for (const command of commands) {
    const decision = suggestionDecider.decide(command, state);
    if (isDomainError(decision)) throw new Error(`${command.type}: ${decision.code} ${decision.message}`);
    for (const event of decision) {
      events.push(event);
      state = suggestionDecider.evolve(state, event);
    }
  }
  return events;
}

const drafted = history(draft());
const assigned = history(draft(), cmd('AssignSuggestion', assignment()));
const handling = history(
  draft(),
  cmd('AssignSuggestion', assignment()),
  cmd('AcceptAssignment', { unitId: 'u1' }),
);
const reply = (replyClass: 'A' | 'B' | 'C' = 'A', unitId = 'u1') =>
  cmd('GiveReply', {
    unitId,
    replyClass,
    text: 'Repaired',
    attachments: [],
    workingDaysTaken: 5,
    workingDaysLate: 0,
  });
const repliedA = history(
  draft(),
  cmd('AssignSuggestion', assignment()),
  cmd('AcceptAssignment', { unitId: 'u1' }),
  reply('A'),
);

describe('suggestion decider: drafting and routing', () => {
  it('drafts a township suggestion from one pending opinion, routed to the township body', () => {
    expect(drafted).toEqual([
      {
        type: 'SuggestionDrafted',
        data: {
          suggestionId: 'g1',
          title: 'Fix potholes',
          summary: 'Potholes',
          category: 'roads',
          tier: 'township',
          route: 'township-body',
          stationId: 's1',
          jurisdictionId: 't1',
          jurisdictionPath: '/p/c/t1/',
          opinionIds: ['o1'],
          voters: [{ opinionId: 'o1', voterId: 'v1', consentToContact: true }],
          deputyIds: ['d1'],
          channels: ['online'],
        },
      },
    ]);
  });

  it('merges three opinions into a county suggestion via the county liaison committee', () => {
    const [event] = history(
      draft('county', [opinion(1), opinion(2, { channel: 'phone' }), opinion(3, { channel: 'online' })]),
    );
    expect(event).toMatchObject({
      data: {
        route: 'county-liaison-committee',
        opinionIds: ['o1', 'o2', 'o3'],
        channels: ['online', 'phone'],
      },
    });
    const [city] = history(draft('city'));
    expect(city).toMatchObject({ data: { route: 'city-deputies-group-leader' } });
  });

  it.each([
    ['SUGGESTION_ALREADY_DRAFTED', drafted, draft()],
    ['OPINIONS_REQUIRED', [], draft('township', [])],
    ['DUPLICATE_OPINIONS', [], draft('township', [opinion(1), opinion(1)])],
    ['OPINION_NOT_PENDING', [], draft('township', [opinion(1, { status: 'answered' })])],
    ['OPINION_NOT_FOUND', [], draft('township', [opinion(1, { status: 'none' })])],
    ['DEPUTIES_REQUIRED', [], draft('county', [opinion(1)], [])],
    [
      'INVALID_TEXT',
      [],
      cmd('DraftSuggestion', {
        suggestionId: 'g1',
        title: ' ',
        category: 'x',
        summary: 'x',
        tier: 'township',
        opinions: [opinion(1)],
        deputyIds: [],
      }),
    ],
    ['SUGGESTION_NOT_FOUND', [], cmd('AssignSuggestion', assignment())],
  ] as Array<[string, SuggestionEvent[], SuggestionCommand]>)('refuses with %s', (code, given, command) => {
    spec.given(given).when(command).thenFails(code);
  });
});

describe('suggestion decider: assignment', () => {
  it('assigns a key suggestion to a lead unit with co-handlers and a working-day deadline', () => {
    spec
      .given(drafted)
      .when(
        cmd(
          'AssignSuggestion',
          assignment('u1', {
            key: true,
            supervisingLeaders: ['Vice mayor Wang'],
            coHandlers: [{ unitId: 'u2', name: 'Unit u2' }],
          }),
        ),
      )
      .then([
        {
          type: 'SuggestionAssigned',
          data: {
            suggestionId: 'g1',
            assignmentNo: 1,
            leadUnit: { unitId: 'u1', name: 'Unit u1' },
            coHandlers: [{ unitId: 'u2', name: 'Unit u2' }],
            responsiblePerson: 'Director Li',
            assignedOn: '2026-03-02',
            deadline: '2026-03-16',
            workingDays: 10,
            calendarOfficeId: 't1',
            key: true,
            supervisingLeaders: ['Vice mayor Wang'],
            scope: scope(),
          },
        },
      ]);
  });

  it.each([
    ['SUGGESTION_ALREADY_ASSIGNED', assigned, cmd('AssignSuggestion', assignment())],
    ['LEAD_UNIT_REQUIRED', drafted, cmd('AssignSuggestion', assignment(''))],
    [
      'LEAD_UNIT_AS_CO_HANDLER',
      drafted,
      cmd('AssignSuggestion', assignment('u1', { coHandlers: [{ unitId: 'u1', name: 'x' }] })),
    ],
    [
      'RESPONSIBLE_PERSON_REQUIRED',
      drafted,
      cmd('AssignSuggestion', assignment('u1', { responsiblePerson: ' ' })),
    ],
    [
      'INVALID_DEADLINE',
      drafted,
      cmd(
        'AssignSuggestion',
        assignment('u1', {
          deadline: { assignedOn: '2026-03-02', date: '2026-03-02', workingDays: 0, calendarOfficeId: 't1' },
        }),
      ),
    ],
    ['SUPERVISING_LEADERS_REQUIRED', drafted, cmd('AssignSuggestion', assignment('u1', { key: true }))],
    ['UNIT_NOT_REGISTERED', drafted, cmd('AssignSuggestion', assignment('u1', { unitStatuses: {} }))],
    ['UNIT_RETIRED', drafted, cmd('AssignSuggestion', assignment('u1', { unitStatuses: { u1: 'retired' } }))],
    ['UNIT_RETIRED', drafted, cmd('AssignSuggestion', assignment('u1', { unitStatuses: { u1: 'merged' } }))],
    [
      'UNIT_NOT_REGISTERED',
      drafted,
      cmd(
        'AssignSuggestion',
        assignment('u1', { coHandlers: [{ unitId: 'u7', name: 'x' }], unitStatuses: { u1: 'active' } }),
      ),
    ],
    [
      'UNIT_RETIRED',
      assigned,
      cmd('TransferSuggestion', {
        ...assignment('u2', { unitStatuses: { u2: 'retired' } }),
        reason: 'wrong unit',
      }),
    ],
    ['INVALID_STATUS', drafted, cmd('AcceptAssignment', { unitId: 'u1' })],
    ['NOT_LEAD_UNIT', assigned, cmd('AcceptAssignment', { unitId: 'u2' })],
    ['INVALID_STATUS', drafted, cmd('TransferSuggestion', { ...assignment('u2'), reason: 'wrong unit' })],
    ['SAME_UNIT', assigned, cmd('TransferSuggestion', { ...assignment('u1'), reason: 'wrong unit' })],
    ['INVALID_TEXT', assigned, cmd('TransferSuggestion', { ...assignment('u2'), reason: '' })],
    ['NOT_A_HIGHER_TIER', assigned, cmd('EscalateSuggestion', { toTier: 'township', reason: 'x' })],
    ['INVALID_TEXT', assigned, cmd('EscalateSuggestion', { toTier: 'county', reason: ' ' })],
    ['INVALID_STATUS', repliedA, cmd('EscalateSuggestion', { toTier: 'county', reason: 'x' })],
  ] as Array<[string, SuggestionEvent[], SuggestionCommand]>)('refuses with %s', (code, given, command) => {
    spec.given(given).when(command).thenFails(code);
  });

  it('accepts by the lead unit, then transfers to another unit as assignment 2 awaiting acceptance', () => {
    spec
      .given(assigned)
      .when(cmd('AcceptAssignment', { unitId: 'u1' }))
      .then([{ type: 'AssignmentAccepted', data: { suggestionId: 'g1', assignmentNo: 1, unitId: 'u1' } }]);
    const events = history(
      draft(),
      cmd('AssignSuggestion', assignment()),
      cmd('AcceptAssignment', { unitId: 'u1' }),
      cmd('TransferSuggestion', { ...assignment('u2'), reason: 'not ours' }),
    );
    expect(events.at(-1)).toMatchObject({
      type: 'SuggestionTransferred',
      data: {
        fromUnitId: 'u1',
        reason: 'not ours',
        assignment: { assignmentNo: 2, leadUnit: { unitId: 'u2' }, scope: scope('u2') },
      },
    });
    spec
      .given(events)
      .when(cmd('AcceptAssignment', { unitId: 'u1' }))
      .thenFails('NOT_LEAD_UNIT');
    spec
      .given(events)
      .when(cmd('AcceptAssignment', { unitId: 'u2' }))
      .then([{ type: 'AssignmentAccepted', data: { suggestionId: 'g1', assignmentNo: 2, unitId: 'u2' } }]);
  });

  it('escalates to a higher tier, dropping the assignment so the higher tier assigns anew', () => {
    const events = history(
      draft(),
      cmd('AssignSuggestion', assignment()),
      cmd('EscalateSuggestion', { toTier: 'county', reason: 'needs county funds' }),
    );
    expect(events.at(-1)).toEqual({
      type: 'SuggestionEscalated',
      data: {
        suggestionId: 'g1',
        fromTier: 'township',
        toTier: 'county',
        route: 'county-liaison-committee',
        reason: 'needs county funds',
      },
    });
    expect(
      history(
        draft(),
        cmd('AssignSuggestion', assignment()),
        cmd('EscalateSuggestion', { toTier: 'county', reason: 'x' }),
        cmd('AssignSuggestion', assignment('u9')),
      ).at(-1),
    ).toMatchObject({
      data: { assignmentNo: 2, leadUnit: { unitId: 'u9' } },
    });
    spec
      .given(history(draft('township', [opinion(1)], [])))
      .when(cmd('EscalateSuggestion', { toTier: 'city', reason: 'x' }))
      .thenFails('DEPUTIES_REQUIRED');
  });

  it('records the three meetings with the deputy, flagging the one that completes them', () => {
    const meet = (stage: 'acceptance' | 'handling' | 'before-reply') =>
      cmd('RecordDeputyMeeting', { stage, deputyId: 'd1', notes: 'met' });
    const events = history(
      draft(),
      cmd('AssignSuggestion', assignment()),
      meet('acceptance'),
      cmd('AcceptAssignment', { unitId: 'u1' }),
      meet('handling'),
      meet('handling'),
      meet('before-reply'),
      meet('before-reply'),
    );
    const flags = events
      .filter((e) => e.type === 'DeputyMeetingRecorded')
      .map((e) => (e.data as { allStagesMet: boolean }).allStagesMet);
    expect(flags).toEqual([false, false, false, true, false]);
    spec
      .given(assigned)
      .when(cmd('RecordDeputyMeeting', { stage: 'acceptance', deputyId: 'd9', notes: 'x' }))
      .thenFails('NOT_A_DEPUTY_OF_SUGGESTION');
    spec.given(drafted).when(meet('acceptance')).thenFails('INVALID_STATUS');
    spec
      .given(assigned)
      .when(cmd('RecordDeputyMeeting', { stage: 'acceptance', deputyId: 'd1', notes: '' }))
      .thenFails('INVALID_TEXT');
  });
});

describe('suggestion decider: handling and replies', () => {
  it('takes progress reports from the lead unit while handling', () => {
    spec
      .given(handling)
      .when(cmd('ReportProgress', { unitId: 'u1', text: 'surveyed' }))
      .then([{ type: 'ProgressReported', data: { suggestionId: 'g1', unitId: 'u1', text: 'surveyed' } }]);
    spec
      .given(assigned)
      .when(cmd('ReportProgress', { unitId: 'u1', text: 'x' }))
      .thenFails('INVALID_STATUS');
    spec
      .given(handling)
      .when(cmd('ReportProgress', { unitId: 'u2', text: 'x' }))
      .thenFails('NOT_LEAD_UNIT');
  });

  it('gives a B reply that owes a follow-up; the follow-up is given once', () => {
    const events = history(
      ...[draft(), cmd('AssignSuggestion', assignment()), cmd('AcceptAssignment', { unitId: 'u1' })],
    );
    spec
      .given(events)
      .when(reply('B'))
      .then([
        {
          type: 'ReplyGiven',
          data: {
            suggestionId: 'g1',
            replyNo: 1,
            unitId: 'u1',
            replyClass: 'B',
            text: 'Repaired',
            attachments: [],
            followUpOwed: true,
            workingDaysTaken: 5,
            workingDaysLate: 0,
            scope: scope(),
          },
        },
      ]);
    const afterB = history(
      draft(),
      cmd('AssignSuggestion', assignment()),
      cmd('AcceptAssignment', { unitId: 'u1' }),
      reply('B'),
    );
    spec
      .given(afterB)
      .when(cmd('GiveFollowUp', { unitId: 'u1', text: 'done' }))
      .then([{ type: 'FollowUpGiven', data: { suggestionId: 'g1', unitId: 'u1', text: 'done' } }]);
    spec
      .given(repliedA)
      .when(cmd('GiveFollowUp', { unitId: 'u1', text: 'done' }))
      .thenFails('NO_FOLLOW_UP_OWED');
    spec
      .given(afterB)
      .when(cmd('CloseSuggestion', { onSite: false, handlingWorkingDays: 5 }))
      .thenFails('FOLLOW_UP_OUTSTANDING');
  });

  it.each([
    ['INVALID_STATUS', assigned, reply()],
    ['NOT_LEAD_UNIT', handling, reply('A', 'u2')],
    [
      'INVALID_TEXT',
      handling,
      cmd('GiveReply', {
        unitId: 'u1',
        replyClass: 'A',
        text: ' ',
        attachments: [],
        workingDaysTaken: 1,
        workingDaysLate: 0,
      }),
    ],
    ['INVALID_STATUS', handling, cmd('GiveFollowUp', { unitId: 'u1', text: 'x' })],
    ['INVALID_STATUS', handling, cmd('InformVoter', { opinionId: 'o1', note: 'phoned' })],
    ['OPINION_NOT_IN_SUGGESTION', repliedA, cmd('InformVoter', { opinionId: 'o9', note: 'phoned' })],
    [
      'INVALID_STATUS',
      handling,
      cmd('RateSatisfaction', { by: 'voter', raterId: 'v1', rating: 'satisfied' }),
    ],
    [
      'NOT_A_DEPUTY_OF_SUGGESTION',
      repliedA,
      cmd('RateSatisfaction', { by: 'deputy', raterId: 'd9', rating: 'satisfied' }),
    ],
    [
      'NOT_A_VOTER_OF_SUGGESTION',
      repliedA,
      cmd('RateSatisfaction', { by: 'voter', raterId: 'v9', rating: 'satisfied' }),
    ],
    ['INVALID_STATUS', handling, cmd('SignOnSite', { party: 'deputy', signerId: 'd1' })],
    ['SIGNER_REQUIRED', repliedA, cmd('SignOnSite', { party: 'deputy', signerId: ' ' })],
    ['INVALID_STATUS', handling, cmd('ReopenSuggestion', { reason: 'x' })],
    ['INVALID_TEXT', repliedA, cmd('ReopenSuggestion', { reason: '' })],
    ['NOT_REPLIED', handling, cmd('CloseSuggestion', { onSite: false, handlingWorkingDays: 1 })],
    ['VOTERS_NOT_INFORMED', repliedA, cmd('CloseSuggestion', { onSite: false, handlingWorkingDays: 1 })],
    ['SIGN_OFF_INCOMPLETE', repliedA, cmd('CloseSuggestion', { onSite: true, handlingWorkingDays: 1 })],
  ] as Array<[string, SuggestionEvent[], SuggestionCommand]>)('refuses with %s', (code, given, command) => {
    spec.given(given).when(command).thenFails(code);
  });

  it('informs the voter once per reply, and not without consent', () => {
    spec
      .given(repliedA)
      .when(cmd('InformVoter', { opinionId: 'o1', note: ' phoned ' }))
      .then([
        { type: 'VoterInformed', data: { suggestionId: 'g1', opinionId: 'o1', replyNo: 1, note: 'phoned' } },
      ]);
    const informed = [
      ...repliedA,
      {
        type: 'VoterInformed',
        data: { suggestionId: 'g1', opinionId: 'o1', replyNo: 1, note: 'x' },
      } as SuggestionEvent,
    ];
    spec
      .given(informed)
      .when(cmd('InformVoter', { opinionId: 'o1', note: 'again' }))
      .thenFails('VOTER_ALREADY_INFORMED');
    const noConsent = history(
      draft('township', [opinion(1, { consentToContact: false })]),
      cmd('AssignSuggestion', assignment()),
      cmd('AcceptAssignment', { unitId: 'u1' }),
      reply(),
    );
    spec
      .given(noConsent)
      .when(cmd('InformVoter', { opinionId: 'o1', note: 'x' }))
      .thenFails('NO_CONSENT_TO_CONTACT');
    // nobody can be asked: a township suggestion of an uncontactable voter closes on the reply alone
    expect(
      history(
        ...[
          draft('township', [opinion(1, { consentToContact: false })]),
          cmd('AssignSuggestion', assignment()),
          cmd('AcceptAssignment', { unitId: 'u1' }),
          reply(),
          cmd('CloseSuggestion', { onSite: false, handlingWorkingDays: 3 }),
        ],
      ).at(-1)?.type,
    ).toBe('SuggestionClosed');
  });
});

describe('suggestion decider: satisfaction and closing', () => {
  const inform = cmd('InformVoter', { opinionId: 'o1', note: 'phoned' });
  const rate = (by: 'voter' | 'deputy', rating: 'satisfied' | 'basically-satisfied' | 'unsatisfied') =>
    cmd('RateSatisfaction', { by, raterId: by === 'voter' ? 'v1' : 'd1', rating });
  const close = cmd('CloseSuggestion', { onSite: false, handlingWorkingDays: 6 });
  const start = [
    draft(),
    cmd('AssignSuggestion', assignment()),
    cmd('AcceptAssignment', { unitId: 'u1' }),
    reply('A'),
  ];

  it('closes a township suggestion once the voter is informed and rates it satisfied', () => {
    spec
      .given(history(...start, inform))
      .when(close)
      .thenFails('VOTER_RATING_REQUIRED');
    spec
      .given(history(...start, inform, rate('voter', 'satisfied')))
      .when(close)
      .then([
        {
          type: 'SuggestionClosed',
          data: {
            suggestionId: 'g1',
            onSite: false,
            finalReplyClass: 'A',
            firstClosure: true,
            handlingWorkingDays: 6,
            scope: scope(),
          },
        },
      ]);
    spec
      .given(history(...start, inform, rate('voter', 'satisfied'), close))
      .when(close)
      .thenFails('SUGGESTION_CLOSED');
    spec
      .given(history(...start, inform, rate('voter', 'satisfied')))
      .when(rate('voter', 'satisfied'))
      .thenFails('ALREADY_RATED');
  });

  it('closes a county suggestion on the deputy rating', () => {
    const county = [
      draft('county'),
      cmd('AssignSuggestion', assignment()),
      cmd('AcceptAssignment', { unitId: 'u1' }),
      reply('A'),
      inform,
    ];
    spec
      .given(history(...county))
      .when(close)
      .thenFails('DEPUTY_RATING_REQUIRED');
    expect(history(...county, rate('deputy', 'basically-satisfied'), close).at(-1)?.type).toBe(
      'SuggestionClosed',
    );
  });

  it('reopens on an unsatisfied rating and closes after the second reply', () => {
    const afterUnsatisfied = history(...start, inform, rate('voter', 'unsatisfied'));
    expect(afterUnsatisfied.slice(-2)).toEqual([
      {
        type: 'SatisfactionRated',
        data: {
          suggestionId: 'g1',
          by: 'voter',
          raterId: 'v1',
          rating: 'unsatisfied',
          replyNo: 1,
          scope: scope(),
        },
      },
      { type: 'SuggestionReopened', data: { suggestionId: 'g1', reason: 'voter unsatisfied with reply 1' } },
    ]);
    spec.given(afterUnsatisfied).when(close).thenFails('NOT_REPLIED');
    const second = history(
      ...start,
      inform,
      rate('voter', 'unsatisfied'),
      reply('A'),
      inform,
      rate('voter', 'satisfied'),
      close,
    );
    expect(second.at(-1)).toMatchObject({ type: 'SuggestionClosed' });
    expect(
      second.filter((e) => e.type === 'ReplyGiven').map((e) => (e.data as { replyNo: number }).replyNo),
    ).toEqual([1, 2]);
  });

  it('closes on site with all three signatures, each signing once', () => {
    const sign = (party: 'deputy' | 'voter' | 'handler') =>
      cmd('SignOnSite', { party, signerId: `${party}-1` });
    spec
      .given(history(...start, sign('deputy')))
      .when(sign('deputy'))
      .thenFails('ALREADY_SIGNED');
    spec
      .given(history(...start, sign('deputy'), sign('voter')))
      .when(cmd('CloseSuggestion', { onSite: true, handlingWorkingDays: 2 }))
      .thenFails('SIGN_OFF_INCOMPLETE');
    expect(
      history(
        ...start,
        sign('deputy'),
        sign('voter'),
        sign('handler'),
        cmd('CloseSuggestion', { onSite: true, handlingWorkingDays: 2 }),
      ).at(-1),
    ).toMatchObject({ type: 'SuggestionClosed', data: { onSite: true } });
  });

  it('counts a case closed again after reopening as no new closure', () => {
    const again = history(
      ...start,
      inform,
      rate('voter', 'satisfied'),
      close,
      cmd('ReopenSuggestion', { reason: 'the pothole is back' }),
      reply('A'),
      inform,
      rate('voter', 'satisfied'),
      close,
    );
    const closures = again
      .filter((e) => e.type === 'SuggestionClosed')
      .map((e) => (e.data as { firstClosure: boolean }).firstClosure);
    expect(closures).toEqual([true, false]);
  });

  it('reopens a closed suggestion with a reason', () => {
    const closed = history(...start, inform, rate('voter', 'satisfied'), close);
    spec
      .given(closed)
      .when(cmd('ReopenSuggestion', { reason: 'the pothole is back' }))
      .then([{ type: 'SuggestionReopened', data: { suggestionId: 'g1', reason: 'the pothole is back' } }]);
    spec.given(closed).when(reply()).thenFails('SUGGESTION_CLOSED');
  });
});

describe('suggestion decider: feedback due', () => {
  const mark = (replyNo = 1) => cmd('MarkFeedbackOverdue', { replyNo, dueOn: '2026-03-09' });
  const start = [
    draft('township', [opinion(1), opinion(2, { consentToContact: false })]),
    cmd('AssignSuggestion', assignment()),
    cmd('AcceptAssignment', { unitId: 'u1' }),
    reply('A'),
  ];

  it('flags a reply whose consenting voters were not told, once', () => {
    const events = history(...start);
    spec
      .given(events)
      .when(mark())
      .then([
        {
          type: 'VoterFeedbackOverdue',
          data: { suggestionId: 'g1', replyNo: 1, opinionIds: ['o1'], dueOn: '2026-03-09' },
        },
      ]);
    spec
      .given(history(...start, mark()))
      .when(mark())
      .then([]);
  });

  it('flags nothing once the voters were told, for an older reply, or before a reply', () => {
    spec
      .given(history(...start, cmd('InformVoter', { opinionId: 'o1', note: 'phoned' })))
      .when(mark())
      .then([]);
    spec
      .given(history(...start))
      .when(mark(2))
      .then([]);
    spec.given(handling).when(mark()).then([]);
  });
});

describe('suggestion decider: deadlines', () => {
  const near = cmd('MarkDeadlineNear', { assignmentNo: 1 });
  const overdue = cmd('MarkOverdue', { assignmentNo: 1 });
  const escalate = cmd('EscalateOverdue', { assignmentNo: 1, supervisingJurisdictionId: 'c' });

  it('raises near, overdue and escalation exactly once each for the current assignment', () => {
    spec
      .given(assigned)
      .when(near)
      .then([
        {
          type: 'AssignmentDeadlineNear',
          data: { suggestionId: 'g1', assignmentNo: 1, deadline: '2026-03-16' },
        },
      ]);
    const events = history(draft(), cmd('AssignSuggestion', assignment()), near, overdue, escalate);
    expect(events.slice(-3).map((e) => e.type)).toEqual([
      'AssignmentDeadlineNear',
      'AssignmentOverdue',
      'OverdueAssignmentEscalated',
    ]);
    spec.given(events).when(near).then([]);
    spec.given(events).when(overdue).then([]);
    spec.given(events).when(escalate).then([]);
  });

  it('raises nothing for a replied, transferred or unknown assignment, and escalates only overdue work', () => {
    spec.given(repliedA).when(overdue).then([]);
    spec
      .given(assigned)
      .when(cmd('MarkOverdue', { assignmentNo: 2 }))
      .then([]);
    spec.given(assigned).when(escalate).thenFails('NOT_OVERDUE');
  });
});
