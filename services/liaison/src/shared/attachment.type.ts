// GraphQL shape of an attachment reference, as output and as input.
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { SafeIntScalar } from '@liaison/graphql-kit';
import type { AttachmentRef } from './attachment.js';

@ObjectType('Attachment', {
  description:
    'A file kept in the file store, referenced by id and fingerprint; the platform never holds the bytes.',
})
export class Attachment {
  @Field(() => ID, { description: "The file store's id." })
  attachmentId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'IANA media type, e.g. image/jpeg.' })
  mediaType!: string;

  @Field(() => SafeIntScalar, { description: 'Size in bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 of the bytes, 64 lower-case hex digits.' })
  sha256!: string;

  /** Builds the GraphQL object from the stored reference. */
  static from(this: void, ref: AttachmentRef): Attachment {
    return Object.assign(new Attachment(), ref);
  }
}

@InputType('AttachmentInput', { description: 'A reference to a file already uploaded to the file store.' })
export class AttachmentInput {
  @Field(() => ID)
  attachmentId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  mediaType!: string;

  @Field(() => SafeIntScalar)
  size!: number;

  @Field(() => String)
  sha256!: string;
}

/** The plain reference of an input (type-graphql hands over class instances). */
export function attachmentRefs(inputs: readonly AttachmentInput[] | null | undefined): AttachmentRef[] {
  return (inputs ?? []).map(({ attachmentId, name, mediaType, size, sha256 }) => ({
    attachmentId,
    name,
    mediaType,
    size,
    sha256,
  }));
}
