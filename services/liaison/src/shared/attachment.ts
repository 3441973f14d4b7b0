// Attachments by reference: photos, minutes and scans live in a file store; events hold only what identifies them.
import { domainError, type DomainError } from '@liaison/decider';

/** What an event records of a file: enough to find it again and to prove it was not swapped. */
export interface AttachmentRef {
  /** The file store's id for the file. */
  attachmentId: string;
  name: string;
  /** IANA media type, e.g. image/jpeg. */
  mediaType: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the bytes, 64 lower-case hex digits. */
  sha256: string;
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const SHA256 = /^[0-9a-f]{64}$/;
/** The largest file the platform references: 2 GiB (video of a hearing is the big case). */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 ** 3;
export const MAX_ATTACHMENTS = 50;

/** Checks a list of attachment references; returns them normalised or the first problem, naming the field. */
export function validateAttachments(
  attachments: readonly AttachmentRef[],
  field: string,
): AttachmentRef[] | DomainError {
  if (attachments.length > MAX_ATTACHMENTS) {
    return domainError(
      'TOO_MANY_ATTACHMENTS',
      `expected at most ${MAX_ATTACHMENTS} attachments, received ${attachments.length}`,
      [field],
    );
  }
  const seen = new Set<string>();
  const normalised: AttachmentRef[] = [];
  for (const [index, attachment] of attachments.entries()) {
    const at = [field, String(index)];
    const sha256 = attachment.sha256.trim().toLowerCase();
    const mediaType = attachment.mediaType.trim().toLowerCase();
    const name = attachment.name.trim();
    if (attachment.attachmentId.trim().length === 0 || name.length === 0 || name.length > 255) {
      return domainError(
        'INVALID_ATTACHMENT',
        `expected an attachment id and a name of 1 to 255 characters, received "${attachment.attachmentId}" / "${attachment.name}"`,
        at,
      );
    }
    if (!MEDIA_TYPE.test(mediaType)) {
      return domainError(
        'INVALID_ATTACHMENT',
        `expected a media type such as image/jpeg, received "${attachment.mediaType}"`,
        at,
      );
    }
    if (
      !Number.isSafeInteger(attachment.size) ||
      attachment.size < 0 ||
      attachment.size > MAX_ATTACHMENT_BYTES
    ) {
      return domainError(
        'INVALID_ATTACHMENT',
        `expected a size of 0 to ${MAX_ATTACHMENT_BYTES} bytes, received ${attachment.size}`,
        at,
      );
    }
    if (!SHA256.test(sha256)) {
      return domainError(
        'INVALID_ATTACHMENT',
        `expected a SHA-256 digest of 64 hex digits, received "${attachment.sha256}"`,
        at,
      );
    }
    if (seen.has(attachment.attachmentId)) {
      return domainError('DUPLICATE_ATTACHMENT', `attachment ${attachment.attachmentId} is listed twice`, at);
    }
    seen.add(attachment.attachmentId);
    normalised.push({
      attachmentId: attachment.attachmentId.trim(),
      name,
      mediaType,
      size: attachment.size,
      sha256,
    });
  }
  return normalised;
}
