// An office's own adjustments to the national calendar: extra days off or extra working days, versioned.
import type { IsoDate } from './holiday-year.js';

export type OfficeDayKind = 'holiday' | 'working-day';

/** One day an office declares off (a local holiday) or worked (a local make-up day). */
export interface OfficeDay {
  date: IsoDate;
  kind: OfficeDayKind;
  /** Why: the local festival or the notice that moved the day. */
  name: string;
}

/** An office's adjustments; `version` is the version of the office calendar stream they were read from. */
export interface OfficeCalendar {
  officeId: string;
  version: number;
  days: readonly OfficeDay[];
}
