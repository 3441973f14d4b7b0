// A step of a case's history, for timelines.
import { Field, ObjectType } from 'type-graphql';
import type { TimelineEntry as Entry } from '../opinions/projection.js';

@ObjectType('CaseTimelineEntry', { description: 'One event in the history of an opinion or suggestion.' })
export class CaseTimelineEntry {
  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'The event type, as in docs/events.md.' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'Who acted; null in public views.' })
  actorId!: string | null;

  static from(this: void, entry: Entry, withActor = true): CaseTimelineEntry {
    return Object.assign(new CaseTimelineEntry(), {
      at: new Date(entry.at),
      type: entry.type,
      actorId: withActor ? entry.actorId : null,
    });
  }
}
