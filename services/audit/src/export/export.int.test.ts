// Exports on both drivers: the whole log and a selection verify offline; edits to the file or the store are caught.
import { generateSigningKey } from '@liaison/audit';
import { eventHash, SqlEventStore } from '@liaison/eventstore';
import { quoteIdent, type SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { randomUUID } from 'node:crypto';
import { Sealer } from '../sealing/sealer.js';
import { ExportFormatError, verifyExport } from '../verifying/verify-export.js';
import { csvHeader, csvRow } from './csv.js';
import { exportRecords, type EventRecord } from './export-records.js';
import type { HistorySelection } from './history-selection.js';

const { signer } = generateSigningKey();

describe.each(testSqlTargets())('exports on $name', (target) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  beforeAll(async () => {
    sql = await target.open();
    store = await SqlEventStore.open(sql);
    for (let i = 0; i < 30; i++) {
      await store.append(`thing-${i % 3}`, [
        {
          id: randomUUID(),
          type: i % 2 === 0 ? 'ThingHappened' : 'ThingChanged',
          data: { i, note: i === 4 ? 'comma, "quote"\nline' : `n${i}` },
          metadata: {
            actorId: `user-${i % 2}`,
            role: 'station-staff',
            jurisdictionId: i % 5 === 0 ? 'j-1' : 'j-2',
            commandId: randomUUID(),
            correlationId: 'c',
            causationId: null,
          },
          occurredAt: '2026-01-01T08:00:00+08:00',
        },
      ]);
    }
    await new Sealer(store, { signer, everyEvents: 10, intervalMs: 3_600_000 }).catchUp();
  });
  afterAll(async () => {
    await store.close();
    await target.dispose(sql);
  });

  async function exportLines(selection: HistorySelection): Promise<string[]> {
    const lines: string[] = [];
    for await (const record of exportRecords(store, selection, {
      publicKeys: [signer.publicKey],
      batchSize: 7,
    })) {
      lines.push(JSON.stringify(record));
    }
    return lines;
  }

  it('exports the whole log, which verifies offline against the published key', async () => {
    const lines = await exportLines({});
    expect(lines).toHaveLength(1 + 3 + 33 + 1); // header, checkpoints, events, end
    const report = await verifyExport(lines, { publicKeys: [signer.publicKey] });
    expect(report).toMatchObject({ ok: true, wholeLog: true, eventsVerified: 33, checkpointsVerified: 3 });
    expect(report.trustedExportKeys).toBe(false);
    const withOwnKeys = await verifyExport(lines);
    expect(withOwnKeys).toMatchObject({ ok: true, trustedExportKeys: true, keyIds: [signer.keyId] });
  });

  it('catches an event edited in the exported file, at its stream and position', async () => {
    const lines = await exportLines({});
    const index = lines.findIndex((line) => line.includes('"globalPosition":8,'));
    const record = JSON.parse(lines[index]!) as EventRecord;
    record.event.data = { i: 7, note: 'changed' };
    lines[index] = JSON.stringify(record);
    const report = await verifyExport(lines, { publicKeys: [signer.publicKey] });
    expect(report.firstProblem).toMatchObject({
      kind: 'HASH_MISMATCH',
      streamId: 'thing-1',
      streamPosition: 3,
      globalPosition: 8,
    });
  });

  it('refuses a cut-off or malformed file with a clear error', async () => {
    const lines = await exportLines({});
    await expect(verifyExport(lines.slice(0, -1))).rejects.toThrow('the export is cut off');
    await expect(verifyExport([...lines.slice(0, 10), ...lines.slice(11)])).rejects.toThrow(
      'the end record counts 33 events, but the export holds 32',
    );
    await expect(verifyExport(['not json'])).rejects.toThrow(ExportFormatError);
  });

  it('exports a selection with inclusion proofs that verify against the signed checkpoint', async () => {
    const lines = await exportLines({ streamId: 'thing-2', eventTypes: ['ThingHappened'] });
    const events = lines.map((l) => JSON.parse(l) as { record: string }).filter((r) => r.record === 'event');
    expect(events).toHaveLength(5); // i = 2, 8, 14, 20, 26
    const report = await verifyExport(lines, { publicKeys: [signer.publicKey] });
    expect(report).toMatchObject({ ok: true, wholeLog: false, eventsVerified: 5, unsealedEvents: 0 });
  });

  it('selects by actor, jurisdiction, position and time', async () => {
    const count = async (selection: HistorySelection) =>
      (await exportLines(selection)).filter((l) => l.startsWith('{"record":"event"')).length;
    expect(await count({ actorId: 'user-1' })).toBe(15);
    expect(await count({ jurisdictionIds: ['j-1'] })).toBe(6);
    expect(await count({ fromPosition: 5, toPosition: 9 })).toBe(5);
    expect(await count({ fromTime: '2000-01-01T00:00:00.000Z', toTime: '2000-01-02T00:00:00.000Z' })).toBe(0);
    expect(await count({ categories: ['audit'] })).toBe(3);
  });

  it('catches a selection whose proofs no longer reach the signed root after the store was rewritten', async () => {
    const table = `${quoteIdent(sql.schema)}.events`;
    const [row] = await store.readAll({ after: 2, maxCount: 1 }); // thing-2, position 1
    const edited = { ...row!, data: { i: 2, note: 'rewritten' } };
    await sql.query(`UPDATE ${table} SET data = $2, hash = $3 WHERE global_position = $1`, [
      3,
      JSON.stringify(edited.data),
      eventHash(edited),
    ]);
    const fresh = await SqlEventStore.open(sql);
    const lines: string[] = [];
    for await (const record of exportRecords(
      fresh,
      { streamId: 'thing-2' },
      { publicKeys: [signer.publicKey] },
    )) {
      lines.push(JSON.stringify(record));
    }
    await fresh.close();
    const report = await verifyExport(lines, { publicKeys: [signer.publicKey] });
    expect(report.firstProblem).toMatchObject({
      kind: 'PROOF_INVALID',
      streamId: 'thing-2',
      streamPosition: 1,
      globalPosition: 3,
    });
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'CHAIN_BROKEN', streamId: 'thing-2', streamPosition: 2 }),
    );
  });

  it('renders CSV rows with every field, quoting what a spreadsheet could misread', async () => {
    const [event] = await store.readAll({ after: 4, maxCount: 1 });
    expect(csvHeader()).toMatch(/^globalPosition,streamId,streamPosition,type,/);
    const row = csvRow(event!);
    expect(row).toContain('"{""i"":4,""note"":""comma, \\""quote\\""\\nline""}"');
    expect(row.endsWith(`,${event!.previousHash},${event!.hash}\r\n`)).toBe(true);
  });
});
