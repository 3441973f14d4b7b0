import { deciderSpec } from '@liaison/decider';
import type { AttachmentRef } from '../shared/attachment.js';
import { metadataFor } from '../shared/command-metadata.js';
import type { ActivityCommand, InviteParticipants, PlanActivity, SignInParticipant } from './commands.js';
import { activityDecider } from './decider.js';
import type { ActivityEvent } from './events.js';

const spec = deciderSpec(activityDecider);
// 2026-03-20 10:00 in Beijing
const onTheDay = metadataFor({ now: '2026-03-20T02:00:00.000Z' });
const host = { stationId: 's1', jurisdictionId: 't1', jurisdictionPath: '/p1/t1/', open: true };

function planActivity(overrides: Partial<PlanActivity['data']> = {}): PlanActivity {
  return {
    type: 'PlanActivity',
    data: {
      activityId: 'a1',
      kind: 'inspection',
      title: ' Inspection of rural roads ',
      subject: 'road maintenance',
      date: '2026-03-20',
      place: 'Shekou Centre Station',
      host,
      ...overrides,
    },
    metadata: onTheDay,
  };
}

type DataOf<T extends ActivityCommand['type']> = Omit<
  Extract<ActivityCommand, { type: T }>['data'],
  'activityId' | 'standings' | 'standing'
> &
  Partial<Pick<InviteParticipants['data'], 'standings'> & Pick<SignInParticipant['data'], 'standing'>>;

/** A command on activity a1; every deputy named is registered and serving unless the data says otherwise. */
function command<T extends ActivityCommand['type']>(
  type: T,
  data: DataOf<T>,
  metadata = onTheDay,
): ActivityCommand {
  const named: string[] = 'deputyIds' in data ? (data.deputyIds as string[]) : [];
  const defaults = {
    standings: Object.fromEntries(named.map((id) => [id.trim(), 'serving'])),
    standing: 'serving',
  };
  const only =
    type === 'InviteParticipants'
      ? { standings: defaults.standings }
      : type === 'SignInParticipant'
        ? { standing: defaults.standing }
        : {};
  return { type, data: { activityId: 'a1', ...only, ...data }, metadata } as unknown as ActivityCommand;
}

const photo: AttachmentRef = {
  attachmentId: 'f1',
  name: 'photo.jpg',
  mediaType: 'image/jpeg',
  size: 123_456,
  sha256: 'a'.repeat(64),
};

const planned: ActivityEvent = {
  type: 'ActivityPlanned',
  data: {
    activityId: 'a1',
    kind: 'inspection',
    title: 'Inspection of rural roads',
    subject: 'road maintenance',
    date: '2026-03-20',
    place: 'Shekou Centre Station',
    stationId: 's1',
    jurisdictionId: 't1',
    jurisdictionPath: '/p1/t1/',
  },
};
const invited: ActivityEvent = {
  type: 'ActivityParticipantsInvited',
  data: { activityId: 'a1', deputyIds: ['d1', 'd2'] },
};
const signedIn = (deputyId: string, invitedToo = true): ActivityEvent => ({
  type: 'ActivityParticipantSignedIn',
  data: {
    activityId: 'a1',
    deputyId,
    signedInAt: '2026-03-20T01:30:00.000Z',
    invited: invitedToo,
    kind: 'inspection',
    date: '2026-03-20',
    stationId: 's1',
    jurisdictionPath: '/p1/t1/',
  },
});
const cancelled: ActivityEvent = { type: 'ActivityCancelled', data: { activityId: 'a1', reason: 'typhoon' } };
const held: ActivityEvent = {
  type: 'ActivityOutcomeRecorded',
  data: { activityId: 'a1', summary: 'Three road sections need repair', attachments: [] },
};

describe('activity decider: plan', () => {
  it('plans an activity at a station with trimmed text', () => {
    spec.given([]).when(planActivity()).then([planned]);
  });

  it('plans an office activity without a station', () => {
    spec
      .given([])
      .when(planActivity({ host: { ...host, stationId: null } }))
      .then([{ type: 'ActivityPlanned', data: { ...planned.data, stationId: null } }]);
  });

  it('refuses planning twice, bad text, a bad date, a missing host and a closed station', () => {
    spec.given([planned]).when(planActivity()).thenFails('ACTIVITY_ALREADY_PLANNED');
    spec
      .given([])
      .when(planActivity({ title: ' ' }))
      .thenFails('INVALID_TITLE');
    spec
      .given([])
      .when(planActivity({ subject: '' }))
      .thenFails('INVALID_SUBJECT');
    spec
      .given([])
      .when(planActivity({ place: 'x'.repeat(201) }))
      .thenFails('INVALID_PLACE');
    spec
      .given([])
      .when(planActivity({ date: '2026-02-30' }))
      .thenFails('INVALID_DATE');
    spec
      .given([])
      .when(planActivity({ host: null }))
      .thenFails('HOST_NOT_FOUND');
    spec
      .given([])
      .when(planActivity({ host: { ...host, open: false } }))
      .thenFails('STATION_CLOSED');
  });
});

describe('activity decider: invite', () => {
  it('invites deputies once each; re-inviting the same ones decides nothing', () => {
    spec
      .given([planned])
      .when(command('InviteParticipants', { deputyIds: ['d1', 'd2', 'd1'] }))
      .then([invited]);
    spec
      .given([planned, invited])
      .when(command('InviteParticipants', { deputyIds: ['d2', 'd3'] }))
      .then([{ type: 'ActivityParticipantsInvited', data: { activityId: 'a1', deputyIds: ['d3'] } }]);
    spec
      .given([planned, invited])
      .when(command('InviteParticipants', { deputyIds: ['d1'] }))
      .then([]);
  });

  it('refuses unregistered deputies and deputies who no longer serve', () => {
    spec
      .given([planned])
      .when(command('InviteParticipants', { deputyIds: ['d1', 'd8'], standings: { d1: 'serving' } }))
      .thenFails('DEPUTY_NOT_FOUND');
    spec
      .given([planned])
      .when(command('InviteParticipants', { deputyIds: ['d1'], standings: { d1: 'ended' } }))
      .thenFails('DEPUTY_NOT_SERVING');
  });

  it('refuses an empty list, too many deputies, and activities that are not open', () => {
    spec
      .given([planned])
      .when(command('InviteParticipants', { deputyIds: [' '] }))
      .thenFails('NO_PARTICIPANTS');
    const many = Array.from({ length: 501 }, (_, i) => `d${i}`);
    spec
      .given([planned])
      .when(command('InviteParticipants', { deputyIds: many }))
      .thenFails('TOO_MANY_PARTICIPANTS');
    spec
      .given([])
      .when(command('InviteParticipants', { deputyIds: ['d1'] }))
      .thenFails('ACTIVITY_NOT_FOUND');
    spec
      .given([planned, cancelled])
      .when(command('InviteParticipants', { deputyIds: ['d1'] }))
      .thenFails('ACTIVITY_CANCELLED');
    spec
      .given([planned, signedIn('d1'), held])
      .when(command('InviteParticipants', { deputyIds: ['d9'] }))
      .thenFails('ACTIVITY_ALREADY_HELD');
  });
});

describe('activity decider: sign in', () => {
  const at = (signedInAt: string) => command('SignInParticipant', { deputyId: 'd1', signedInAt });

  it('signs in an invited deputy and a walk-in on the activity day, carrying the activity facts', () => {
    spec
      .given([planned, invited])
      .when(at('2026-03-20T01:30:00Z'))
      .then([signedIn('d1')]);
    spec
      .given([planned, invited])
      .when(command('SignInParticipant', { deputyId: 'd7', signedInAt: '2026-03-20T01:30:00.000Z' }))
      .then([signedIn('d7', false)]);
  });

  it('refuses a second sign-in, another day (Beijing time), the future, a bad time', () => {
    spec
      .given([planned, invited, signedIn('d1')])
      .when(at('2026-03-20T01:40:00Z'))
      .thenFails('ALREADY_SIGNED_IN');
    // 16:30 UTC on the 19th is 00:30 on the 20th in Beijing: accepted; 15:59 UTC is still the 19th there.
    spec.given([planned]).when(at('2026-03-19T15:59:00Z')).thenFails('SIGN_IN_NOT_ON_ACTIVITY_DAY');
    spec
      .given([planned])
      .when(at('2026-03-19T16:30:00Z'))
      .then([
        {
          ...signedIn('d1', false),
          data: { ...signedIn('d1').data, invited: false, signedInAt: '2026-03-19T16:30:00.000Z' },
        } as ActivityEvent,
      ]);
    spec.given([planned]).when(at('2026-03-20T09:00:00Z')).thenFails('SIGN_IN_IN_FUTURE');
    spec.given([planned]).when(at('yesterday')).thenFails('INVALID_TIME');
  });

  it('refuses signing in an unregistered deputy or one who no longer serves', () => {
    const signIn = (standing: 'ended' | null) =>
      command('SignInParticipant', { deputyId: 'd1', signedInAt: '2026-03-20T01:30:00Z', standing });
    spec.given([planned]).when(signIn(null)).thenFails('DEPUTY_NOT_FOUND');
    spec.given([planned]).when(signIn('ended')).thenFails('DEPUTY_NOT_SERVING');
  });

  it('refuses sign-in to a missing, cancelled or held activity', () => {
    spec.given([]).when(at('2026-03-20T01:30:00Z')).thenFails('ACTIVITY_NOT_FOUND');
    spec.given([planned, cancelled]).when(at('2026-03-20T01:30:00Z')).thenFails('ACTIVITY_CANCELLED');
    spec
      .given([planned, signedIn('d2'), held])
      .when(at('2026-03-20T01:30:00Z'))
      .thenFails('ACTIVITY_ALREADY_HELD');
  });
});

describe('activity decider: postpone and cancel', () => {
  const postpone = (date: string, reason = 'typhoon warning') =>
    command('PostponeActivity', { date, reason });

  it('postpones to a later date, after which sign-in follows the new date', () => {
    const postponed: ActivityEvent = {
      type: 'ActivityPostponed',
      data: { activityId: 'a1', previousDate: '2026-03-20', date: '2026-03-27', reason: 'typhoon warning' },
    };
    spec.given([planned]).when(postpone('2026-03-27')).then([postponed]);
    spec
      .given([planned, postponed])
      .when(command('SignInParticipant', { deputyId: 'd1', signedInAt: '2026-03-20T01:30:00Z' }))
      .thenFails('SIGN_IN_NOT_ON_ACTIVITY_DAY');
  });

  it('refuses postponing to the same or an earlier date, a bad date, no reason, or once started', () => {
    spec.given([planned]).when(postpone('2026-03-20')).thenFails('DATE_NOT_LATER');
    spec.given([planned]).when(postpone('2026-13-01')).thenFails('INVALID_DATE');
    spec.given([planned]).when(postpone('2026-03-27', ' ')).thenFails('INVALID_REASON');
    spec
      .given([planned, signedIn('d1')])
      .when(postpone('2026-03-27'))
      .thenFails('ACTIVITY_ALREADY_STARTED');
    spec.given([planned, cancelled]).when(postpone('2026-03-27')).thenFails('ACTIVITY_CANCELLED');
    spec.given([]).when(postpone('2026-03-27')).thenFails('ACTIVITY_NOT_FOUND');
  });

  it('cancels with a reason; refuses a second cancel, no reason, or once started', () => {
    spec
      .given([planned])
      .when(command('CancelActivity', { reason: ' typhoon ' }))
      .then([cancelled]);
    spec
      .given([planned, cancelled])
      .when(command('CancelActivity', { reason: 'x' }))
      .thenFails('ACTIVITY_CANCELLED');
    spec
      .given([planned])
      .when(command('CancelActivity', { reason: '' }))
      .thenFails('INVALID_REASON');
    spec
      .given([planned, signedIn('d1')])
      .when(command('CancelActivity', { reason: 'x' }))
      .thenFails('ACTIVITY_ALREADY_STARTED');
    spec
      .given([])
      .when(command('CancelActivity', { reason: 'x' }))
      .thenFails('ACTIVITY_NOT_FOUND');
  });
});

describe('activity decider: outcome and attachments', () => {
  const outcome = (attachments: AttachmentRef[] = [], metadata = onTheDay) =>
    command('RecordActivityOutcome', { summary: ' Three road sections need repair ', attachments }, metadata);

  it('records the outcome with attachments once someone signed in', () => {
    spec
      .given([planned, signedIn('d1')])
      .when(outcome([{ ...photo, sha256: 'A'.repeat(64), mediaType: 'Image/JPEG' }]))
      .then([{ type: 'ActivityOutcomeRecorded', data: { ...held.data, attachments: [photo] } }]);
  });

  it('refuses an outcome before the day, without sign-ins, without summary, or with bad attachments', () => {
    const dayBefore = metadataFor({ now: '2026-03-19T02:00:00.000Z' });
    spec
      .given([planned, signedIn('d1')])
      .when(outcome([], dayBefore))
      .thenFails('ACTIVITY_NOT_YET_DUE');
    spec.given([planned]).when(outcome()).thenFails('NO_PARTICIPANTS_SIGNED_IN');
    spec
      .given([planned, signedIn('d1')])
      .when(command('RecordActivityOutcome', { summary: ' ', attachments: [] }))
      .thenFails('INVALID_SUMMARY');
    spec
      .given([planned, signedIn('d1')])
      .when(outcome([{ ...photo, sha256: 'xyz' }]))
      .thenFails('INVALID_ATTACHMENT');
    spec
      .given([planned, signedIn('d1')])
      .when(outcome([{ ...photo, size: -1 }]))
      .thenFails('INVALID_ATTACHMENT');
    spec
      .given([planned, signedIn('d1')])
      .when(outcome([{ ...photo, mediaType: 'jpeg' }]))
      .thenFails('INVALID_ATTACHMENT');
    spec
      .given([planned, signedIn('d1')])
      .when(outcome([photo, photo]))
      .thenFails('DUPLICATE_ATTACHMENT');
    spec
      .given([planned, signedIn('d1'), held])
      .when(outcome())
      .thenFails('ACTIVITY_ALREADY_HELD');
    spec.given([planned, cancelled]).when(outcome()).thenFails('ACTIVITY_CANCELLED');
  });

  it('adds attachments to a planned or held activity, never the same file twice', () => {
    const added: ActivityEvent = {
      type: 'ActivityAttachmentsAdded',
      data: { activityId: 'a1', attachments: [photo] },
    };
    spec
      .given([planned])
      .when(command('AddActivityAttachments', { attachments: [photo] }))
      .then([added]);
    spec
      .given([planned, signedIn('d1'), held])
      .when(command('AddActivityAttachments', { attachments: [photo] }))
      .then([added]);
    spec
      .given([planned, added])
      .when(command('AddActivityAttachments', { attachments: [photo] }))
      .thenFails('DUPLICATE_ATTACHMENT');
    spec
      .given([planned, signedIn('d1'), added])
      .when(outcome([photo]))
      .thenFails('DUPLICATE_ATTACHMENT');
  });

  it('refuses no attachments, or attaching to a missing or cancelled activity', () => {
    spec
      .given([planned])
      .when(command('AddActivityAttachments', { attachments: [] }))
      .thenFails('NO_ATTACHMENTS');
    spec
      .given([])
      .when(command('AddActivityAttachments', { attachments: [photo] }))
      .thenFails('ACTIVITY_NOT_FOUND');
    spec
      .given([planned, cancelled])
      .when(command('AddActivityAttachments', { attachments: [photo] }))
      .thenFails('ACTIVITY_CANCELLED');
    const many = Array.from({ length: 51 }, (_, i) => ({ ...photo, attachmentId: `f${i}` }));
    spec
      .given([planned])
      .when(command('AddActivityAttachments', { attachments: many }))
      .thenFails('TOO_MANY_ATTACHMENTS');
  });
});

describe('activity decider: the remaining failure paths of each command', () => {
  const afterTheDay = [planned, signedIn('d1'), held];

  it('refuses postponing or cancelling a held activity', () => {
    spec
      .given(afterTheDay)
      .when(command('PostponeActivity', { date: '2026-03-27', reason: 'x' }))
      .thenFails('ACTIVITY_ALREADY_HELD');
    spec
      .given(afterTheDay)
      .when(command('CancelActivity', { reason: 'x' }))
      .thenFails('ACTIVITY_ALREADY_HELD');
  });

  it('refuses an outcome for a missing activity or with too many attachments', () => {
    spec
      .given([])
      .when(command('RecordActivityOutcome', { summary: 'x', attachments: [] }))
      .thenFails('ACTIVITY_NOT_FOUND');
    const many = Array.from({ length: 51 }, (_, i) => ({ ...photo, attachmentId: `f${i}` }));
    spec
      .given([planned, signedIn('d1')])
      .when(command('RecordActivityOutcome', { summary: 'x', attachments: many }))
      .thenFails('TOO_MANY_ATTACHMENTS');
  });

  it('refuses adding a malformed attachment', () => {
    spec
      .given([planned])
      .when(command('AddActivityAttachments', { attachments: [{ ...photo, sha256: 'xyz' }] }))
      .thenFails('INVALID_ATTACHMENT');
  });
});
