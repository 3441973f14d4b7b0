// Events of a duty reminder: claimed by one scheduler, then delivered (or its attempt failed). One stream per reminder.
import { eventIdFor } from '@liaison/decider';

export const REMINDER_KINDS = ['three-days', 'one-day'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface ReminderRef {
  reminderId: string;
  stationId: string;
  date: string;
  deputyId: string;
  kind: ReminderKind;
}

export type ReminderEvent =
  | { type: 'DutyReminderClaimed'; data: ReminderRef & { claimedBy: string; leaseUntil: string } }
  | {
      type: 'DutyReminderSent';
      data: ReminderRef & { provider: string; providerMessageId: string | null; sentBy: string };
    }
  | { type: 'DutyReminderFailed'; data: ReminderRef & { error: string; attempt: number; failedBy: string } };

export const REMINDER_EVENT_TYPES = [
  'DutyReminderClaimed',
  'DutyReminderSent',
  'DutyReminderFailed',
] as const satisfies readonly ReminderEvent['type'][];

/** The reminder's id: the same station, day, deputy and kind always give the same id, on every scheduler. */
export function reminderIdFor(stationId: string, date: string, deputyId: string, kind: ReminderKind): string {
  return eventIdFor(`${stationId}/${date}/${deputyId}`, 'duty-reminder', REMINDER_KINDS.indexOf(kind));
}

/** The stream holding one reminder's events. */
export function reminderStream(reminderId: string): string {
  return `reminder-${reminderId}`;
}
