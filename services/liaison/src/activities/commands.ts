// Commands on an activity; the host station or jurisdiction is resolved before deciding and travels on the command.
import type { Command } from '@liaison/decider';
import type { AttachmentRef } from '../shared/attachment.js';
import type { ActivityKind } from './events.js';

/** Where the activity is hosted, read just before deciding; null when the station or jurisdiction does not exist. */
export interface ActivityHost {
  stationId: string | null;
  jurisdictionId: string;
  jurisdictionPath: string;
  /** False when the hosting station is closed. */
  open: boolean;
}

export type PlanActivity = Command<
  'PlanActivity',
  {
    activityId: string;
    kind: ActivityKind;
    title: string;
    subject: string;
    date: string;
    place: string;
    host: ActivityHost | null;
  }
>;
/** Whether a deputy may take part: registered and serving, registered but no longer serving, or unknown (absent). */
export type DeputyStanding = 'serving' | 'ended';

export type InviteParticipants = Command<
  'InviteParticipants',
  {
    activityId: string;
    deputyIds: string[];
    /** The standing of each requested deputy, read just before deciding; unregistered ones are absent. */
    standings: Record<string, DeputyStanding>;
  }
>;
export type SignInParticipant = Command<
  'SignInParticipant',
  { activityId: string; deputyId: string; signedInAt: string; standing: DeputyStanding | null }
>;
export type PostponeActivity = Command<
  'PostponeActivity',
  { activityId: string; date: string; reason: string }
>;
export type CancelActivity = Command<'CancelActivity', { activityId: string; reason: string }>;
export type RecordActivityOutcome = Command<
  'RecordActivityOutcome',
  { activityId: string; summary: string; attachments: AttachmentRef[] }
>;
export type AddActivityAttachments = Command<
  'AddActivityAttachments',
  { activityId: string; attachments: AttachmentRef[] }
>;

export type ActivityCommand =
  | PlanActivity
  | InviteParticipants
  | SignInParticipant
  | PostponeActivity
  | CancelActivity
  | RecordActivityOutcome
  | AddActivityAttachments;
