// What the audit module needs from the composition root, passed as plain arguments.
import type { EventStore } from '@liaison/eventstore';
import type { KeyObject } from 'node:crypto';
import type { DeciderRegistry } from './history/aggregate-as-of.js';
import type { AncestryLookup } from './history/jurisdiction-scope.js';
import type { MerkleCache } from './verifying/merkle-cache.js';

export interface AuditDeps {
  /** The event store giving events in stored form (no upcasters): hashes and leaves cover those bytes. */
  storedEvents: EventStore;
  /** Each slice's decider by stream category, for aggregates "as of". */
  deciders: DeciderRegistry;
  /** Ancestors of jurisdictions, to keep a scoped auditor within its subtree. */
  ancestry: AncestryLookup;
  /** The checkpoint keys verification trusts. */
  publicKeys: readonly KeyObject[];
  /** The Merkle tree of the log, kept in memory for proofs. */
  merkle: MerkleCache;
  now(): Date;
}
