import { InvalidEventError } from '../errors.js';
import {
  expectedVersionNumber,
  revisionOf,
  streamPositionOf,
  streamStateFor,
  versionOfState,
} from './expected-version.js';

describe('expected versions against KurrentDB revisions', () => {
  it('maps any to no check, no_stream to version 0, and an exact version to itself', () => {
    expect(expectedVersionNumber('any')).toBeNull();
    expect(expectedVersionNumber('no_stream')).toBe(0);
    expect(expectedVersionNumber(0)).toBe(0);
    expect(expectedVersionNumber(7)).toBe(7);
  });

  it.each([[-1], [1.5], [Number.NaN], ['latest' as unknown as number]])(
    'refuses %p as an expected version',
    (value) => {
      expect(() => expectedVersionNumber(value)).toThrow(InvalidEventError);
    },
  );

  it('appends on an empty stream as no_stream and on version n at revision n - 1', () => {
    expect(streamStateFor(0)).toBe('no_stream');
    expect(streamStateFor(1)).toBe(0n);
    expect(streamStateFor(42)).toBe(41n);
  });

  it('reads the actual version of a conflict from the stream state KurrentDB reports', () => {
    expect(versionOfState('no_stream')).toBe(0);
    expect(versionOfState(0n)).toBe(1);
    expect(versionOfState(2n)).toBe(3);
    // deleted and tombstoned streams report negative revisions and hold no events
    expect(versionOfState(-5n)).toBe(0);
    expect(versionOfState(-6n)).toBe(0);
  });

  it('counts stream positions from 1 and revisions from 0', () => {
    expect(streamPositionOf(0n)).toBe(1);
    expect(revisionOf(1)).toBe(0n);
    expect(revisionOf(streamPositionOf(99n))).toBe(99n);
  });
});
