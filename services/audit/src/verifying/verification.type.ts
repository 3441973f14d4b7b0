// GraphQL shapes of verification reports, checkpoints and Merkle proofs.
import { SafeIntScalar } from '@liaison/graphql-kit';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export const ProblemKindEnum = {
  MISSING_EVENT: 'MISSING_EVENT',
  POSITION_OUT_OF_ORDER: 'POSITION_OUT_OF_ORDER',
  STREAM_GAP: 'STREAM_GAP',
  CHAIN_BROKEN: 'CHAIN_BROKEN',
  HASH_MISMATCH: 'HASH_MISMATCH',
  ROOT_MISMATCH: 'ROOT_MISMATCH',
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  PROOF_INVALID: 'PROOF_INVALID',
  BAD_CHECKPOINT: 'BAD_CHECKPOINT',
} as const;
registerEnumType(ProblemKindEnum, { name: 'AuditProblemKind', description: 'What kind of link is broken.' });

@ObjectType('AuditProblem', { description: 'One broken link in the history, with where it is.' })
export class AuditProblem {
  @Field(() => ProblemKindEnum)
  kind!: keyof typeof ProblemKindEnum;

  @Field(() => String)
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: "Null when the event's stream is not known (deleted).",
  })
  streamId!: string | null;

  @Field(() => Int, { nullable: true })
  streamPosition!: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'The first global position affected.' })
  globalPosition!: number | null;

  @Field(() => SafeIntScalar, {
    nullable: true,
    description: 'For ROOT_MISMATCH: the last position of the range the difference lies in.',
  })
  throughGlobalPosition?: number | null;
}

@ObjectType('AuditCheckpoint', {
  description: 'A signed statement of the Merkle root of the first treeSize events.',
})
export class AuditCheckpoint {
  @Field(() => SafeIntScalar)
  treeSize!: number;

  @Field(() => String)
  rootHash!: string;

  @Field(() => Date)
  time!: Date;

  @Field(() => String)
  keyId!: string;

  @Field(() => String, { description: 'ed25519 over signedText, base64.' })
  signature!: string;

  @Field(() => String, { description: 'The exact text that is signed.' })
  signedText!: string;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Where the checkpoint itself is in the log.' })
  globalPosition!: number | null;
}

@ObjectType('AuditVerification', {
  description: 'The outcome of recomputing chains, tree roots and signatures.',
})
export class AuditVerification {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => SafeIntScalar)
  eventsVerified!: number;

  @Field(() => Int)
  streamsVerified!: number;

  @Field(() => Int)
  checkpointsVerified!: number;

  @Field(() => AuditCheckpoint, { nullable: true, description: 'The latest checkpoint whose root matched.' })
  lastCheckpoint!: AuditCheckpoint | null;

  @Field(() => SafeIntScalar, { description: 'Events after the last verified checkpoint.' })
  unsealedEvents!: number;

  @Field(() => String, { description: 'The Merkle root over every event verified.' })
  rootHash!: string;

  @Field(() => AuditProblem, { nullable: true })
  firstProblem!: AuditProblem | null;

  @Field(() => [AuditProblem])
  problems!: AuditProblem[];

  @Field(() => Boolean, { description: 'True when more problems were found than listed.' })
  truncated!: boolean;
}

@ObjectType('AuditInclusionProof', { description: 'RFC 6962 audit path of one event in a signed tree.' })
export class AuditInclusionProof {
  @Field(() => SafeIntScalar)
  globalPosition!: number;

  @Field(() => SafeIntScalar, { description: 'globalPosition - 1.' })
  leafIndex!: number;

  @Field(() => SafeIntScalar)
  treeSize!: number;

  @Field(() => String, { description: 'SHA-256(0x00 || canonical stored event), hex.' })
  leafHash!: string;

  @Field(() => [String], { description: 'Sibling hashes from the leaf up, hex.' })
  auditPath!: string[];

  @Field(() => AuditCheckpoint)
  checkpoint!: AuditCheckpoint;
}

@ObjectType('AuditConsistencyProof', {
  description: 'RFC 6962 proof that the tree of fromTreeSize is a prefix of the tree of toTreeSize.',
})
export class AuditConsistencyProof {
  @Field(() => AuditCheckpoint)
  from!: AuditCheckpoint;

  @Field(() => AuditCheckpoint)
  to!: AuditCheckpoint;

  @Field(() => [String])
  proof!: string[];
}

@ObjectType('AuditPublicKey', { description: 'A key checkpoints are verified with.' })
export class AuditPublicKey {
  @Field(() => String)
  keyId!: string;

  @Field(() => String, { description: 'Raw ed25519 public key, base64.' })
  publicKey!: string;
}
