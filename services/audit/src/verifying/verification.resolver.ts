// GraphQL queries for auditors: verify the log, list checkpoints, and prove inclusion and consistency.
import {
  checkpointText,
  keyIdOf,
  toHex,
  type SignedCheckpoint,
  type VerifiedCheckpoint,
} from '@liaison/audit';
import { SafeIntScalar, type RequestContext } from '@liaison/graphql-kit';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { AuditDeps } from '../audit-deps.js';
import { requireAuditor } from '../history/history.resolver.js';
import {
  AuditCheckpoint,
  AuditConsistencyProof,
  AuditInclusionProof,
  AuditPublicKey,
  AuditVerification,
} from './verification.type.js';
import { readCheckpoints, verifyEventStore } from './verify-store.js';

function checkpointOf(checkpoint: SignedCheckpoint | VerifiedCheckpoint, globalPosition: number | null) {
  return Object.assign(new AuditCheckpoint(), {
    treeSize: checkpoint.treeSize,
    rootHash: checkpoint.rootHash,
    time: new Date(checkpoint.time),
    keyId: 'keyId' in checkpoint ? checkpoint.keyId : '',
    signature: 'signature' in checkpoint ? checkpoint.signature : '',
    signedText: checkpointText(checkpoint),
    globalPosition,
  });
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

@Resolver()
export class AuditVerificationResolver {
  constructor(private readonly deps: AuditDeps) {}

  @Query(() => AuditVerification, {
    description:
      'Recomputes every hash chain, the Merkle roots and the checkpoint signatures over the whole log, and reports the first broken link. Reads the whole log: minutes for millions of events. Auditors only.',
  })
  async auditVerify(
    @Arg('maxProblems', () => Int, { defaultValue: 100 }) maxProblems: number,
    @Ctx() context: RequestContext,
  ): Promise<AuditVerification> {
    requireAuditor(context);
    const report = await verifyEventStore(this.deps.storedEvents, {
      publicKeys: this.deps.publicKeys,
      maxProblems: Math.min(Math.max(1, maxProblems), 1000),
    });
    return Object.assign(new AuditVerification(), {
      ...report,
      lastCheckpoint:
        report.lastCheckpoint && checkpointOf(report.lastCheckpoint, report.lastCheckpoint.globalPosition),
    });
  }

  @Query(() => [AuditCheckpoint], { description: 'Every signed checkpoint, oldest first. Auditors only.' })
  async auditCheckpoints(@Ctx() context: RequestContext): Promise<AuditCheckpoint[]> {
    requireAuditor(context);
    const located = await readCheckpoints(this.deps.storedEvents);
    return located.map(({ checkpoint, globalPosition }) => checkpointOf(checkpoint, globalPosition));
  }

  @Query(() => [AuditPublicKey], { description: 'The keys checkpoints verify with. Auditors only.' })
  auditPublicKeys(@Ctx() context: RequestContext): AuditPublicKey[] {
    requireAuditor(context);
    return this.deps.publicKeys.map((key) =>
      Object.assign(new AuditPublicKey(), {
        keyId: keyIdOf(key),
        publicKey: key.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64'),
      }),
    );
  }

  @Query(() => AuditInclusionProof, {
    description:
      'Proves that the event at globalPosition is in the tree a checkpoint signed (treeSize: that checkpoint; default the latest). Auditors only.',
  })
  async auditInclusionProof(
    @Arg('globalPosition', () => SafeIntScalar) globalPosition: number,
    @Arg('treeSize', () => SafeIntScalar, { nullable: true }) treeSize: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditInclusionProof> {
    requireAuditor(context);
    const checkpoint = await this.checkpoint(treeSize);
    if (globalPosition < 1 || globalPosition > checkpoint.checkpoint.treeSize) {
      throw badInput(
        `expected a global position from 1 to ${checkpoint.checkpoint.treeSize} (the checkpoint's tree size), received ${globalPosition}`,
      );
    }
    const levels = await this.deps.merkle.upTo(checkpoint.checkpoint.treeSize);
    const leafIndex = globalPosition - 1;
    return Object.assign(new AuditInclusionProof(), {
      globalPosition,
      leafIndex,
      treeSize: checkpoint.checkpoint.treeSize,
      leafHash: toHex(levels.leaf(leafIndex)!),
      auditPath: levels.inclusionProof(leafIndex, checkpoint.checkpoint.treeSize).map(toHex),
      checkpoint: checkpointOf(checkpoint.checkpoint, checkpoint.globalPosition),
    });
  }

  @Query(() => AuditConsistencyProof, {
    description:
      'Proves that the tree of one checkpoint is a prefix of a later one: the history between them was only appended to. Auditors only.',
  })
  async auditConsistencyProof(
    @Arg('fromTreeSize', () => SafeIntScalar) fromTreeSize: number,
    @Arg('toTreeSize', () => SafeIntScalar, { nullable: true }) toTreeSize: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditConsistencyProof> {
    requireAuditor(context);
    const from = await this.checkpoint(fromTreeSize);
    const to = await this.checkpoint(toTreeSize);
    if (from.checkpoint.treeSize > to.checkpoint.treeSize) {
      throw badInput(
        `expected fromTreeSize ≤ toTreeSize, received ${fromTreeSize} and ${to.checkpoint.treeSize}`,
      );
    }
    const levels = await this.deps.merkle.upTo(to.checkpoint.treeSize);
    return Object.assign(new AuditConsistencyProof(), {
      from: checkpointOf(from.checkpoint, from.globalPosition),
      to: checkpointOf(to.checkpoint, to.globalPosition),
      proof: levels.consistencyProof(from.checkpoint.treeSize, to.checkpoint.treeSize).map(toHex),
    });
  }

  /** The checkpoint of a tree size (the latest when null); BAD_USER_INPUT when none was signed. */
  private async checkpoint(treeSize: number | null | undefined) {
    const located = await readCheckpoints(this.deps.storedEvents);
    const found =
      treeSize == null
        ? located[located.length - 1]
        : located.find((c) => c.checkpoint.treeSize === treeSize);
    if (!found) {
      throw badInput(
        treeSize == null
          ? 'no checkpoint has been sealed yet; expected at least one'
          : `no checkpoint of tree size ${treeSize}; expected one of ${located.map((c) => c.checkpoint.treeSize).join(', ') || 'none yet'}`,
      );
    }
    return found;
  }
}
