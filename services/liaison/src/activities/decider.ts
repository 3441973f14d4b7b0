// The activity decider: planning, invitations, sign-in, postponing, cancelling and recording the outcome.
import {
  domainError,
  UnreachableCaseError,
  type Decider,
  type Decision,
  type DomainError,
} from '@liaison/decider';
import { isDomainError } from '@liaison/decider';
import { validateAttachments } from '../shared/attachment.js';
import { isLocalDate, shanghaiDate } from '../shared/dates.js';
import type { ActivityCommand, PlanActivity, SignInParticipant } from './commands.js';
import type { ActivityEvent, ActivityKind } from './events.js';

interface ActivityFacts {
  activityId: string;
  kind: ActivityKind;
  date: string;
  stationId: string | null;
  jurisdictionPath: string;
  invited: readonly string[];
  signedIn: readonly string[];
  attachmentIds: readonly string[];
}

export type ActivityState =
  | { status: 'unplanned' }
  | ({ status: 'planned' } & ActivityFacts)
  | ({ status: 'held' } & ActivityFacts)
  | ({ status: 'cancelled' } & ActivityFacts);

const MAX_TITLE_LENGTH = 200;
const MAX_TEXT_LENGTH = 10_000;
const MAX_PARTICIPANTS = 500;

function text(value: string, field: string, max: number, what: string): string | DomainError {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) {
    return domainError(
      `INVALID_${field.toUpperCase()}`,
      `expected ${what} of 1 to ${max} characters, received ${trimmed.length}`,
      [field],
    );
  }
  return trimmed;
}

function plan(command: PlanActivity, state: ActivityState): Decision<ActivityEvent> {
  const { data } = command;
  if (state.status !== 'unplanned')
    return domainError('ACTIVITY_ALREADY_PLANNED', `activity ${data.activityId} is already planned`);
  const title = text(data.title, 'title', MAX_TITLE_LENGTH, 'a title');
  if (isDomainError(title)) return title;
  const subject = text(data.subject, 'subject', MAX_TITLE_LENGTH, 'a subject');
  if (isDomainError(subject)) return subject;
  const place = text(data.place, 'place', MAX_TITLE_LENGTH, 'a place');
  if (isDomainError(place)) return place;
  if (!isLocalDate(data.date))
    return domainError('INVALID_DATE', `expected a date YYYY-MM-DD, received "${data.date}"`, ['date']);
  if (data.host === null)
    return domainError(
      'HOST_NOT_FOUND',
      'expected a registered station or jurisdiction to host the activity',
      ['stationId'],
    );
  if (!data.host.open)
    return domainError('STATION_CLOSED', `station ${data.host.stationId ?? ''} is closed`, ['stationId']);
  return [
    {
      type: 'ActivityPlanned',
      data: {
        activityId: data.activityId,
        kind: data.kind,
        title,
        subject,
        date: data.date,
        place,
        stationId: data.host.stationId,
        jurisdictionId: data.host.jurisdictionId,
        jurisdictionPath: data.host.jurisdictionPath,
      },
    },
  ];
}

/** The error for a command on an activity that is not open for it, or null when it is planned. */
function notPlanned(state: ActivityState, activityId: string): DomainError | null {
  switch (state.status) {
    case 'unplanned':
      return domainError('ACTIVITY_NOT_FOUND', `activity ${activityId} is not planned`);
    case 'cancelled':
      return domainError('ACTIVITY_CANCELLED', `activity ${activityId} is cancelled`);
    case 'held':
      return domainError('ACTIVITY_ALREADY_HELD', `activity ${activityId} is already held and closed`);
    case 'planned':
      return null;
    default:
      throw new UnreachableCaseError(state);
  }
}

function signIn(command: SignInParticipant, state: ActivityState): Decision<ActivityEvent> {
  const { data } = command;
  const refused = notPlanned(state, data.activityId);
  if (refused) return refused;
  if (state.status !== 'planned') return [];
  if (Number.isNaN(Date.parse(data.signedInAt)))
    return domainError('INVALID_TIME', `expected an ISO-8601 time, received "${data.signedInAt}"`, [
      'signedInAt',
    ]);
  if (Date.parse(data.signedInAt) > Date.parse(command.metadata.now))
    return domainError('SIGN_IN_IN_FUTURE', `a sign-in at ${data.signedInAt} is later than now`, [
      'signedInAt',
    ]);
  const day = shanghaiDate(data.signedInAt);
  if (day !== state.date) {
    return domainError(
      'SIGN_IN_NOT_ON_ACTIVITY_DAY',
      `expected a sign-in on the activity day ${state.date}, received one on ${day}`,
      ['signedInAt'],
    );
  }
  if (data.standing === null)
    return domainError('DEPUTY_NOT_FOUND', `no registered deputy ${data.deputyId}`, ['deputyId']);
  if (data.standing === 'ended')
    return domainError('DEPUTY_NOT_SERVING', `deputy ${data.deputyId} no longer serves`, ['deputyId']);
  if (state.signedIn.includes(data.deputyId))
    return domainError('ALREADY_SIGNED_IN', `deputy ${data.deputyId} has already signed in`, ['deputyId']);
  return [
    {
      type: 'ActivityParticipantSignedIn',
      data: {
        activityId: state.activityId,
        deputyId: data.deputyId,
        signedInAt: new Date(data.signedInAt).toISOString(),
        invited: state.invited.includes(data.deputyId),
        kind: state.kind,
        date: state.date,
        stationId: state.stationId,
        jurisdictionPath: state.jurisdictionPath,
      },
    },
  ];
}

function decide(command: ActivityCommand, state: ActivityState): Decision<ActivityEvent> {
  if (command.type === 'PlanActivity') return plan(command, state);
  if (command.type === 'SignInParticipant') return signIn(command, state);
  const { activityId } = command.data;
  if (command.type === 'AddActivityAttachments') {
    // Photos and minutes often arrive after the day: a held activity still takes attachments.
    if (state.status === 'unplanned' || state.status === 'cancelled') return notPlanned(state, activityId)!;
    if (command.data.attachments.length === 0)
      return domainError('NO_ATTACHMENTS', 'expected at least one attachment', ['attachments']);
    const attachments = validateAttachments(command.data.attachments, 'attachments');
    if (isDomainError(attachments)) return attachments;
    const repeated = attachments.find((a) => state.attachmentIds.includes(a.attachmentId));
    if (repeated)
      return domainError('DUPLICATE_ATTACHMENT', `attachment ${repeated.attachmentId} is already attached`, [
        'attachments',
      ]);
    return [{ type: 'ActivityAttachmentsAdded', data: { activityId, attachments } }];
  }
  const refused = notPlanned(state, activityId);
  if (refused) return refused;
  if (state.status !== 'planned') return [];
  switch (command.type) {
    case 'InviteParticipants': {
      const requested = [...new Set(command.data.deputyIds.map((id) => id.trim()).filter(Boolean))];
      if (requested.length === 0)
        return domainError('NO_PARTICIPANTS', 'expected at least one deputy to invite', ['deputyIds']);
      const fresh = requested.filter((id) => !state.invited.includes(id));
      if (state.invited.length + fresh.length > MAX_PARTICIPANTS) {
        return domainError(
          'TOO_MANY_PARTICIPANTS',
          `expected at most ${MAX_PARTICIPANTS} invited deputies, would be ${state.invited.length + fresh.length}`,
          ['deputyIds'],
        );
      }
      const unknown = fresh.find((id) => command.data.standings[id] === undefined);
      if (unknown) return domainError('DEPUTY_NOT_FOUND', `no registered deputy ${unknown}`, ['deputyIds']);
      const ended = fresh.find((id) => command.data.standings[id] === 'ended');
      if (ended) return domainError('DEPUTY_NOT_SERVING', `deputy ${ended} no longer serves`, ['deputyIds']);
      return fresh.length === 0
        ? []
        : [{ type: 'ActivityParticipantsInvited', data: { activityId, deputyIds: fresh } }];
    }
    case 'PostponeActivity': {
      if (state.signedIn.length > 0)
        return domainError('ACTIVITY_ALREADY_STARTED', `deputies have signed in to activity ${activityId}`);
      if (!isLocalDate(command.data.date))
        return domainError('INVALID_DATE', `expected a date YYYY-MM-DD, received "${command.data.date}"`, [
          'date',
        ]);
      if (command.data.date <= state.date) {
        return domainError(
          'DATE_NOT_LATER',
          `expected a date after ${state.date} to postpone to, received ${command.data.date}`,
          ['date'],
        );
      }
      const reason = text(command.data.reason, 'reason', MAX_TITLE_LENGTH, 'a reason');
      if (isDomainError(reason)) return reason;
      return [
        {
          type: 'ActivityPostponed',
          data: { activityId, previousDate: state.date, date: command.data.date, reason },
        },
      ];
    }
    case 'CancelActivity': {
      if (state.signedIn.length > 0)
        return domainError('ACTIVITY_ALREADY_STARTED', `deputies have signed in to activity ${activityId}`);
      const reason = text(command.data.reason, 'reason', MAX_TITLE_LENGTH, 'a reason');
      if (isDomainError(reason)) return reason;
      return [{ type: 'ActivityCancelled', data: { activityId, reason } }];
    }
    case 'RecordActivityOutcome': {
      if (shanghaiDate(command.metadata.now) < state.date) {
        return domainError(
          'ACTIVITY_NOT_YET_DUE',
          `activity ${activityId} takes place on ${state.date}; its outcome cannot be recorded before`,
        );
      }
      if (state.signedIn.length === 0)
        return domainError('NO_PARTICIPANTS_SIGNED_IN', `no deputy has signed in to activity ${activityId}`);
      const summary = text(command.data.summary, 'summary', MAX_TEXT_LENGTH, 'a summary');
      if (isDomainError(summary)) return summary;
      const attachments = validateAttachments(command.data.attachments, 'attachments');
      if (isDomainError(attachments)) return attachments;
      const repeated = attachments.find((a) => state.attachmentIds.includes(a.attachmentId));
      if (repeated)
        return domainError(
          'DUPLICATE_ATTACHMENT',
          `attachment ${repeated.attachmentId} is already attached`,
          ['attachments'],
        );
      return [{ type: 'ActivityOutcomeRecorded', data: { activityId, summary, attachments } }];
    }
    default:
      throw new UnreachableCaseError(command);
  }
}

function evolve(state: ActivityState, event: ActivityEvent): ActivityState {
  if (event.type === 'ActivityPlanned') {
    return {
      status: 'planned',
      activityId: event.data.activityId,
      kind: event.data.kind,
      date: event.data.date,
      stationId: event.data.stationId,
      jurisdictionPath: event.data.jurisdictionPath,
      invited: [],
      signedIn: [],
      attachmentIds: [],
    };
  }
  if (state.status === 'unplanned') return state;
  switch (event.type) {
    case 'ActivityParticipantsInvited':
      return { ...state, invited: [...state.invited, ...event.data.deputyIds] };
    case 'ActivityParticipantSignedIn':
      return { ...state, signedIn: [...state.signedIn, event.data.deputyId] };
    case 'ActivityPostponed':
      return { ...state, date: event.data.date };
    case 'ActivityCancelled':
      return { ...state, status: 'cancelled' };
    case 'ActivityOutcomeRecorded':
      return {
        ...state,
        status: 'held',
        attachmentIds: [...state.attachmentIds, ...event.data.attachments.map((a) => a.attachmentId)],
      };
    case 'ActivityAttachmentsAdded':
      return {
        ...state,
        attachmentIds: [...state.attachmentIds, ...event.data.attachments.map((a) => a.attachmentId)],
      };
    default:
      throw new UnreachableCaseError(event);
  }
}

export const activityDecider: Decider<ActivityState, ActivityCommand, ActivityEvent> = {
  initialState: () => ({ status: 'unplanned' }),
  decide,
  evolve,
};
