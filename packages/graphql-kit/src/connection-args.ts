// The forward pagination arguments every list field takes: `first` and `after`.
import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  // Checked by the gateway's input validation (class-validator), which answers BAD_USER_INPUT with this message.
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return: 1 to ${MAX_PAGE_SIZE}.`,
  })
  @Min(1, { message: `first must be between 1 and ${MAX_PAGE_SIZE}; received $value` })
  @Max(MAX_PAGE_SIZE, { message: `first must be between 1 and ${MAX_PAGE_SIZE}; received $value` })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: "Return the items after this cursor: a previous page's `pageInfo.endCursor`.",
  })
  after?: string | null;
}
