// Commands on a station; facts about its jurisdiction and parent station are resolved before deciding.
import type { Command } from '@liaison/decider';
import type { OpeningRules, StaffRole, StationKind, StationPerson, StationSpecialisation } from './events.js';

export interface RegisterStationData {
  stationId: string;
  name: string;
  kind: StationKind;
  address: string;
  /** The jurisdiction, read just before deciding; null when it does not exist. */
  jurisdiction: { jurisdictionId: string; path: string; active?: boolean } | null;
  /** The parent station, read just before deciding; absent for a top-level station. */
  parentStation: { stationId: string; jurisdictionId: string; kind: StationKind; open: boolean } | null;
  specialisation?: StationSpecialisation | null;
  openingRules?: OpeningRules | null;
  facilities?: string[] | null;
}

export type RegisterStation = Command<'RegisterStation', RegisterStationData>;
export type RenameStation = Command<'RenameStation', { stationId: string; name: string }>;
export type CloseStation = Command<'CloseStation', { stationId: string; reason: string }>;
export type SetStationSpecialisation = Command<
  'SetStationSpecialisation',
  { stationId: string; specialisation: StationSpecialisation | null }
>;
export type SetStationOpeningRules = Command<
  'SetStationOpeningRules',
  { stationId: string; openingRules: OpeningRules }
>;
export type SetStationFacilities = Command<
  'SetStationFacilities',
  { stationId: string; facilities: string[] }
>;
export type RelocateStation = Command<
  'RelocateStation',
  { stationId: string; address: string; effectiveOn: string | null }
>;
export type AppointStationStaff = Command<
  'AppointStationStaff',
  { stationId: string; appointmentId: string; role: StaffRole; person: StationPerson; since: string | null }
>;
export type EndStationStaffAppointment = Command<
  'EndStationStaffAppointment',
  { stationId: string; appointmentId: string; until: string | null; reason: string }
>;
export type InstallOpinionBox = Command<
  'InstallOpinionBox',
  { stationId: string; boxId: string; location: string; observer: StationPerson | null }
>;
export type ChangeOpinionBoxObserver = Command<
  'ChangeOpinionBoxObserver',
  { stationId: string; boxId: string; observer: StationPerson | null }
>;
export type RemoveOpinionBox = Command<
  'RemoveOpinionBox',
  { stationId: string; boxId: string; reason: string }
>;

export type StationCommand =
  | RegisterStation
  | RenameStation
  | CloseStation
  | SetStationSpecialisation
  | SetStationOpeningRules
  | SetStationFacilities
  | RelocateStation
  | AppointStationStaff
  | EndStationStaffAppointment
  | InstallOpinionBox
  | ChangeOpinionBoxObserver
  | RemoveOpinionBox;
