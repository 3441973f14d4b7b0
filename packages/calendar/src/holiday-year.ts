// The shape of one year's national holiday arrangements, as published by the State Council General Office.

/** An ISO calendar date (YYYY-MM-DD), read as a day in Beijing time (Asia/Shanghai). */
export type IsoDate = string;

/** Where a year's data came from and how far it can be trusted. */
export interface HolidaySource {
  /** The notice's title, as published. */
  title: string;
  /** Who issued it. */
  issuer: string;
  /** The date the notice was issued. */
  issuedOn: IsoDate;
  /** The document number (文号), when confirmed. */
  documentNumber: string | null;
  /** Where the text was checked. */
  checkedAgainst: readonly string[];
  /** How sure we are, in a sentence. */
  confidence: string;
}

/** One festival's days off, from and to inclusive (weekend days inside the range included). */
export interface HolidayPeriod {
  /** The festival's name in Chinese, as in the notice (元旦, 春节 …). */
  name: string;
  /** The festival in English, from docs/glossary.md. */
  englishName: string;
  from: IsoDate;
  to: IsoDate;
}

/** A Saturday or Sunday that is worked to make up for a festival (调休上班). */
export interface MakeUpWorkingDay {
  date: IsoDate;
  /** The festival it makes up for, in Chinese. */
  for: string;
}

/** One year's national arrangements: versioned so a correction (a re-issued notice) is visible. */
export interface HolidayYear {
  year: number;
  /** Bumped whenever this year's data is corrected. */
  version: number;
  source: HolidaySource;
  holidays: readonly HolidayPeriod[];
  makeUpWorkingDays: readonly MakeUpWorkingDay[];
}
