// Commands on a jurisdiction; facts about the parent are resolved before deciding and travel on the command.
import type { Command } from '@liaison/decider';
import type { JurisdictionLevel } from './events.js';

/** What the register command knows of the parent, read from its stream just before deciding. */
export interface ParentFacts {
  jurisdictionId: string;
  level: JurisdictionLevel;
  ancestorIds: string[];
}

export type RegisterJurisdiction = Command<
  'RegisterJurisdiction',
  {
    jurisdictionId: string;
    name: string;
    level: JurisdictionLevel;
    code: string | null;
    parent: ParentFacts | null;
  }
>;

export type RenameJurisdiction = Command<'RenameJurisdiction', { jurisdictionId: string; name: string }>;

export type JurisdictionCommand = RegisterJurisdiction | RenameJurisdiction;
