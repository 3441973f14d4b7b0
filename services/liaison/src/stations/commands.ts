// Commands on a station; facts about its jurisdiction and parent station are resolved before deciding.
import type { Command } from '@liaison/decider';
import type { StationKind } from './events.js';

export interface RegisterStationData {
  stationId: string;
  name: string;
  kind: StationKind;
  address: string;
  /** The jurisdiction, read just before deciding; null when it does not exist. */
  jurisdiction: { jurisdictionId: string; path: string } | null;
  /** The parent station, read just before deciding; absent for a top-level station. */
  parentStation: { stationId: string; jurisdictionId: string; kind: StationKind; open: boolean } | null;
}

export type RegisterStation = Command<'RegisterStation', RegisterStationData>;
export type RenameStation = Command<'RenameStation', { stationId: string; name: string }>;
export type CloseStation = Command<'CloseStation', { stationId: string; reason: string }>;

export type StationCommand = RegisterStation | RenameStation | CloseStation;
