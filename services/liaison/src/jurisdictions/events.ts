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

/** One successor of a split jurisdiction and what it receives by name; the rest goes to the remainder. */
export interface SplitPart {
  jurisdictionId: string;
  stationIds: string[];
  deputyIds: string[];
  childJurisdictionIds: string[];
}

export interface JurisdictionMergedData {
  /** The jurisdiction dissolved into another. */
  jurisdictionId: string;
  intoJurisdictionId: string;
  /** The day the merger takes effect: queries about earlier days report the old jurisdiction. */
  effectiveOn: string;
}

export interface JurisdictionSplitData {
  /** The jurisdiction dissolved into several. */
  jurisdictionId: string;
  parts: SplitPart[];
  /** The part that receives every station, deputy and sub-area no part names (including later arrivals). */
  remainderJurisdictionId: string;
  effectiveOn: string;
}

export interface JurisdictionReparentedData {
  jurisdictionId: string;
  /** The parent from now on (the same as before when only an ancestor above it moved). */
  parentId: string;
  previousParentId: string | null;
  ancestorIds: string[];
  effectiveOn: string;
  /** The merged or split jurisdiction that caused the move. */
  reorganisedJurisdictionId: string;
}

export type JurisdictionEvent =
  | { type: 'JurisdictionRegistered'; data: JurisdictionRegisteredData }
  | { type: 'JurisdictionRenamed'; data: { jurisdictionId: string; name: string } }
  | { type: 'JurisdictionMerged'; data: JurisdictionMergedData }
  | { type: 'JurisdictionSplit'; data: JurisdictionSplitData }
  | { type: 'JurisdictionReparented'; data: JurisdictionReparentedData };

export const JURISDICTION_EVENT_TYPES = [
  'JurisdictionRegistered',
  'JurisdictionRenamed',
  'JurisdictionMerged',
  'JurisdictionSplit',
  'JurisdictionReparented',
] as const satisfies readonly JurisdictionEvent['type'][];
// Fails to compile when an event type is missing from the list above (projections subscribe by it).
const _everyJurisdictionEventListed: Exclude<
  JurisdictionEvent['type'],
  (typeof JURISDICTION_EVENT_TYPES)[number]
> extends never
  ? true
  : never = true;

/** A reorganisation that moves an entity (station, deputy) from one jurisdiction to another, or re-paths it. */
export interface PlacementChange {
  /** The entity's n-th placement (its registration is the 0th), so history documents have stable ids. */
  placement: number;
  from: { jurisdictionId: string; jurisdictionPath: string };
  to: { jurisdictionId: string; jurisdictionPath: string };
  effectiveOn: string;
  reorganisedJurisdictionId: string;
}

/** The stream holding one jurisdiction's events. */
export function jurisdictionStream(jurisdictionId: string): string {
  return `jurisdiction-${jurisdictionId}`;
}
