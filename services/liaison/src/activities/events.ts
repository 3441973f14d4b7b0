// Events of a deputy activity (代表活动): planned, participants invited and signed in, postponed or cancelled, held.
import type { AttachmentRef } from '../shared/attachment.js';

/** Thematic activity day, inspection (视察), research (调研), law-enforcement check, work evaluation (工作评议), special inquiry (专题询问), training, duty report (述职). */
export const ACTIVITY_KINDS = [
  'thematic-activity-day',
  'inspection',
  'research',
  'law-enforcement-check',
  'work-evaluation',
  'special-inquiry',
  'training',
  'duty-report',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityPlannedData {
  activityId: string;
  kind: ActivityKind;
  title: string;
  /** What the activity examines or discusses, e.g. "rural road maintenance". */
  subject: string;
  /** Beijing date, YYYY-MM-DD. */
  date: string;
  place: string;
  /** The hosting station; null for an activity organised by an office rather than a station. */
  stationId: string | null;
  jurisdictionId: string;
  /** '/root/…/jurisdiction/' as it stood when planned: for subtree access and records. */
  jurisdictionPath: string;
}

export interface ActivityParticipantSignedInData {
  activityId: string;
  deputyId: string;
  signedInAt: string;
  /** False for a deputy who came without an invitation. */
  invited: boolean;
  // The activity's facts at sign-in, so that performance records fold this event alone.
  kind: ActivityKind;
  date: string;
  stationId: string | null;
  jurisdictionPath: string;
}

export type ActivityEvent =
  | { type: 'ActivityPlanned'; data: ActivityPlannedData }
  | { type: 'ActivityParticipantsInvited'; data: { activityId: string; deputyIds: string[] } }
  | { type: 'ActivityParticipantSignedIn'; data: ActivityParticipantSignedInData }
  | {
      type: 'ActivityPostponed';
      data: { activityId: string; previousDate: string; date: string; reason: string };
    }
  | { type: 'ActivityCancelled'; data: { activityId: string; reason: string } }
  | {
      type: 'ActivityOutcomeRecorded';
      data: { activityId: string; summary: string; attachments: AttachmentRef[] };
    }
  | { type: 'ActivityAttachmentsAdded'; data: { activityId: string; attachments: AttachmentRef[] } };

export const ACTIVITY_EVENT_TYPES = [
  'ActivityPlanned',
  'ActivityParticipantsInvited',
  'ActivityParticipantSignedIn',
  'ActivityPostponed',
  'ActivityCancelled',
  'ActivityOutcomeRecorded',
  'ActivityAttachmentsAdded',
] as const satisfies readonly ActivityEvent['type'][];

/** The stream holding one activity's events. */
export function activityStream(activityId: string): string {
  return `activity-${activityId}`;
}
