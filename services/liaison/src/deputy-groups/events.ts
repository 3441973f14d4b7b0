// Events of a deputy group (代表小组): deputies of one level organised together in a jurisdiction.
import type { DeputyLevel } from '../deputies/events.js';

export interface DeputyGroupFormedData {
  groupId: string;
  name: string;
  /** The level of the deputies it groups. */
  level: DeputyLevel;
  jurisdictionId: string;
  /** `/root/…/jurisdiction/` when formed, for subtree queries and access. */
  jurisdictionPath: string;
}

export type DeputyGroupEvent =
  | { type: 'DeputyGroupFormed'; data: DeputyGroupFormedData }
  | { type: 'DeputyGroupDisbanded'; data: { groupId: string; reason: string } };

export const DEPUTY_GROUP_EVENT_TYPES = [
  'DeputyGroupFormed',
  'DeputyGroupDisbanded',
] as const satisfies readonly DeputyGroupEvent['type'][];

/** The stream holding one deputy group's events. */
export function deputyGroupStream(groupId: string): string {
  return `deputygroup-${groupId}`;
}
