// GraphQL inputs and payloads of checklists.
import { MutationPayload } from '@liaison/graphql-kit';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Checklist } from './checklist.type.js';

export const ChecklistTemplateEnum = { NINE_HAVES: 'nine-haves' } as const;
registerEnumType(ChecklistTemplateEnum, {
  name: 'ChecklistTemplate',
  description: 'A standard checklist shipped with the platform: NINE_HAVES is the "nine haves" (九有).',
});

@InputType()
export class ChecklistItemInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { defaultValue: '' })
  description!: string;

  @Field(() => Int)
  maxScore!: number;
}

@InputType()
export class PublishChecklistInput {
  @Field(() => ID, {
    description: 'The owning jurisdiction; the checklist applies to stations in its subtree.',
  })
  jurisdictionId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ChecklistTemplateEnum, {
    nullable: true,
    description: 'Start from a standard; items then optional.',
  })
  template?: 'nine-haves' | null;

  @Field(() => [ChecklistItemInput], {
    nullable: true,
    description: 'The items; replace the template’s when given.',
  })
  items?: ChecklistItemInput[] | null;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class ReviseChecklistInput {
  @Field(() => ID)
  checklistId!: string;

  @Field(() => String, { nullable: true, description: 'A new name; unchanged when omitted.' })
  name?: string | null;

  @Field(() => [ChecklistItemInput], { description: 'Every item of the new version.' })
  items!: ChecklistItemInput[];

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class RetireChecklistInput {
  @Field(() => ID)
  checklistId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@ObjectType()
export class ChecklistPayload extends MutationPayload {
  @Field(() => Checklist, { nullable: true })
  checklist!: Checklist | null;
}
