import type { RecordedEvent } from '@liaison/eventstore';
import type { ActivityEvent } from './events.js';
import { activitiesProjection, type ActivityDocument } from './projection.js';

let position = 0;
function recorded(event: ActivityEvent, occurredAt = '2026-03-20T02:00:00.000Z'): RecordedEvent {
  position += 1;
  return {
    type: event.type,
    data: event.data,
    occurredAt,
    globalPosition: position,
  } as unknown as RecordedEvent;
}

function fold(events: ActivityEvent[]): ActivityDocument | null {
  return events.reduce<ActivityDocument | null>(
    (document, event) => activitiesProjection.fold(document, recorded(event), 'a1'),
    null,
  );
}

const planned: ActivityEvent = {
  type: 'ActivityPlanned',
  data: {
    activityId: 'a1',
    kind: 'research',
    title: 'Elderly care research',
    subject: 'day-care centres',
    date: '2026-03-20',
    place: 'Community hall',
    stationId: null,
    jurisdictionId: 't1',
    jurisdictionPath: '/p1/t1/',
  },
};
const photo = {
  attachmentId: 'f1',
  name: 'a.jpg',
  mediaType: 'image/jpeg',
  size: 10,
  sha256: 'b'.repeat(64),
};

describe('activities projection', () => {
  it('folds a held activity: invitations, an invited and a walk-in sign-in, outcome and late photos', () => {
    const document = fold([
      planned,
      { type: 'ActivityParticipantsInvited', data: { activityId: 'a1', deputyIds: ['d1', 'd2'] } },
      {
        type: 'ActivityParticipantSignedIn',
        data: { ...signIn('d1'), invited: true },
      },
      { type: 'ActivityParticipantSignedIn', data: signIn('d9') },
      {
        type: 'ActivityOutcomeRecorded',
        data: { activityId: 'a1', summary: 'Report drafted', attachments: [] },
      },
      { type: 'ActivityAttachmentsAdded', data: { activityId: 'a1', attachments: [photo] } },
    ]);
    expect(document).toMatchObject({
      id: 'a1',
      status: 'held',
      participants: [
        { deputyId: 'd1', invited: true, signedInAt: '2026-03-20T01:00:00.000Z' },
        { deputyId: 'd2', invited: true, signedInAt: null },
        { deputyId: 'd9', invited: false, signedInAt: '2026-03-20T01:00:00.000Z' },
      ],
      outcome: { summary: 'Report drafted', recordedAt: '2026-03-20T02:00:00.000Z' },
      attachments: [photo],
    });
  });

  it('keeps the history of postponements and the reason for a cancellation', () => {
    const document = fold([
      planned,
      {
        type: 'ActivityPostponed',
        data: { activityId: 'a1', previousDate: '2026-03-20', date: '2026-04-02', reason: 'rain' },
      },
      { type: 'ActivityCancelled', data: { activityId: 'a1', reason: 'budget' } },
    ]);
    expect(document).toMatchObject({
      date: '2026-04-02',
      status: 'cancelled',
      cancelledReason: 'budget',
      postponements: [{ previousDate: '2026-03-20', date: '2026-04-02', reason: 'rain' }],
    });
  });

  it('ignores events for an activity it never saw planned', () => {
    expect(fold([{ type: 'ActivityCancelled', data: { activityId: 'a1', reason: 'x' } }])).toBeNull();
  });
});

function signIn(deputyId: string) {
  return {
    activityId: 'a1',
    deputyId,
    signedInAt: '2026-03-20T01:00:00.000Z',
    invited: false,
    kind: 'research' as const,
    date: '2026-03-20',
    stationId: null,
    jurisdictionPath: '/p1/t1/',
  };
}
