// Command line: verifies an NDJSON export offline, or the configured event store, and reports the first broken link.
import 'reflect-metadata';
import { parsePublicKey, type VerificationReport } from '@liaison/audit';
import { SqlEventStore } from '@liaison/eventstore';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadAuditConfig } from '../audit-config.js';
import { verifyEventStore } from '../verifying/verify-store.js';
import { verifyExport, type ExportVerification } from '../verifying/verify-export.js';
import { ProgressBar } from './progress-bar.js';
import { openConfiguredSql } from './store-config.js';

const USAGE = `usage: pnpm audit:verify [--file <export.ndjson>] [--public-key <base64>]… [--json]
  --file        verify an export offline (no database needed); without it, verify the configured store
  --public-key  a trusted checkpoint key (raw ed25519, base64); default: AUDIT_SIGNING_KEY's (store) or the export's own
  --json        print the whole report as JSON
exit status: 0 verified, 1 a broken link was found, 2 the input could not be read`;

/** Renders a report for people: the verdict, what was checked, and the broken links. */
export function describeReport(report: VerificationReport | ExportVerification): string {
  const lines: string[] = [];
  lines.push(report.ok ? 'VERIFIED: no broken link found' : `BROKEN: ${report.firstProblem?.message ?? ''}`);
  if (!report.ok && report.firstProblem) {
    const p = report.firstProblem;
    lines.push(
      `  first broken link: ${p.kind} at ${p.streamId ? `stream ${p.streamId} position ${p.streamPosition}, ` : ''}global position ${p.globalPosition ?? '?'}${p.throughGlobalPosition ? `–${p.throughGlobalPosition}` : ''}`,
    );
  }
  lines.push(
    `  ${report.eventsVerified} events in ${report.streamsVerified} streams; ${report.checkpointsVerified} checkpoints verified`,
  );
  if (report.lastCheckpoint) {
    lines.push(
      `  last checkpoint: ${report.lastCheckpoint.treeSize} events, root ${report.lastCheckpoint.rootHash}, ${report.lastCheckpoint.time}`,
    );
  }
  if (report.unsealedEvents > 0)
    lines.push(
      `  ${report.unsealedEvents} events not covered by a verified checkpoint (sealed later, or the seal is broken)`,
    );
  if ('trustedExportKeys' in report && report.trustedExportKeys) {
    lines.push(
      `  note: checked against the key(s) the export carries (${report.keyIds.join(', ')}); pass --public-key with the published key to rule out a forged export`,
    );
  }
  if (report.problems.length > 1) {
    lines.push(`  ${report.problems.length}${report.truncated ? '+' : ''} broken links in all:`);
    for (const p of report.problems.slice(0, 20)) lines.push(`    ${p.kind}: ${p.message}`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      file: { type: 'string' },
      'public-key': { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const givenKeys = values['public-key']?.map(parsePublicKey);
  const progress = new ProgressBar(process.stderr);
  let report: VerificationReport | ExportVerification;
  if (values.file) {
    const lines = createInterface({ input: createReadStream(values.file), crlfDelay: Infinity });
    report = await verifyExport(lines, { publicKeys: givenKeys });
  } else {
    const sql = await openConfiguredSql();
    const store = await SqlEventStore.open(sql);
    try {
      report = await verifyEventStore(store, {
        publicKeys: givenKeys ?? loadAuditConfig().publicKeys,
        onProgress: (done, head) => progress.update(done, head),
      });
    } finally {
      progress.finish();
      await store.close();
      await sql.close();
    }
  }
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report));
  return report.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
      process.exit(2);
    },
  );
}
