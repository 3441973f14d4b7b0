import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../../shared/command-metadata.js';
import type { PublishChecklist } from './commands.js';
import { checklistDecider } from './decider.js';
import type { ChecklistEvent, ChecklistItem } from './events.js';
import { NINE_HAVES_ITEMS } from './nine-haves.js';

const spec = deciderSpec(checklistDecider);
const metadata = metadataFor();
const owner = { jurisdictionId: 'c1', jurisdictionPath: '/p1/c1/' };

function publish(overrides: Partial<PublishChecklist['data']> = {}): PublishChecklist {
  return {
    type: 'PublishChecklist',
    data: { checklistId: 'k1', name: ' Nine haves ', items: [...NINE_HAVES_ITEMS], owner, ...overrides },
    metadata,
  };
}
const published: ChecklistEvent = {
  type: 'ChecklistPublished',
  data: { checklistId: 'k1', name: 'Nine haves', ...owner, version: 1, items: [...NINE_HAVES_ITEMS] },
};
const revise = (items: ChecklistItem[], name: string | null = null) => ({
  type: 'ReviseChecklist' as const,
  data: { checklistId: 'k1', name, items },
  metadata,
});
const retire = (reason: string) => ({
  type: 'RetireChecklist' as const,
  data: { checklistId: 'k1', reason },
  metadata,
});
const item = (code: string, maxScore = 10): ChecklistItem => ({
  code,
  title: code,
  description: '',
  maxScore,
});

describe('checklist decider', () => {
  it('publishes the nine haves as version 1 with weights summing to 100', () => {
    spec.given([]).when(publish()).then([published]);
    expect(NINE_HAVES_ITEMS).toHaveLength(9);
    expect(NINE_HAVES_ITEMS.reduce((sum, i) => sum + i.maxScore, 0)).toBe(100);
  });

  it('refuses publishing twice, without owner, name or items, and with bad items', () => {
    spec.given([published]).when(publish()).thenFails('CHECKLIST_ALREADY_PUBLISHED');
    spec
      .given([])
      .when(publish({ owner: null }))
      .thenFails('JURISDICTION_NOT_FOUND');
    spec
      .given([])
      .when(publish({ name: ' ' }))
      .thenFails('INVALID_NAME');
    spec
      .given([])
      .when(publish({ items: [] }))
      .thenFails('INVALID_ITEMS');
    spec
      .given([])
      .when(publish({ items: [item('Bad Code')] }))
      .thenFails('INVALID_ITEM_CODE');
    spec
      .given([])
      .when(publish({ items: [item('a'), item('a')] }))
      .thenFails('DUPLICATE_ITEM_CODE');
    spec
      .given([])
      .when(publish({ items: [{ ...item('a'), title: '' }] }))
      .thenFails('INVALID_ITEM_TITLE');
    spec
      .given([])
      .when(publish({ items: [item('a', 0)] }))
      .thenFails('INVALID_ITEM_WEIGHT');
    spec
      .given([])
      .when(publish({ items: [item('a', 2.5)] }))
      .thenFails('INVALID_ITEM_WEIGHT');
  });

  it('revises into the next version; an unchanged revision decides nothing', () => {
    const local = [...NINE_HAVES_ITEMS, item('online-station', 20)];
    spec
      .given([published])
      .when(revise(local, 'Nine haves, Nanshan variant'))
      .then([
        {
          type: 'ChecklistRevised',
          data: { checklistId: 'k1', version: 2, name: 'Nine haves, Nanshan variant', items: local },
        },
      ]);
    spec
      .given([published])
      .when(revise([...NINE_HAVES_ITEMS]))
      .then([]);
  });

  it('refuses revising a missing or retired checklist, or with bad items', () => {
    spec
      .given([])
      .when(revise([item('a')]))
      .thenFails('CHECKLIST_NOT_FOUND');
    const retired: ChecklistEvent = {
      type: 'ChecklistRetired',
      data: { checklistId: 'k1', reason: 'replaced' },
    };
    spec
      .given([published, retired])
      .when(revise([item('a')]))
      .thenFails('CHECKLIST_RETIRED');
    spec
      .given([published])
      .when(revise([item('a', 5000)]))
      .thenFails('INVALID_ITEM_WEIGHT');
  });

  it('retires with a reason, once', () => {
    const retired: ChecklistEvent = {
      type: 'ChecklistRetired',
      data: { checklistId: 'k1', reason: 'replaced' },
    };
    spec.given([published]).when(retire(' replaced ')).then([retired]);
    spec.given([published, retired]).when(retire('again')).thenFails('CHECKLIST_RETIRED');
    spec.given([published]).when(retire('')).thenFails('REASON_REQUIRED');
    spec.given([]).when(retire('x')).thenFails('CHECKLIST_NOT_FOUND');
  });
});

describe('checklist decider: the remaining failure paths of each command', () => {
  it('refuses a revision with an empty name, no items, or an item code twice', () => {
    spec
      .given([published])
      .when(revise([item('a'), item('b')], ' '))
      .thenFails('INVALID_NAME');
    spec.given([published]).when(revise([])).thenFails('INVALID_ITEMS');
    spec
      .given([published])
      .when(revise([item('a'), item('a')]))
      .thenFails('DUPLICATE_ITEM_CODE');
  });
});
