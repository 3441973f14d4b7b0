import { createHash } from 'node:crypto';
import { GENESIS_HASH, canonicalJson, eventHash, linkEvents, type HashedFields } from './hash-chain.js';
import type { NormalisedEvent } from './normalise-events.js';

const metadata = {
  actorId: 'u1',
  role: 'station-staff',
  jurisdictionId: 'j1',
  commandId: 'c1',
  correlationId: 'c1',
  causationId: null,
};

function hashed(overrides: Partial<HashedFields> = {}): HashedFields {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    type: 'OpinionReceived',
    schemaVersion: 1,
    streamId: 'opinion-1',
    streamPosition: 1,
    occurredAt: '2026-01-01T00:00:00.000Z',
    recordedAt: '2026-01-01T00:00:01.000Z',
    data: { text: 'more buses', votes: 3 },
    metadata,
    previousHash: GENESIS_HASH,
    ...overrides,
  };
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts object members by UTF-16 code units, recursively, without whitespace', () => {
    // The sorting example of RFC 8785 §3.2.3.
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Integer-like keys come first in a JS object's own order; the canonical form sorts them with the rest.
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson({ b: [3, { z: 1, a: [] }], a: { d: null, c: true } })).toBe(
      '{"a":{"c":true,"d":null},"b":[3,{"a":[],"z":1}]}',
    );
  });

  it('writes numbers and strings in their ECMAScript form', () => {
    // Number examples of RFC 8785 Appendix B.
    expect(canonicalJson([0, -0, 1e21, 1e-7, 333333333.3333333, 1e23, 4.5, 2e-3, 0.000001])).toBe(
      '[0,0,1e+21,1e-7,333333333.3333333,1e+23,4.5,0.002,0.000001]',
    );
    expect(canonicalJson('\u20ac$\u000f\nA\'B"\\\\"/')).toBe('"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"');
  });

  it('omits undefined members, writes undefined array items as null, and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined])).toBe('[null]');
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('eventHash', () => {
  it('is SHA-256 hex over the canonical JSON of the hashed fields', () => {
    const fields = hashed();
    const expected = createHash('sha256').update(canonicalJson(fields)).digest('hex');
    expect(eventHash(fields)).toBe(expected);
    expect(eventHash(fields)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores fields outside the hash and key order, and changes when any hashed field changes', () => {
    const base = eventHash(hashed());
    expect(
      eventHash({ ...hashed(), globalPosition: 42, category: 'opinion', hash: 'x' } as HashedFields),
    ).toBe(base);
    expect(eventHash(hashed({ data: { votes: 3, text: 'more buses' } }))).toBe(base);
    const changes: Array<Partial<HashedFields>> = [
      { id: '00000000-0000-4000-8000-000000000002' },
      { type: 'OpinionWithdrawn' },
      { schemaVersion: 2 },
      { streamId: 'opinion-2' },
      { streamPosition: 2 },
      { occurredAt: '2026-01-01T00:00:00.001Z' },
      { recordedAt: '2026-01-01T00:00:01.001Z' },
      { data: { text: 'more buses', votes: 4 } },
      { metadata: { ...metadata, actorId: 'u2' } },
      { previousHash: 'f'.repeat(64) },
    ];
    for (const change of changes) expect(eventHash(hashed(change))).not.toBe(base);
  });
});

describe('linkEvents', () => {
  const event = (n: number): NormalisedEvent => ({
    id: `00000000-0000-4000-8000-00000000000${n}`,
    type: 'OpinionReceived',
    schemaVersion: 1,
    data: { n },
    metadata,
    occurredAt: '2026-01-01T00:00:00.000Z',
  });

  it('numbers events after the head and chains each to the one before', () => {
    const head = { version: 4, hash: 'a'.repeat(64) };
    const linked = linkEvents('opinion-1', [event(1), event(2), event(3)], head, '2026-01-02T00:00:00.000Z');
    expect(linked.map((e) => e.streamPosition)).toEqual([5, 6, 7]);
    expect(linked[0]!.previousHash).toBe(head.hash);
    expect(linked[1]!.previousHash).toBe(linked[0]!.hash);
    expect(linked[2]!.previousHash).toBe(linked[1]!.hash);
    for (const e of linked) expect(eventHash(e)).toBe(e.hash);
  });

  it('starts a new stream from the genesis hash', () => {
    const [first] = linkEvents(
      'opinion-1',
      [event(1)],
      { version: 0, hash: GENESIS_HASH },
      '2026-01-02T00:00:00.000Z',
    );
    expect(first).toMatchObject({ streamPosition: 1, previousHash: '0'.repeat(64) });
  });
});
