// Relay PageInfo: where a connection page sits, and the cursors to ask for the next one.
import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { description: 'Where a page of a connection sits and how to ask for the next one.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when asking again with `after: endCursor` returns more.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: 'True when this page was asked for with `after`, i.e. items come before it.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge, when known.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}
