// Command line: exports a selection of history as NDJSON (verifiable offline) or CSV, with a progress bar on a TTY.
import 'reflect-metadata';
import { SqlEventStore } from '@liaison/eventstore';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadAuditConfig } from '../audit-config.js';
import { csvHeader, csvRow } from '../export/csv.js';
import { exportRecords } from '../export/export-records.js';
import type { HistorySelection } from '../export/history-selection.js';
import { ProgressBar } from './progress-bar.js';
import { openConfiguredSql } from './store-config.js';

const USAGE = `usage: pnpm audit:export [--format ndjson|csv] [--out <file>] [selection]
selection (all optional; none exports the whole log):
  --stream <id>  --category <c>…  --type <T>…  --actor <id>  --jurisdiction <id>…
  --from-position <n>  --to-position <n>  --from-time <ISO>  --to-time <ISO>
reads DATABASE_URL / DATA_DIR / DB_SCHEMA and AUDIT_SIGNING_KEY / AUDIT_TRUSTED_KEYS from the environment`;

export interface ExportArguments {
  format: 'ndjson' | 'csv';
  out: string | null;
  selection: HistorySelection;
}

/** Parses the command line; throws with the usage on anything unknown or malformed. */
export function parseExportArguments(args: readonly string[]): ExportArguments {
  const { values } = parseArgs({
    args: [...args],
    options: {
      format: { type: 'string', default: 'ndjson' },
      out: { type: 'string' },
      stream: { type: 'string' },
      category: { type: 'string', multiple: true },
      type: { type: 'string', multiple: true },
      actor: { type: 'string' },
      jurisdiction: { type: 'string', multiple: true },
      'from-position': { type: 'string' },
      'to-position': { type: 'string' },
      'from-time': { type: 'string' },
      'to-time': { type: 'string' },
    },
    strict: true,
  });
  if (values.format !== 'ndjson' && values.format !== 'csv') {
    throw new Error(`--format: expected ndjson or csv, received ${values.format}\n${USAGE}`);
  }
  const position = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new Error(`--${name}: expected a position ≥ 1, received ${value}`);
    return n;
  };
  const time = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    if (Number.isNaN(Date.parse(value)))
      throw new Error(`--${name}: expected an ISO-8601 time, received ${value}`);
    return new Date(value).toISOString();
  };
  const selection: HistorySelection = {
    streamId: values.stream,
    categories: values.category,
    eventTypes: values.type,
    actorId: values.actor,
    jurisdictionIds: values.jurisdiction,
    fromPosition: position('from-position', values['from-position']),
    toPosition: position('to-position', values['to-position']),
    fromTime: time('from-time', values['from-time']),
    toTime: time('to-time', values['to-time']),
  };
  for (const key of Object.keys(selection) as Array<keyof HistorySelection>) {
    if (selection[key] === undefined) delete selection[key];
  }
  return { format: values.format, out: values.out ?? null, selection };
}

/** Writes the export to `out`, waiting for the stream to drain; returns how many events were written. */
export async function writeExport(
  store: SqlEventStore,
  args: ExportArguments,
  out: Writable,
  progress: ProgressBar,
): Promise<number> {
  const { publicKeys } = loadAuditConfig();
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let events = 0;
  if (args.format === 'csv') await write(csvHeader());
  for await (const record of exportRecords(store, args.selection, {
    publicKeys,
    onProgress: (position, head) => progress.update(position, head),
  })) {
    if (record.record === 'event') events += 1;
    if (args.format === 'ndjson') await write(`${JSON.stringify(record)}\n`);
    else if (record.record === 'event') await write(csvRow(record.event));
  }
  progress.finish();
  return events;
}

async function main(): Promise<void> {
  const args = parseExportArguments(process.argv.slice(2));
  const sql = await openConfiguredSql();
  const store = await SqlEventStore.open(sql);
  const out = args.out ? createWriteStream(args.out) : process.stdout;
  try {
    const events = await writeExport(store, args, out, new ProgressBar(process.stderr));
    if (args.out) {
      out.end();
      await once(out, 'finish');
      process.stderr.write(`exported ${events} events to ${args.out}\n`);
    }
  } finally {
    await store.close();
    await sql.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  });
}
