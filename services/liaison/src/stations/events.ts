// Events of a liaison station: registered under a jurisdiction, described, staffed, equipped, moved, closed.

export const STATION_KINDS = ['centre', 'sub-station', 'room', 'point', 'online'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** What a liaison point (联络点) specialises in. */
export const STATION_SPECIALISATIONS = [
  'enterprise',
  'agriculture',
  'school',
  'community',
  'industrial-park',
  'other',
] as const;
export type StationSpecialisation = (typeof STATION_SPECIALISATIONS)[number];

export const STAFF_ROLES = ['head', 'deputy-head', 'liaison-officer'] as const;
/** 站长, 副站长, 联络员. */
export type StaffRole = (typeof STAFF_ROLES)[number];

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

/** When the station is open: weekly hours in Beijing time, and a note for anything else. */
export interface OpeningRules {
  weekly: Array<{ weekday: number; opens: string; closes: string }>;
  note: string;
}

/** A person named on a station: a staff member or an opinion box observer. */
export interface StationPerson {
  name: string;
  /** The person's platform user id, when they sign in. */
  userId: string | null;
}

export type StationEvent =
  | { type: 'StationRegistered'; data: StationRegisteredData }
  | { type: 'StationRenamed'; data: { stationId: string; name: string } }
  | { type: 'StationClosed'; data: { stationId: string; reason: string } }
  | {
      type: 'StationSpecialisationSet';
      data: { stationId: string; specialisation: StationSpecialisation | null };
    }
  | { type: 'StationOpeningRulesSet'; data: { stationId: string; openingRules: OpeningRules } }
  | { type: 'StationFacilitiesSet'; data: { stationId: string; facilities: string[] } }
  | { type: 'StationRelocated'; data: { stationId: string; address: string; effectiveOn: string } }
  | {
      type: 'StationStaffAppointed';
      data: {
        stationId: string;
        appointmentId: string;
        role: StaffRole;
        person: StationPerson;
        since: string;
      };
    }
  | {
      type: 'StationStaffAppointmentEnded';
      data: { stationId: string; appointmentId: string; until: string; reason: string };
    }
  | {
      type: 'OpinionBoxInstalled';
      data: { stationId: string; boxId: string; location: string; observer: StationPerson | null };
    }
  | {
      type: 'OpinionBoxObserverChanged';
      data: { stationId: string; boxId: string; observer: StationPerson | null };
    }
  | { type: 'OpinionBoxRemoved'; data: { stationId: string; boxId: string; reason: string } };

export const STATION_EVENT_TYPES = [
  'StationRegistered',
  'StationRenamed',
  'StationClosed',
  'StationSpecialisationSet',
  'StationOpeningRulesSet',
  'StationFacilitiesSet',
  'StationRelocated',
  'StationStaffAppointed',
  'StationStaffAppointmentEnded',
  'OpinionBoxInstalled',
  'OpinionBoxObserverChanged',
  'OpinionBoxRemoved',
] as const satisfies readonly StationEvent['type'][];

/** The stream holding one station's events. */
export function stationStream(stationId: string): string {
  return `station-${stationId}`;
}
