// The export format: NDJSON records carrying what an offline verifier needs (events, hashes, checkpoints, keys).
import {
  eventLeafHash,
  keyIdOf,
  MerkleLevels,
  toHex,
  type InclusionProof,
  type LocatedCheckpoint,
} from '@liaison/audit';
import { categoryOf, type EventStore, type RecordedEvent } from '@liaison/eventstore';
import type { KeyObject } from 'node:crypto';
import { readCheckpoints } from '../verifying/verify-store.js';
import { isWholeLog, selects, storeFilter, type HistorySelection } from './history-selection.js';

export const EXPORT_FORMAT = 'liaison-audit-export';
export const EXPORT_VERSION = 1;

/** First record: what was exported, from which log, and the keys its checkpoints are signed with. */
export interface ExportHeader {
  record: 'header';
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  selection: HistorySelection;
  /** True when the selection is the whole log: the verifier then recomputes everything. */
  wholeLog: boolean;
  headPosition: number;
  /** The platform's checkpoint keys (raw ed25519, base64). Verify against keys you obtained elsewhere. */
  publicKeys: Array<{ keyId: string; publicKey: string }>;
}

export interface CheckpointRecord extends LocatedCheckpoint {
  record: 'checkpoint';
}

export interface EventRecord {
  record: 'event';
  event: RecordedEvent;
  /** For a selection: the event's inclusion proof against the latest checkpoint; null when not sealed yet. */
  proof?: InclusionProof | null;
}

/** Last record: how many events were written, so a cut-off file is noticed. */
export interface EndRecord {
  record: 'end';
  events: number;
}

export type ExportRecord = ExportHeader | CheckpointRecord | EventRecord | EndRecord;

export interface ExportOptions {
  publicKeys: readonly KeyObject[];
  now?: () => Date;
  batchSize?: number;
  /** Called as events are read, with how far the log has been read and its head. */
  onProgress?: (position: number, head: number) => void;
}

/** The header and checkpoint records that open an export. */
export async function exportOpening(
  store: EventStore,
  selection: HistorySelection,
  options: { publicKeys: readonly KeyObject[]; now?: () => Date; wholeLog: boolean; batchSize?: number },
): Promise<{ header: ExportHeader; checkpoints: CheckpointRecord[] }> {
  const headPosition = await store.headPosition();
  const checkpoints = await readCheckpoints(store, options.batchSize ?? 2000);
  const header: ExportHeader = {
    record: 'header',
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    selection,
    wholeLog: options.wholeLog,
    headPosition,
    publicKeys: options.publicKeys.map((key) => ({
      keyId: keyIdOf(key),
      publicKey: key.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64'),
    })),
  };
  return { header, checkpoints: checkpoints.map((c) => ({ record: 'checkpoint', ...c })) };
}

/** Reads a selection of history from a store (in stored form) as export records, in order. */
export async function* exportRecords(
  store: EventStore,
  selection: HistorySelection,
  options: ExportOptions,
): AsyncGenerator<ExportRecord> {
  const batchSize = options.batchSize ?? 2000;
  const wholeLog = isWholeLog(selection);
  const { header, checkpoints } = await exportOpening(store, selection, { ...options, wholeLog });
  const headPosition = header.headPosition;
  yield header;
  yield* checkpoints;

  // A selection carries proofs against the latest checkpoint, computed from every leaf up to it.
  const latest = checkpoints[checkpoints.length - 1]?.checkpoint ?? null;
  const levels = !wholeLog && latest ? await leavesUpTo(store, latest.treeSize, batchSize) : null;
  const proofOf = (event: RecordedEvent): InclusionProof | null => {
    if (!levels || !latest || event.globalPosition > latest.treeSize) return null;
    const leafIndex = event.globalPosition - 1;
    return {
      treeSize: latest.treeSize,
      leafIndex,
      auditPath: levels.inclusionProof(leafIndex, latest.treeSize).map(toHex),
    };
  };

  let count = 0;
  for await (const event of selectedEvents(store, selection, batchSize, headPosition, options.onProgress)) {
    count += 1;
    yield wholeLog ? { record: 'event', event } : { record: 'event', event, proof: proofOf(event) };
  }
  yield { record: 'end', events: count };
}

/** The selected events in order, reading a single stream directly and the log otherwise. */
async function* selectedEvents(
  store: EventStore,
  selection: HistorySelection,
  batchSize: number,
  head: number,
  onProgress?: (position: number, head: number) => void,
): AsyncGenerator<RecordedEvent> {
  let after = Math.max(0, (selection.fromPosition ?? 1) - 1);
  const last = Math.min(selection.toPosition ?? head, head);
  // A stream's events are found through its category's index; the rest of the selection is checked per event.
  const filter =
    selection.streamId === undefined
      ? storeFilter(selection)
      : { categories: [categoryOf(selection.streamId)] };
  while (after < last) {
    const events = await store.readAll({ after, maxCount: batchSize, filter });
    for (const event of events) {
      if (event.globalPosition > last) break;
      if (selects(selection, event)) yield event;
    }
    const end = events.length < batchSize ? last : events[events.length - 1]!.globalPosition;
    onProgress?.(Math.min(end, last), last);
    if (events.length < batchSize) break;
    after = end;
  }
}

async function leavesUpTo(store: EventStore, size: number, batchSize: number): Promise<MerkleLevels> {
  const levels = new MerkleLevels();
  while (levels.size < size) {
    const events = await store.readAll({
      after: levels.size,
      maxCount: Math.min(batchSize, size - levels.size),
    });
    if (events.length === 0) break;
    for (const event of events) levels.append(eventLeafHash(event));
  }
  return levels;
}
