import { ErrorType } from '@kurrent/kurrentdb-client';
import { InvalidEventError, StreamNotFoundError } from '../errors.js';
import { appendError, isMissingStream, isWrongExpectedVersion, readError } from './kurrent-errors.js';

const clientError = (type: ErrorType, extra: object = {}) =>
  Object.assign(new Error(`client says ${type}`), { type, ...extra });

describe('KurrentDB errors as port errors', () => {
  it('reads a missing, deleted or tombstoned stream as StreamNotFoundError', () => {
    for (const type of [
      ErrorType.STREAM_NOT_FOUND,
      ErrorType.NO_STREAM,
      ErrorType.STREAM_DELETED,
      ErrorType.STREAM_TOMBSTONED,
    ]) {
      expect(isMissingStream(clientError(type))).toBe(true);
      const error = readError(clientError(type), 'opinion-1');
      expect(error).toBeInstanceOf(StreamNotFoundError);
      expect(error).toMatchObject({ code: 'STREAM_NOT_FOUND', streamId: 'opinion-1' });
    }
  });

  it('passes other read failures through unchanged', () => {
    const unavailable = clientError(ErrorType.UNAVAILABLE);
    expect(readError(unavailable, 'opinion-1')).toBe(unavailable);
    expect(readError(null, 'opinion-1')).toBeNull();
  });

  it('recognises the conflict error and its actual state', () => {
    const conflict = clientError(ErrorType.WRONG_EXPECTED_VERSION, { actualState: 2n });
    expect(isWrongExpectedVersion(conflict)).toBe(true);
    expect(isWrongExpectedVersion(clientError(ErrorType.ACCESS_DENIED))).toBe(false);
    expect(isWrongExpectedVersion(undefined)).toBe(false);
  });

  it('reports an append the server refuses for its size as an invalid request', () => {
    const error = appendError(clientError(ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED), 'opinion-1');
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as Error).message).toMatch(/opinion-1.*size/);
    const denied = clientError(ErrorType.ACCESS_DENIED);
    expect(appendError(denied, 'opinion-1')).toBe(denied);
  });
});
