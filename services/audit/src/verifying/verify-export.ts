// Verifies an NDJSON export offline: the whole log is recomputed; a selection is checked through its proofs.
import {
  LogVerifier,
  parsePublicKey,
  SelectionVerifier,
  type LocatedCheckpoint,
  type VerificationReport,
} from '@liaison/audit';
import type { KeyObject } from 'node:crypto';
import { EXPORT_FORMAT, type ExportHeader, type ExportRecord } from '../export/export-records.js';

/** Thrown when a file is not a readable export; the message says where and what was expected. */
export class ExportFormatError extends Error {
  readonly code = 'INVALID_EXPORT';
  constructor(message: string) {
    super(message);
    this.name = 'ExportFormatError';
  }
}

export interface VerifyExportOptions {
  /** Keys to trust; when absent, the keys in the export's header are used (and `trustedExportKeys` is true). */
  publicKeys?: readonly KeyObject[];
  maxProblems?: number;
}

export interface ExportVerification extends VerificationReport {
  wholeLog: boolean;
  /** True when the checkpoints were checked against the keys the export itself carries. */
  trustedExportKeys: boolean;
  keyIds: string[];
}

/** Verifies the lines of an export (NDJSON, one record per line) as they are read. */
export async function verifyExport(
  lines: AsyncIterable<string> | Iterable<string>,
  options: VerifyExportOptions = {},
): Promise<ExportVerification> {
  let header: ExportHeader | null = null;
  const checkpoints: LocatedCheckpoint[] = [];
  let verifier: LogVerifier | SelectionVerifier | null = null;
  let keys: readonly KeyObject[] = options.publicKeys ?? [];
  let ended: number | null = null;
  let events = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const record = parseRecord(line, lineNumber);
    if (ended !== null)
      throw new ExportFormatError(`line ${lineNumber}: expected nothing after the end record`);
    switch (record.record) {
      case 'header':
        if (header) throw new ExportFormatError(`line ${lineNumber}: expected one header, found a second`);
        if (record.format !== EXPORT_FORMAT || record.version !== 1) {
          throw new ExportFormatError(
            `line ${lineNumber}: expected format ${EXPORT_FORMAT} version 1, received ${String(record.format)} ${String(record.version)}`,
          );
        }
        header = record;
        if (!options.publicKeys) keys = record.publicKeys.map((k) => parsePublicKey(k.publicKey));
        break;
      case 'checkpoint':
        if (!header || verifier) {
          throw new ExportFormatError(
            `line ${lineNumber}: expected checkpoints after the header and before events`,
          );
        }
        checkpoints.push({ globalPosition: record.globalPosition, checkpoint: record.checkpoint });
        break;
      case 'event':
        if (!header) throw new ExportFormatError(`line ${lineNumber}: expected the header first`);
        verifier ??= header.wholeLog
          ? new LogVerifier({ publicKeys: keys, checkpoints, maxProblems: options.maxProblems })
          : new SelectionVerifier({ publicKeys: keys, checkpoints, maxProblems: options.maxProblems });
        if (verifier instanceof LogVerifier) verifier.feed(record.event);
        else verifier.feed(record.event, record.proof ?? null);
        events += 1;
        break;
      case 'end':
        ended = record.events;
        break;
    }
  }
  if (!header) throw new ExportFormatError('expected an export header on the first line; the file is empty');
  if (ended === null) {
    throw new ExportFormatError(`expected an end record after ${events} events; the export is cut off`);
  }
  if (ended !== events) {
    throw new ExportFormatError(`the end record counts ${ended} events, but the export holds ${events}`);
  }
  verifier ??= header.wholeLog
    ? new LogVerifier({ publicKeys: keys, checkpoints, maxProblems: options.maxProblems })
    : new SelectionVerifier({ publicKeys: keys, checkpoints, maxProblems: options.maxProblems });
  return {
    ...verifier.finish(),
    wholeLog: header.wholeLog,
    trustedExportKeys: !options.publicKeys,
    keyIds: header.publicKeys.map((k) => k.keyId),
  };
}

function parseRecord(line: string, lineNumber: number): ExportRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new ExportFormatError(`line ${lineNumber}: expected one JSON record, ${(error as Error).message}`);
  }
  const kind = (value as { record?: unknown } | null)?.record;
  if (kind !== 'header' && kind !== 'checkpoint' && kind !== 'event' && kind !== 'end') {
    throw new ExportFormatError(
      `line ${lineNumber}: expected a record of header, checkpoint, event or end, received ${JSON.stringify(kind)}`,
    );
  }
  return value as ExportRecord;
}
