// GraphQL inputs selecting history: the global log by position or time, type, actor and jurisdiction.
import { SafeIntScalar } from '@liaison/graphql-kit';
import { Field, InputType } from 'type-graphql';
import type { HistorySelection } from '../export/history-selection.js';

@InputType({ description: 'Which events of the log to return; every given condition must hold.' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true })
  streamId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Stream categories, e.g. station.' })
  categories?: string[] | null;

  @Field(() => [String], { nullable: true })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true })
  actorId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Jurisdictions the events were recorded in.' })
  jurisdictionIds?: string[] | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'First global position (inclusive).' })
  fromPosition?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Last global position (inclusive).' })
  toPosition?: number | null;

  @Field(() => Date, { nullable: true, description: 'Recorded at or after.' })
  fromTime?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Recorded before.' })
  toTime?: Date | null;
}

/** The selection a filter describes. */
export function selectionOf(filter: AuditLogFilter | null | undefined): HistorySelection {
  const selection: HistorySelection = {};
  if (!filter) return selection;
  if (filter.streamId) selection.streamId = filter.streamId;
  if (filter.categories?.length) selection.categories = filter.categories;
  if (filter.eventTypes?.length) selection.eventTypes = filter.eventTypes;
  if (filter.actorId) selection.actorId = filter.actorId;
  if (filter.jurisdictionIds?.length) selection.jurisdictionIds = filter.jurisdictionIds;
  if (filter.fromPosition != null) selection.fromPosition = filter.fromPosition;
  if (filter.toPosition != null) selection.toPosition = filter.toPosition;
  if (filter.fromTime) selection.fromTime = filter.fromTime.toISOString();
  if (filter.toTime) selection.toTime = filter.toTime.toISOString();
  return selection;
}
