// Events of an assessment checklist: its items and weights as data, versioned, owned by a jurisdiction.

export interface ChecklistItem {
  /** Stable within the checklist across versions, e.g. 'premises'. */
  code: string;
  title: string;
  description: string;
  /** The most an item can score; the items' weights. */
  maxScore: number;
}

export interface ChecklistPublishedData {
  checklistId: string;
  name: string;
  /** The jurisdiction that owns it; it applies to stations in that jurisdiction's subtree. */
  jurisdictionId: string;
  jurisdictionPath: string;
  version: number;
  items: ChecklistItem[];
}

export type ChecklistEvent =
  | { type: 'ChecklistPublished'; data: ChecklistPublishedData }
  | {
      type: 'ChecklistRevised';
      data: { checklistId: string; version: number; name: string; items: ChecklistItem[] };
    }
  | { type: 'ChecklistRetired'; data: { checklistId: string; reason: string } };

export const CHECKLIST_EVENT_TYPES = [
  'ChecklistPublished',
  'ChecklistRevised',
  'ChecklistRetired',
] as const satisfies readonly ChecklistEvent['type'][];

/** The stream holding one checklist's events. */
export function checklistStream(checklistId: string): string {
  return `checklist-${checklistId}`;
}
