import { InvalidEventError } from '../errors.js';
import {
  EVENTS_PER_APPEND,
  MAX_ANCHOR,
  anchorOf,
  assertAppendSize,
  globalPosition,
  logPosition,
  readStart,
} from './positions.js';

describe('global positions over log positions', () => {
  it('numbers the events of one append consecutively from their anchor', () => {
    const anchor = 73_912n;
    const positions = [0, 1, 2].map((index) => globalPosition(anchor, index));
    expect(positions).toEqual([positions[0], positions[0]! + 1, positions[0]! + 2]);
    expect(positions[0]).toBe(73_912 * EVENTS_PER_APPEND);
  });

  it('orders appends as the log does, even when the next append starts one byte later', () => {
    // Records are at least one byte long, so an append of n events ends at least n bytes after its anchor.
    const first = globalPosition(1000n, EVENTS_PER_APPEND - 1);
    const next = globalPosition(1000n + BigInt(EVENTS_PER_APPEND), 0);
    expect(next).toBeGreaterThan(first);
    expect(globalPosition(1001n, 0)).toBeGreaterThan(globalPosition(1000n, 1));
  });

  it('reads the log from the anchor of the append holding a position, inclusively', () => {
    const position = globalPosition(5_000n, 7);
    expect(anchorOf(position)).toBe(5_000n);
    expect(readStart(position)).toEqual({ commit: 5_000n, prepare: 5_000n });
    expect(readStart(globalPosition(5_000n, 0))).toEqual({ commit: 5_000n, prepare: 5_000n });
    expect(readStart(0)).toBe('start');
  });

  it('keeps every position an exact integer and refuses a log that has outgrown them', () => {
    expect(Number.isSafeInteger(globalPosition(BigInt(MAX_ANCHOR), EVENTS_PER_APPEND - 1))).toBe(true);
    expect(() => globalPosition(BigInt(MAX_ANCHOR) + 1n, 0)).toThrow(/outgrown/);
    expect(() => globalPosition(-1n, 0)).toThrow(RangeError);
  });

  it('refuses append indexes outside one append', () => {
    expect(() => globalPosition(10n, EVENTS_PER_APPEND)).toThrow(/append index/);
    expect(() => globalPosition(10n, -1)).toThrow(RangeError);
    expect(() => globalPosition(10n, 1.5)).toThrow(RangeError);
  });

  it('limits an append to the events a position anchor can number, before anything is written', () => {
    expect(() => assertAppendSize('opinion-1', EVENTS_PER_APPEND)).not.toThrow();
    expect(() => assertAppendSize('opinion-1', EVENTS_PER_APPEND + 1)).toThrow(InvalidEventError);
  });

  it('takes the commit position of a recorded event, and says which server version reports it', () => {
    expect(logPosition({ commit: 42n, prepare: 42n }, 'event e')).toBe(42n);
    expect(logPosition(43n, 'event e')).toBe(43n);
    expect(() => logPosition(undefined, 'event e')).toThrow(/22\.6/);
  });
});
