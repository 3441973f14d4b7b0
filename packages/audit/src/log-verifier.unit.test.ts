// The verifier on an in-memory log: an intact log verifies; each kind of alteration is reported where it is.
import { eventHash, GENESIS_HASH, type RecordedEvent } from '@liaison/eventstore';
import { signCheckpoint } from './checkpoint.js';
import { eventLeaf, eventLeafHash, recomputeEvent, recomputeEventHashes } from './event-leaf.js';
import { LogVerifier, type LocatedCheckpoint } from './log-verifier.js';
import { leafHash, toHex } from './merkle-hash.js';
import { generateSigningKey } from './signing-key.js';
import { TreeFrontier } from './tree-frontier.js';

const { signer } = generateSigningKey();

/** A log of `count` events over three streams, with a checkpoint sealing the first `sealAt` events at the end. */
function buildLog(
  count: number,
  sealAt: number,
): { events: RecordedEvent[]; checkpoints: LocatedCheckpoint[] } {
  const tips = new Map<string, { position: number; hash: string }>();
  const events: RecordedEvent[] = [];
  const frontier = TreeFrontier.empty();
  const append = (streamId: string, type: string, data: unknown) => {
    const tip = tips.get(streamId) ?? { position: 0, hash: GENESIS_HASH };
    const fields = {
      id: `00000000-0000-4000-8000-${String(events.length + 1).padStart(12, '0')}`,
      type,
      schemaVersion: 1,
      streamId,
      streamPosition: tip.position + 1,
      occurredAt: '2026-01-01T00:00:00.000Z',
      recordedAt: '2026-01-01T00:00:00.000Z',
      data,
      metadata: {
        actorId: 'u',
        role: 'admin',
        jurisdictionId: null,
        commandId: 'c',
        correlationId: 'c',
        causationId: null,
      },
      previousHash: tip.hash,
    };
    const event: RecordedEvent = {
      ...fields,
      category: streamId.split('-')[0]!,
      globalPosition: events.length + 1,
      hash: eventHash(fields),
    };
    tips.set(streamId, { position: event.streamPosition, hash: event.hash });
    events.push(event);
    return event;
  };
  for (let i = 0; i < count; i++) {
    const event = append(`thing-${i % 3}`, 'ThingHappened', { n: i });
    frontier.append(eventLeafHash(event));
  }
  const sealed = TreeFrontier.empty();
  for (const event of events.slice(0, sealAt)) sealed.append(eventLeafHash(event));
  const body = { treeSize: sealAt, rootHash: toHex(sealed.root()), time: '2026-01-01T00:00:01.000Z' };
  const signed = signCheckpoint(body, sealed.toJSON(), signer);
  const located = append('audit-checkpoints', 'CheckpointSealed', signed);
  return { events, checkpoints: [{ globalPosition: located.globalPosition, checkpoint: signed }] };
}

function verify(events: RecordedEvent[], checkpoints: LocatedCheckpoint[]) {
  const verifier = new LogVerifier({ publicKeys: [signer.publicKey], checkpoints });
  for (const event of events) verifier.feed(event);
  return verifier.finish();
}

describe('recomputeEvent', () => {
  it('gives exactly eventHash and eventLeaf from one serialisation', () => {
    const { events } = buildLog(6, 6);
    for (const event of events) {
      const { hash, leaf } = recomputeEvent(event);
      expect(hash).toBe(eventHash(event));
      expect(leaf.equals(eventLeaf(event))).toBe(true);
    }
    const odd = {
      ...events[0]!,
      data: { z: [1, { b: 2, a: 'ü\u2028"' }], a: null },
      metadata: { ...events[0]!.metadata, extra: { b: 1, a: 2 } },
    };
    expect(recomputeEvent(odd).hash).toBe(eventHash(odd));
    expect(recomputeEvent(odd).leaf.equals(eventLeaf(odd))).toBe(true);
  });

  it('gives the same chain and leaf hashes without building the leaf bytes', () => {
    const { events } = buildLog(6, 6);
    const odd = {
      ...events[0]!,
      // Members out of order (as PostgreSQL's jsonb returns them), nesting, non-ASCII and escapes.
      data: { note: 'ü\u2028"\u0000', amount: 3, z: [1, { b: 2, a: '😀' }], a: null, skipped: undefined },
    };
    for (const event of [...events, odd]) {
      const { hash, leafHash: leaf } = recomputeEventHashes(event);
      expect(hash).toBe(eventHash(event));
      expect(toHex(leaf)).toBe(toHex(eventLeafHash(event)));
      expect(toHex(leafHash(eventLeaf(event).toString('utf8')))).toBe(toHex(eventLeafHash(event)));
    }
  });
});

describe('LogVerifier', () => {
  it('passes an intact log and reports what it checked', () => {
    const { events, checkpoints } = buildLog(20, 20);
    const report = verify(events, checkpoints);
    expect(report).toMatchObject({
      ok: true,
      eventsVerified: 21,
      streamsVerified: 4,
      checkpointsVerified: 1,
      unsealedEvents: 1,
      firstProblem: null,
    });
    expect(report.lastCheckpoint).toMatchObject({ treeSize: 20, globalPosition: 21 });
  });

  it('reports an edited event at its stream and position', () => {
    const { events, checkpoints } = buildLog(20, 20);
    events[7] = { ...events[7]!, data: { n: 700 } };
    const report = verify(events, checkpoints);
    expect(report.firstProblem).toMatchObject({
      kind: 'HASH_MISMATCH',
      streamId: 'thing-1',
      streamPosition: 3,
      globalPosition: 8,
    });
    expect(report.problems.map((p) => p.kind)).toEqual(['HASH_MISMATCH', 'ROOT_MISMATCH']);
  });

  it('reports a reordering that keeps every chain intact through the checkpoint root', () => {
    const { events, checkpoints } = buildLog(20, 20);
    const a = events[9]!;
    const b = events[10]!;
    events[9] = { ...b, globalPosition: 10 };
    events[10] = { ...a, globalPosition: 11 };
    const report = verify(events, checkpoints);
    expect(report.problems).toHaveLength(1);
    expect(report.firstProblem?.kind).toBe('ROOT_MISMATCH');
    expect(report.firstProblem?.globalPosition).toBeLessThanOrEqual(10);
    expect(report.firstProblem?.throughGlobalPosition).toBeGreaterThanOrEqual(11);
  });

  it('refuses a forged or untrusted checkpoint', () => {
    const { events, checkpoints } = buildLog(5, 5);
    const forged = checkpoints.map((c) => ({ ...c, checkpoint: { ...c.checkpoint, treeSize: 4 } }));
    expect(verify(events, forged).firstProblem).toMatchObject({ kind: 'BAD_SIGNATURE', globalPosition: 6 });
    const other = new LogVerifier({ publicKeys: [generateSigningKey().signer.publicKey], checkpoints });
    expect(other.finish().firstProblem?.message).toContain('not a trusted key');
  });

  it('reports a log cut short under its checkpoint', () => {
    const { events, checkpoints } = buildLog(10, 10);
    const report = verify(events.slice(0, 8), checkpoints);
    expect(report.firstProblem).toMatchObject({ kind: 'MISSING_EVENT', globalPosition: 9 });
  });
});
