// Events of a jurisdiction: the administrative areas (province > city > county > township > village) stations serve.

export const JURISDICTION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

export interface JurisdictionRegisteredData {
  jurisdictionId: string;
  name: string;
  level: JurisdictionLevel;
  /** The administrative division code (行政区划代码), when known. */
  code: string | null;
  parentId: string | null;
  /** Ids from the root down to the parent, as they stood when registered. */
  ancestorIds: string[];
}

export type JurisdictionEvent =
  | { type: 'JurisdictionRegistered'; data: JurisdictionRegisteredData }
  | { type: 'JurisdictionRenamed'; data: { jurisdictionId: string; name: string } };

export const JURISDICTION_EVENT_TYPES = ['JurisdictionRegistered', 'JurisdictionRenamed'] as const;

/** The stream holding one jurisdiction's events. */
export function jurisdictionStream(jurisdictionId: string): string {
  return `jurisdiction-${jurisdictionId}`;
}
