import type { RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { GENESIS_HASH, eventHash, linkEvents } from '../hash-chain.js';
import { normaliseEvents } from '../normalise-events.js';
import { ENVELOPE_FORMAT, decodeEvent, encodeEvent } from './envelope-codec.js';
import { StreamNames } from './stream-names.js';

const names = new StreamNames('t1_');
const metadata = {
  actorId: 'staff-7',
  role: 'station-staff',
  jurisdictionId: 'jurisdiction-3',
  commandId: 'command-9',
  correlationId: 'request-1',
  causationId: null,
};

function linked(data: unknown[]) {
  const events = normaliseEvents(
    'opinion-42',
    data.map((item, n) => ({
      id: `0f6c5e1e-0000-4000-8000-00000000000${n}`,
      type: 'OpinionReceived',
      schemaVersion: 2,
      data: item,
      metadata,
      occurredAt: '2026-03-01T08:30:00.250+08:00',
    })),
  );
  return linkEvents('opinion-42', events, { version: 4, hash: 'a'.repeat(64) }, '2026-03-01T00:31:00.000Z');
}

/** What the client sends and reads back: data and metadata as JSON text, revision and position from the server. */
function stored(
  index: number,
  data: unknown[],
  position = 9_000n + BigInt(index) * 300n,
): KurrentRecordedEvent {
  const event = linked(data)[index]!;
  const written = encodeEvent(event, index, 'append-1');
  return {
    streamId: names.stream('opinion-42'),
    id: written.id.toUpperCase(),
    isJson: true,
    revision: BigInt(event.streamPosition - 1),
    type: written.type,
    created: new Date(),
    data: JSON.parse(JSON.stringify(written.data)),
    metadata: JSON.parse(JSON.stringify(written.metadata)),
    position: { commit: position, prepare: position },
  };
}

describe('the envelope in KurrentDB metadata', () => {
  it('round-trips every field the hash covers, so the chain verifies on the events as read', () => {
    const data = [{ text: '代表联络站 😀', n: [1, 1.5, null] }, 'just a string', null, [1, { two: 2 }]];
    const original = linked(data);
    data.forEach((_, index) => {
      const decoded = decodeEvent(stored(index, data), names)!;
      const expected = original[index]!;
      expect(decoded.event).toEqual({
        id: expected.id,
        type: 'OpinionReceived',
        schemaVersion: 2,
        streamId: 'opinion-42',
        category: 'opinion',
        streamPosition: 5 + index,
        data: expected.data,
        metadata,
        occurredAt: '2026-03-01T00:30:00.250Z',
        recordedAt: '2026-03-01T00:31:00.000Z',
        previousHash: index === 0 ? 'a'.repeat(64) : original[index - 1]!.hash,
        hash: expected.hash,
      });
      expect(eventHash(decoded.event)).toBe(expected.hash);
      expect(decoded.appendIndex).toBe(index);
      expect(decoded.appendId).toBe('append-1');
      expect(decoded.revision).toBe(BigInt(4 + index));
      expect(decoded.logPosition).toBe(9_000n + BigInt(index) * 300n);
    });
  });

  it('writes the envelope as metadata, with KurrentDB correlation and causation conventions', () => {
    const [event] = linkEvents(
      'opinion-42',
      normaliseEvents('opinion-42', [
        {
          id: '0f6c5e1e-0000-4000-8000-000000000001',
          type: 'OpinionTagged',
          data: {},
          metadata: { ...metadata, causationId: 'event-8' },
          occurredAt: '2026-03-01T08:30:00Z',
        },
      ]),
      { version: 0, hash: GENESIS_HASH },
      '2026-03-01T00:31:00.000Z',
    );
    const written = encodeEvent(event!, 0, 'append-2');
    expect(written).toMatchObject({ id: event!.id, type: 'OpinionTagged', contentType: 'application/json' });
    expect(written.metadata).toEqual({
      format: ENVELOPE_FORMAT,
      schemaVersion: 1,
      occurredAt: '2026-03-01T08:30:00.000Z',
      recordedAt: '2026-03-01T00:31:00.000Z',
      metadata: { ...metadata, causationId: 'event-8' },
      previousHash: GENESIS_HASH,
      hash: event!.hash,
      appendIndex: 0,
      appendId: 'append-2',
      $correlationId: 'request-1',
      $causationId: 'event-8',
    });
  });

  it('takes events of other streams or without this envelope for foreign ones', () => {
    const data = [{ a: 1 }];
    expect(decodeEvent({ ...stored(0, data), streamId: 't2_opinion-42' }, names)).toBeNull();
    expect(decodeEvent({ ...stored(0, data), streamId: '$ce-opinion' }, names)).toBeNull();
    expect(decodeEvent({ ...stored(0, data), metadata: { $correlationId: 'x' } }, names)).toBeNull();
    expect(decodeEvent({ ...stored(0, data), metadata: undefined }, names)).toBeNull();
    const withoutIndex = { ...(stored(0, data).metadata as object), appendIndex: -1 };
    expect(decodeEvent({ ...stored(0, data), metadata: withoutIndex }, names)).toBeNull();
  });
});
