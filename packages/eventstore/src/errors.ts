// Typed failures of the event store port; each has a stable code callers can switch on.

export type EventStoreErrorCode = 'WRONG_EXPECTED_VERSION' | 'STREAM_NOT_FOUND' | 'INVALID_EVENT';

/** Base of every event store failure. */
export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
}

/** The stream was not at the version the writer expected. */
export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number,
  ) {
    super(
      `append to ${streamId}: expected version ${String(expected)}, but the stream is at version ${actual}`,
    );
    this.name = 'WrongExpectedVersionError';
  }
}

/** A stream was read that has no events. */
export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} does not exist`);
    this.name = 'StreamNotFoundError';
  }
}

/** An append or read request that is malformed; nothing was written. */
export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}
