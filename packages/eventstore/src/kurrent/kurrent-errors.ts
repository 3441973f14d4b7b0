// KurrentDB client errors as the port's typed errors, where the port has one.
import { ErrorType, type CurrentStreamState } from '@kurrent/kurrentdb-client';
import { InvalidEventError, StreamNotFoundError } from '../errors.js';

interface ClientError {
  type?: unknown;
  message?: unknown;
}

const MISSING_STREAM: readonly unknown[] = [
  ErrorType.STREAM_NOT_FOUND,
  ErrorType.NO_STREAM,
  ErrorType.STREAM_DELETED,
  ErrorType.STREAM_TOMBSTONED,
];
const TOO_LARGE: readonly unknown[] = [
  ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED,
  ErrorType.APPEND_RECORD_SIZE_EXCEEDED,
  ErrorType.TRANSACTION_MAX_SIZE_EXCEEDED,
];

/** The client's conflict error, which carries the stream's actual state. */
export interface WrongExpectedVersion {
  actualState: CurrentStreamState;
}

/** True for the client's wrong-expected-version error. */
export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersion {
  return (error as ClientError | null)?.type === ErrorType.WRONG_EXPECTED_VERSION;
}

/** True when a read failed because the stream has no events (never written, deleted or tombstoned). */
export function isMissingStream(error: unknown): boolean {
  return MISSING_STREAM.includes((error as ClientError | null)?.type);
}

/** A failed read of `streamId` as the port reports it: StreamNotFoundError for a missing stream, else as is. */
export function readError(error: unknown, streamId: string): unknown {
  return isMissingStream(error) ? new StreamNotFoundError(streamId) : error;
}

/** A failed append as the port reports it: a request the server refuses for its size is an invalid request. */
export function appendError(error: unknown, streamId: string): unknown {
  const clientError = error as ClientError | null;
  if (TOO_LARGE.includes(clientError?.type)) {
    return new InvalidEventError(
      `expected an append to ${streamId} within the server's size limits, but it refused it: ${String(clientError?.message)}`,
    );
  }
  return error;
}
