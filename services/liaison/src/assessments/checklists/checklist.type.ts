// GraphQL shape of a checklist, its versions and items.
import { createConnectionTypes, Node, toGlobalId } from '@liaison/graphql-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ChecklistItem as ChecklistItemData } from './events.js';
import type { ChecklistDocument, ChecklistVersionDocument } from './projection.js';

export const ChecklistStatusEnum = { PUBLISHED: 'published', RETIRED: 'retired' } as const;
registerEnumType(ChecklistStatusEnum, { name: 'ChecklistStatus' });

@ObjectType('ChecklistItem', { description: 'One thing a station is assessed on, and its weight.' })
export class ChecklistItem {
  @Field(() => String, { description: 'Stable across versions, e.g. "premises".' })
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Int, { description: 'The most the item can score: its weight.' })
  maxScore!: number;

  static from(this: void, item: ChecklistItemData): ChecklistItem {
    return Object.assign(new ChecklistItem(), item);
  }
}

@ObjectType('ChecklistVersion')
export class ChecklistVersion {
  @Field(() => Int)
  version!: number;

  @Field(() => String)
  name!: string;

  @Field(() => [ChecklistItem])
  items!: ChecklistItem[];

  @Field(() => Int, { description: 'The sum of the items’ maximum scores.' })
  maxScore!: number;

  @Field(() => Date)
  publishedAt!: Date;

  static from(this: void, version: ChecklistVersionDocument): ChecklistVersion {
    return Object.assign(new ChecklistVersion(), {
      version: version.version,
      name: version.name,
      items: version.items.map(ChecklistItem.from),
      maxScore: version.items.reduce((sum, item) => sum + item.maxScore, 0),
      publishedAt: new Date(version.publishedAt),
    });
  }
}

@ObjectType('Checklist', {
  implements: Node,
  description:
    'An assessment checklist (考核标准) owned by a jurisdiction, applying to stations in its subtree.',
})
export class Checklist extends Node {
  @Field(() => ID)
  declare id: string;

  checklistId!: string;
  jurisdictionId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ChecklistStatusEnum)
  status!: 'published' | 'retired';

  @Field(() => ChecklistVersion, { description: 'The version new assessments use.' })
  current!: ChecklistVersion;

  @Field(() => [ChecklistVersion], { description: 'Every version, oldest first.' })
  versions!: ChecklistVersion[];

  @Field(() => String, { nullable: true })
  retiredReason!: string | null;

  static from(this: void, document: ChecklistDocument): Checklist {
    const versions = document.versions.map(ChecklistVersion.from);
    return Object.assign(new Checklist(), {
      id: toGlobalId('Checklist', document.id),
      checklistId: document.id,
      jurisdictionId: document.jurisdictionId,
      name: document.name,
      status: document.status,
      current: versions[versions.length - 1],
      versions,
      retiredReason: document.retiredReason,
    });
  }
}

export const { Connection: ChecklistConnection } = createConnectionTypes(Checklist, 'Checklist');
