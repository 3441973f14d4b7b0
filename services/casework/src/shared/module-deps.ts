// What the casework module needs from the composition root, passed as plain arguments.
import type { PersonalData } from '@liaison/personal-data';
import type { ReadStore } from '@liaison/readstore';
import type { OfficeCalendars } from './working-days.js';

export interface CaseworkSettings {
  /** Secret keying tracking codes and duplicate fingerprints (HMAC-SHA-256). */
  intakeSecret: string;
  /** Same voter, same text within this many minutes: the second submission is a duplicate. */
  duplicateWindowMinutes: number;
  /** Public (unauthenticated) opinions accepted per minute, across all callers. */
  publicIntakePerMinute: number;
  /** Public opinions accepted per hour from one phone number. */
  publicIntakePerVoterPerHour: number;
  /** Working days before a deadline when the deadline-near event is raised. */
  deadlineNearWorkingDays: number;
  /** Working days past a deadline when overdue work is escalated to the supervising office. */
  escalateAfterWorkingDays: number;
  /** Days after a reply within which the voter must be told (shown on cases as the feedback due date). */
  feedbackDays: number;
}

export interface CaseworkDeps {
  readStore: ReadStore;
  personalData: PersonalData;
  /** Working days count on the calendar of the office that assigned the case. */
  calendars: OfficeCalendars;
  settings: CaseworkSettings;
  /** Resolves once read models have folded the log up to `position` (bounded by `timeoutMs`). */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean>;
  readYourWritesTimeoutMs: number;
  /** The current time; injected so tests can fix it. */
  now(): Date;
}

export const DEFAULT_CASEWORK_SETTINGS: CaseworkSettings = {
  intakeSecret: 'development-intake-secret-change-me',
  duplicateWindowMinutes: 10,
  publicIntakePerMinute: 60,
  publicIntakePerVoterPerHour: 5,
  deadlineNearWorkingDays: 2,
  escalateAfterWorkingDays: 1,
  feedbackDays: 5,
};
