// Events of a deputy (人大代表): registration, profile and contact changes, stations, groups, end of service.

export const DEPUTY_LEVELS = ['township', 'county', 'city', 'province', 'national'] as const;
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number];

/**
 * A deputy's contact details: personal data. Every event keeps them in its one `contact` field and nowhere
 * else, so that field alone can be sealed (encrypted with a per-deputy key kept outside the log).
 */
export interface DeputyContact {
  phone: string | null;
  email: string | null;
  address: string | null;
}

/** The term (届) a deputy serves: the congress's term number and its dates. */
export interface DeputyTerm {
  /** 届次: e.g. 17 for the 17th people's congress of the jurisdiction. */
  number: number;
  startsOn: string;
  /** The scheduled end of the term, when known. */
  endsOn: string | null;
}

export interface DeputyRegisteredData {
  deputyId: string;
  name: string;
  level: DeputyLevel;
  /** The jurisdiction whose congress office keeps the deputy's record. */
  jurisdictionId: string;
  /** `/root/…/jurisdiction/` as it stood when registered, for subtree queries and access. */
  jurisdictionPath: string;
  /** 选区: the constituency that elected the deputy (or the electing congress, for indirect elections). */
  constituency: string;
  term: DeputyTerm;
  employer: string | null;
  /** 界别: the sector the deputy represents (workers, farmers, enterprise, education, …). */
  sector: string | null;
  contact: DeputyContact;
}

export interface DeputyProfileUpdatedData {
  deputyId: string;
  name: string;
  constituency: string;
  employer: string | null;
  sector: string | null;
}

export type DeputyGroupRole = 'leader' | 'member';

export type DeputyEvent =
  | { type: 'DeputyRegistered'; data: DeputyRegisteredData }
  | { type: 'DeputyProfileUpdated'; data: DeputyProfileUpdatedData }
  | { type: 'DeputyContactChanged'; data: { deputyId: string; contact: DeputyContact } }
  | { type: 'DeputyAssignedToStation'; data: { deputyId: string; stationId: string; since: string } }
  | {
      type: 'DeputyRemovedFromStation';
      data: { deputyId: string; stationId: string; since: string; until: string; reason: string };
    }
  | { type: 'DeputyJoinedGroup'; data: { deputyId: string; groupId: string; role: DeputyGroupRole } }
  | { type: 'DeputyLeftGroup'; data: { deputyId: string; groupId: string } }
  | { type: 'DeputyTermEnded'; data: { deputyId: string; endedOn: string } }
  | { type: 'DeputyResigned'; data: { deputyId: string; resignedOn: string; reason: string } };

export const DEPUTY_EVENT_TYPES = [
  'DeputyRegistered',
  'DeputyProfileUpdated',
  'DeputyContactChanged',
  'DeputyAssignedToStation',
  'DeputyRemovedFromStation',
  'DeputyJoinedGroup',
  'DeputyLeftGroup',
  'DeputyTermEnded',
  'DeputyResigned',
] as const satisfies readonly DeputyEvent['type'][];

/** The stream holding one deputy's events. */
export function deputyStream(deputyId: string): string {
  return `deputy-${deputyId}`;
}
