// GraphQL export in pages: concatenating the pages' text gives the same NDJSON (or CSV) the command line writes.
import { toHex, type InclusionProof } from '@liaison/audit';
import { categoryOf, type RecordedEvent } from '@liaison/eventstore';
import type { RequestContext } from '@liaison/graphql-kit';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import type { AuditDeps } from '../audit-deps.js';
import { AuditLogFilter, selectionOf } from '../history/history.input.js';
import { requireAuditor } from '../history/history.resolver.js';
import { scopeFor } from '../history/jurisdiction-scope.js';
import { csvHeader, csvRow } from './csv.js';
import { exportOpening, type EventRecord } from './export-records.js';
import { isWholeLog, selects, storeFilter } from './history-selection.js';

export const ExportFormatEnum = { NDJSON: 'ndjson', CSV: 'csv' } as const;
registerEnumType(ExportFormatEnum, {
  name: 'AuditExportFormat',
  description: 'NDJSON carries what the offline verifier needs; CSV is for spreadsheets.',
});

@ObjectType('AuditExportPage', { description: 'A piece of an export; append each page’s text in order.' })
export class AuditExportPage {
  @Field(() => String)
  text!: string;

  @Field(() => Int, { description: 'Events in this page.' })
  events!: number;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

/** Where an export stands between pages. */
interface ExportCursor {
  /** Last global position examined. */
  p: number;
  /** Events written so far. */
  n: number;
  /** The log's head when the export began: it ends there. */
  h: number;
  /** Tree size the proofs are against (0: none). */
  t: number;
}

const SCAN_BUDGET = 20_000;
const READ_PAGE = 1000;

function encodeCursor(cursor: ExportCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): ExportCursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as ExportCursor;
    if ([value.p, value.n, value.h, value.t].every((n) => Number.isSafeInteger(n) && n >= 0)) return value;
  } catch {
    // falls through to the error below
  }
  throw new GraphQLError(
    `expected a cursor from a previous page's endCursor, received ${JSON.stringify(text)}`,
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

@Resolver()
export class AuditExportResolver {
  constructor(private readonly deps: AuditDeps) {}

  @Query(() => AuditExportPage, {
    description:
      'Exports a selection of history a page at a time (first page: header and checkpoints). Auditors only.',
  })
  async auditExport(
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Arg('format', () => ExportFormatEnum, { defaultValue: 'ndjson' }) format: 'ndjson' | 'csv',
    @Arg('first', () => Int, { defaultValue: 1000, description: 'Most events in the page: 1 to 5000.' })
    first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditExportPage> {
    const principal = requireAuditor(context);
    if (!Number.isInteger(first) || first < 1 || first > 5000) {
      throw new GraphQLError(`first must be between 1 and 5000; received ${first}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const selection = selectionOf(filter);
    const wholeLog = isWholeLog(selection) && principal.jurisdictionId === null;
    const store = this.deps.storedEvents;
    let text = '';
    let cursor: ExportCursor;
    if (after) {
      cursor = decodeCursor(after);
    } else {
      const { header, checkpoints } = await exportOpening(store, selection, {
        publicKeys: this.deps.publicKeys,
        now: () => this.deps.now(),
        wholeLog,
      });
      const latest = checkpoints[checkpoints.length - 1]?.checkpoint.treeSize ?? 0;
      cursor = {
        p: Math.max(0, (selection.fromPosition ?? 1) - 1),
        n: 0,
        h: Math.min(header.headPosition, selection.toPosition ?? header.headPosition),
        t: wholeLog ? 0 : latest,
      };
      text +=
        format === 'csv'
          ? csvHeader()
          : [header, ...checkpoints].map((record) => `${JSON.stringify(record)}\n`).join('');
    }
    const levels = cursor.t > 0 ? await this.deps.merkle.upTo(cursor.t) : null;
    const proofOf = (event: RecordedEvent): InclusionProof | null =>
      levels && event.globalPosition <= cursor.t
        ? {
            treeSize: cursor.t,
            leafIndex: event.globalPosition - 1,
            auditPath: levels.inclusionProof(event.globalPosition - 1, cursor.t).map(toHex),
          }
        : null;
    const filterForStore = selection.streamId
      ? { categories: [categoryOf(selection.streamId)] }
      : storeFilter(selection);
    let events = 0;
    let scanned = 0;
    scan: while (cursor.p < cursor.h && events < first && scanned < SCAN_BUDGET) {
      const page = await store.readAll({ after: cursor.p, maxCount: READ_PAGE, filter: filterForStore });
      scanned += READ_PAGE;
      const candidates = page.filter((e) => e.globalPosition <= cursor.h && selects(selection, e));
      const visible = await scopeFor(principal, candidates, this.deps.ancestry);
      const selected = new Set(candidates.filter(visible));
      for (const event of page) {
        if (event.globalPosition > cursor.h) break;
        cursor.p = event.globalPosition;
        if (!selected.has(event)) continue;
        const record: EventRecord = wholeLog
          ? { record: 'event', event }
          : { record: 'event', event, proof: proofOf(event) };
        text += format === 'csv' ? csvRow(event) : `${JSON.stringify(record)}\n`;
        events += 1;
        if (events === first) break scan;
      }
      if (page.length < READ_PAGE) cursor.p = cursor.h;
    }
    cursor.n += events;
    const done = cursor.p >= cursor.h;
    if (done && format === 'ndjson') text += `${JSON.stringify({ record: 'end', events: cursor.n })}\n`;
    return Object.assign(new AuditExportPage(), {
      text,
      events,
      endCursor: done ? null : encodeCursor(cursor),
      hasNextPage: !done,
    });
  }
}
