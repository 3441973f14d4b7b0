// GraphQL inputs and payloads of partner administration.
import { MutationPayload } from '@liaison/graphql-kit';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Partner } from './partner.type.js';

@InputType({ description: 'What a partner receives and where.' })
export class PartnerSubscriptionInput {
  @Field(() => [String], { description: 'Event types to deliver, e.g. ["StationRegistered"]; at least one.' })
  @ArrayMaxSize(200, { message: 'eventTypes must list at most 200 types; received $value' })
  eventTypes!: string[];

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Jurisdictions whose subtrees are delivered; empty (the default) means every jurisdiction.',
  })
  @ArrayMaxSize(200, { message: 'jurisdictionIds must list at most 200 ids; received $value' })
  jurisdictionIds!: string[];

  @Field(() => String, { nullable: true, description: 'Where webhooks are posted (http or https).' })
  @MaxLength(2000, { message: 'webhookUrl must be at most 2000 characters' })
  webhookUrl?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Pass sealed personal data on as ciphertext; by default it is withheld.',
  })
  personalData!: boolean;
}

@InputType()
export class RegisterPartnerInput extends PartnerSubscriptionInput {
  @Field(() => String)
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A Standard Webhooks secret (whsec_ and base64 of 24–64 bytes); generated when omitted.',
  })
  webhookSecret?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key.' })
  commandId?: string | null;
}

@InputType()
export class ChangePartnerSubscriptionInput extends PartnerSubscriptionInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class PartnerIdInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class RotatePartnerWebhookSecretInput extends PartnerIdInput {
  @Field(() => String, { nullable: true, description: 'The new secret (whsec_…); generated when omitted.' })
  webhookSecret?: string | null;

  @Field(() => Int, {
    defaultValue: 24,
    description: 'Hours during which the previous secret also signs, so receivers can switch without loss.',
  })
  overlapHours!: number;
}

@InputType()
export class DisablePartnerWebhookInput extends PartnerIdInput {
  @Field(() => String)
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason!: string;
}

@ObjectType()
export class PartnerPayload extends MutationPayload {
  @Field(() => Partner, { nullable: true })
  partner!: Partner | null;
}

@ObjectType({
  description: 'A partner mutation that made credentials: they are shown here once, never again.',
})
export class PartnerCredentialsPayload extends PartnerPayload {
  @Field(() => String, { nullable: true, description: 'The API key (Authorization: Bearer lpk_…).' })
  apiKey!: string | null;

  @Field(() => String, { nullable: true, description: 'The webhook signing secret (whsec_…).' })
  webhookSecret!: string | null;
}
