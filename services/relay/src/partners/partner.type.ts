// GraphQL shape of an integration partner and its connection.
import { createConnectionTypes, Node, toGlobalId } from '@liaison/graphql-kit';
import { Field, ID, ObjectType } from 'type-graphql';
import type { PartnerDocument } from './projection.js';

@ObjectType('Partner', {
  implements: Node,
  description: 'An integration partner (对接系统): another system that receives events.',
})
export class Partner extends Node {
  @Field(() => ID)
  declare id: string;

  partnerId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Event types delivered, e.g. StationRegistered.' })
  eventTypes!: string[];

  @Field(() => [ID], { description: 'Jurisdictions whose subtrees are delivered; empty means all.' })
  jurisdictionIds!: string[];

  @Field(() => String, { nullable: true, description: 'Where webhooks are posted; null when none.' })
  webhookUrl!: string | null;

  @Field(() => Boolean, {
    description: 'Whether sealed personal data is passed on (as ciphertext); otherwise it is withheld.',
  })
  personalData!: boolean;

  @Field(() => Boolean, { description: 'False once an administrator or a 410 Gone answer disabled it.' })
  webhookEnabled!: boolean;

  @Field(() => String, { nullable: true })
  webhookDisabledReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the webhook secret was last rotated.' })
  secretRotatedAt!: Date | null;

  @Field(() => Date)
  registeredAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  /** Builds the GraphQL object from its read model document. */
  static from(this: void, document: PartnerDocument): Partner {
    return Object.assign(new Partner(), {
      id: toGlobalId('Partner', document.id),
      partnerId: document.id,
      name: document.name,
      eventTypes: document.eventTypes,
      jurisdictionIds: document.jurisdictionIds.map((id) => toGlobalId('Jurisdiction', id)),
      webhookUrl: document.webhookUrl,
      personalData: document.personalData,
      webhookEnabled: document.webhookEnabled,
      webhookDisabledReason: document.webhookDisabledReason,
      secretRotatedAt: document.secretRotatedAt ? new Date(document.secretRotatedAt) : null,
      registeredAt: new Date(document.registeredAt),
      updatedAt: new Date(document.updatedAt),
    });
  }
}

export const { Connection: PartnerConnection } = createConnectionTypes(Partner, 'Partner');
