// Commands on a deputy group; the jurisdiction is read before deciding.
import type { Command } from '@liaison/decider';
import type { DeputyLevel } from '../deputies/events.js';

export type FormDeputyGroup = Command<
  'FormDeputyGroup',
  {
    groupId: string;
    name: string;
    level: DeputyLevel;
    jurisdiction: { jurisdictionId: string; path: string; active: boolean } | null;
  }
>;
export type DisbandDeputyGroup = Command<'DisbandDeputyGroup', { groupId: string; reason: string }>;

export type DeputyGroupCommand = FormDeputyGroup | DisbandDeputyGroup;
