// The port holding one data key per subject, outside the event log: destroying a key is what forgetting means.

/** What a vault knows about a subject's key. */
export type SubjectKey =
  { status: 'active'; key: Buffer } | { status: 'forgotten'; forgottenAt: Date } | { status: 'unknown' };

/** Stores one 32-byte key per subject; a forgotten subject's key is gone for good and never re-created. */
export interface KeyVault {
  /** The subject's key, created on first use; throws SubjectForgottenError for a forgotten subject. */
  keyFor(subjectId: string): Promise<Buffer>;
  /** The state of each subject's key, without creating any. */
  find(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>>;
  /** Destroys the subject's key and remembers that it was forgotten; a second call changes nothing. */
  destroy(subjectId: string, at: Date): Promise<void>;
}

/** Sealing for a subject whose key was destroyed: nothing new may be stored for them under the old identity. */
export class SubjectForgottenError extends Error {
  readonly code = 'SUBJECT_FORGOTTEN';
  constructor(readonly subjectId: string) {
    super(`expected a subject whose personal data may be stored, received forgotten subject "${subjectId}"`);
    this.name = 'SubjectForgottenError';
  }
}

/** Subject ids are opaque identifiers (never personal data themselves): non-empty, at most 200 characters. */
export function assertSubjectId(subjectId: string): string {
  if (typeof subjectId !== 'string' || subjectId.length === 0 || subjectId.length > 200) {
    throw new TypeError(
      `expected a subject id of 1 to 200 characters, received ${JSON.stringify(subjectId)}`,
    );
  }
  return subjectId;
}
