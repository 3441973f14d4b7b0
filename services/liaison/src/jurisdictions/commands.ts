// Commands on a jurisdiction; facts about other jurisdictions are resolved before deciding and travel on the command.
import type { Command } from '@liaison/decider';
import type { JurisdictionLevel } from './events.js';

/** What a command knows of another jurisdiction, read from its stream just before deciding. */
export interface ParentFacts {
  jurisdictionId: string;
  level: JurisdictionLevel;
  ancestorIds: string[];
}

/** Facts about a jurisdiction that receives stations, deputies and areas in a reorganisation. */
export interface SuccessorFacts extends ParentFacts {
  active: boolean;
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

export type MergeJurisdiction = Command<
  'MergeJurisdiction',
  {
    jurisdictionId: string;
    /** The jurisdiction it merges into; null when it does not exist. */
    into: SuccessorFacts | null;
    effectiveOn: string | null;
  }
>;

export type SplitJurisdiction = Command<
  'SplitJurisdiction',
  {
    jurisdictionId: string;
    /** Each part with its facts (null when it does not exist) and what it receives by name. */
    parts: Array<{
      jurisdictionId: string;
      facts: SuccessorFacts | null;
      stationIds: string[];
      deputyIds: string[];
      childJurisdictionIds: string[];
    }>;
    remainderJurisdictionId: string;
    effectiveOn: string | null;
  }
>;

export type ReparentJurisdiction = Command<
  'ReparentJurisdiction',
  { jurisdictionId: string; parent: ParentFacts; effectiveOn: string; reorganisedJurisdictionId: string }
>;

export type JurisdictionCommand =
  RegisterJurisdiction | RenameJurisdiction | MergeJurisdiction | SplitJurisdiction | ReparentJurisdiction;
