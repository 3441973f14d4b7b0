// Commands on a checklist; the owning jurisdiction is resolved before deciding.
import type { Command } from '@liaison/decider';
import type { ChecklistItem } from './events.js';

export type PublishChecklist = Command<
  'PublishChecklist',
  {
    checklistId: string;
    name: string;
    items: ChecklistItem[];
    /** The owning jurisdiction, read just before deciding; null when it does not exist. */
    owner: { jurisdictionId: string; jurisdictionPath: string } | null;
  }
>;
export type ReviseChecklist = Command<
  'ReviseChecklist',
  { checklistId: string; name: string | null; items: ChecklistItem[] }
>;
export type RetireChecklist = Command<'RetireChecklist', { checklistId: string; reason: string }>;

export type ChecklistCommand = PublishChecklist | ReviseChecklist | RetireChecklist;
