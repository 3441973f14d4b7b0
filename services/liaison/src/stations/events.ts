// Events of a liaison station: registered under a jurisdiction, renamed, closed.

export const STATION_KINDS = ['centre', 'sub-station', 'room', 'point', 'online'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export interface StationRegisteredData {
  stationId: string;
  name: string;
  kind: StationKind;
  jurisdictionId: string;
  /** The jurisdiction's ancestors and itself, as they stood when registered (for subtree access). */
  jurisdictionPath: string;
  parentStationId: string | null;
  address: string;
}

export type StationEvent =
  | { type: 'StationRegistered'; data: StationRegisteredData }
  | { type: 'StationRenamed'; data: { stationId: string; name: string } }
  | { type: 'StationClosed'; data: { stationId: string; reason: string } };

export const STATION_EVENT_TYPES = ['StationRegistered', 'StationRenamed', 'StationClosed'] as const;

/** The stream holding one station's events. */
export function stationStream(stationId: string): string {
  return `station-${stationId}`;
}
