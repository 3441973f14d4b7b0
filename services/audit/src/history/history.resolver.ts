// GraphQL queries for auditors: any stream's events, the global log with filters, an aggregate "as of".
import {
  ConnectionArgs,
  requireRole,
  SafeIntScalar,
  toConnection,
  type RequestContext,
} from '@liaison/graphql-kit';
import { StreamNotFoundError, categoryOf, type RecordedEvent } from '@liaison/eventstore';
import { GraphQLError } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { AuditDeps } from '../audit-deps.js';
import { selects, storeFilter } from '../export/history-selection.js';
import { aggregateAsOf } from './aggregate-as-of.js';
import { AuditEvent, AuditEventConnection } from './audit-event.type.js';
import { AuditLogFilter, selectionOf } from './history.input.js';
import { scopeFor } from './jurisdiction-scope.js';

/** Events one auditLog page examines at most: a sparse filter returns a short page with hasNextPage. */
const SCAN_BUDGET = 5000;
const READ_PAGE = 500;

@ObjectType('AuditAggregate', {
  description: 'An aggregate rebuilt from its events as it stood at a moment.',
})
export class AuditAggregate {
  @Field(() => String)
  streamId!: string;

  @Field(() => Date)
  asOf!: Date;

  @Field(() => JSONResolver, { description: "The state, as the slice's decider folds it." })
  state!: unknown;

  @Field(() => Int, { description: 'Stream position of the last event folded (0: it did not exist yet).' })
  version!: number;

  @Field(() => SafeIntScalar, { nullable: true })
  globalPosition!: number | null;

  @Field(() => Date, { nullable: true })
  lastRecordedAt!: Date | null;
}

/** Parses a position cursor; a bad one is the caller's mistake. */
export function positionCursor(after: string | null | undefined): number {
  if (after == null || after === '') return 0;
  const position = Number(after);
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new GraphQLError(`expected a cursor from pageInfo.endCursor, received ${JSON.stringify(after)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return position;
}

/** The roles that read raw history. */
export function requireAuditor(context: RequestContext) {
  return requireRole(context, 'auditor', 'admin');
}

@Resolver()
export class AuditHistoryResolver {
  constructor(private readonly deps: AuditDeps) {}

  @Query(() => AuditEventConnection, {
    description: "One stream's events as stored, in order; the cursor is the stream position. Auditors only.",
  })
  async auditStream(
    @Arg('streamId', () => String) streamId: string,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() context: RequestContext,
  ) {
    const principal = requireAuditor(context);
    const after = positionCursor(args.after);
    let events: RecordedEvent[] = [];
    try {
      events = await this.deps.storedEvents.readStream(streamId, {
        fromPosition: after + 1,
        maxCount: args.first + 1,
      });
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    const hasNextPage = events.length > args.first;
    const page = events.slice(0, args.first);
    const visible = await scopeFor(principal, page, this.deps.ancestry);
    const items = page.filter(visible);
    const last = page[page.length - 1];
    return toConnection(
      { items, endCursor: last ? String(last.streamPosition) : null, hasNextPage },
      AuditEvent.from,
      { after: args.after, cursorOf: (event) => String(event.streamPosition) },
    );
  }

  @Query(() => AuditEventConnection, {
    description:
      'The global log in order, filtered; the cursor is the global position. A page examines at most 5,000 events, so a sparse filter may return fewer than `first` with hasNextPage. Auditors only.',
  })
  async auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() context: RequestContext,
  ) {
    const principal = requireAuditor(context);
    const selection = selectionOf(filter);
    const storeSelection = selection.streamId
      ? { categories: [categoryOf(selection.streamId)] }
      : storeFilter(selection);
    let after = Math.max(positionCursor(args.after), (selection.fromPosition ?? 1) - 1);
    const last = selection.toPosition ?? Number.MAX_SAFE_INTEGER;
    const items: RecordedEvent[] = [];
    let scanned = 0;
    let exhausted = after >= last;
    scan: while (!exhausted && scanned < SCAN_BUDGET) {
      const events = await this.deps.storedEvents.readAll({
        after,
        maxCount: READ_PAGE,
        filter: storeSelection,
      });
      scanned += READ_PAGE;
      const candidates = events.filter((e) => e.globalPosition <= last && selects(selection, e));
      const visible = await scopeFor(principal, candidates, this.deps.ancestry);
      const selected = new Set(candidates.filter(visible));
      for (const event of events) {
        if (event.globalPosition > last) {
          exhausted = true;
          break scan;
        }
        after = event.globalPosition;
        if (selected.has(event)) {
          items.push(event);
          if (items.length === args.first) {
            exhausted = after >= last;
            break scan;
          }
        }
      }
      if (events.length < READ_PAGE) exhausted = true;
    }
    return toConnection({ items, endCursor: String(after), hasNextPage: !exhausted }, AuditEvent.from, {
      after: args.after,
      cursorOf: (event) => String(event.globalPosition),
    });
  }

  @Query(() => AuditAggregate, {
    description:
      "An aggregate as it stood at a moment: its stream's events recorded up to then, folded by its slice's decider. Auditors only.",
  })
  async auditAggregate(
    @Arg('streamId', () => String) streamId: string,
    @Arg('asOf', () => Date) asOf: Date,
    @Ctx() context: RequestContext,
  ): Promise<AuditAggregate> {
    const principal = requireAuditor(context);
    const decider = this.deps.deciders[categoryOf(streamId)];
    if (!decider) {
      throw new GraphQLError(
        `no aggregate kind for stream category ${categoryOf(streamId)}; expected one of ${Object.keys(this.deps.deciders).join(', ')}`,
        { extensions: { code: 'BAD_USER_INPUT' } },
      );
    }
    let events: RecordedEvent[] = [];
    try {
      events = await this.deps.storedEvents.readStream(streamId);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    const visible = await scopeFor(principal, events, this.deps.ancestry);
    if (!events.every(visible)) {
      throw new GraphQLError(`stream ${streamId} holds events outside your jurisdiction`, {
        extensions: { code: 'FORBIDDEN' },
      });
    }
    const result = aggregateAsOf(decider, events, asOf.toISOString());
    return Object.assign(new AuditAggregate(), {
      streamId,
      asOf,
      state: result.state,
      version: result.version,
      globalPosition: result.globalPosition,
      lastRecordedAt: result.lastRecordedAt ? new Date(result.lastRecordedAt) : null,
    });
  }
}
