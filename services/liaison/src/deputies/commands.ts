// Commands on a deputy; facts about the jurisdiction, station or group are read before deciding.
import type { Command } from '@liaison/decider';
import type { JurisdictionLevel } from '../jurisdictions/events.js';
import type { DeputyContact, DeputyGroupRole, DeputyLevel, DeputyTerm } from './events.js';

/** What RegisterDeputy knows of the jurisdiction, read just before deciding; null when it does not exist. */
export interface DeputyJurisdictionFacts {
  jurisdictionId: string;
  level: JurisdictionLevel;
  path: string;
  /** False once the jurisdiction was merged into another or split. */
  active: boolean;
}

export interface RegisterDeputyData {
  deputyId: string;
  name: string;
  level: DeputyLevel;
  constituency: string;
  term: DeputyTerm;
  employer: string | null;
  sector: string | null;
  contact: DeputyContact;
  jurisdiction: DeputyJurisdictionFacts | null;
}

export type RegisterDeputy = Command<'RegisterDeputy', RegisterDeputyData>;
export type UpdateDeputyProfile = Command<
  'UpdateDeputyProfile',
  { deputyId: string; name: string; constituency: string; employer: string | null; sector: string | null }
>;
export type ChangeDeputyContact = Command<
  'ChangeDeputyContact',
  { deputyId: string; contact: DeputyContact }
>;
export type AssignDeputyToStation = Command<
  'AssignDeputyToStation',
  {
    deputyId: string;
    /** The station, read just before deciding; null when it does not exist. */
    station: { stationId: string; open: boolean } | null;
    /** First day of the assignment; today (Beijing time) when not given. */
    since: string | null;
  }
>;
export type RemoveDeputyFromStation = Command<
  'RemoveDeputyFromStation',
  { deputyId: string; stationId: string; until: string | null; reason: string }
>;
export type JoinDeputyGroup = Command<
  'JoinDeputyGroup',
  {
    deputyId: string;
    /** The group, read just before deciding; null when it does not exist. */
    group: { groupId: string; active: boolean } | null;
    role: DeputyGroupRole;
  }
>;
export type LeaveDeputyGroup = Command<'LeaveDeputyGroup', { deputyId: string; groupId: string }>;
export type EndDeputyTerm = Command<'EndDeputyTerm', { deputyId: string; endedOn: string | null }>;
export type ResignDeputy = Command<
  'ResignDeputy',
  { deputyId: string; resignedOn: string | null; reason: string }
>;

export type DeputyCommand =
  | RegisterDeputy
  | UpdateDeputyProfile
  | ChangeDeputyContact
  | AssignDeputyToStation
  | RemoveDeputyFromStation
  | JoinDeputyGroup
  | LeaveDeputyGroup
  | EndDeputyTerm
  | ResignDeputy;
