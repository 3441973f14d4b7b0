// The checklist decider: publishing items and weights, revising them into a new version, retiring the checklist.
import {
  domainError,
  isDomainError,
  UnreachableCaseError,
  type Decider,
  type DomainError,
} from '@liaison/decider';
import type { ChecklistCommand } from './commands.js';
import type { ChecklistEvent, ChecklistItem } from './events.js';

interface ChecklistFacts {
  checklistId: string;
  name: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  version: number;
  items: ChecklistItem[];
}

export type ChecklistState =
  | { status: 'unpublished' }
  | ({ status: 'published' } & ChecklistFacts)
  | ({ status: 'retired' } & ChecklistFacts);

const MAX_ITEMS = 100;
const MAX_ITEM_SCORE = 1000;
const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

function validName(name: string): string | DomainError {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= 200
    ? trimmed
    : domainError('INVALID_NAME', `expected a name of 1 to 200 characters, received "${name}"`, ['name']);
}

/** Validates and normalises checklist items: unique codes, titles, positive integer weights. */
export function validateItems(items: readonly ChecklistItem[]): ChecklistItem[] | DomainError {
  if (items.length === 0 || items.length > MAX_ITEMS) {
    return domainError('INVALID_ITEMS', `expected 1 to ${MAX_ITEMS} items, received ${items.length}`, [
      'items',
    ]);
  }
  const codes = new Set<string>();
  const normalised: ChecklistItem[] = [];
  for (const [index, item] of items.entries()) {
    const at = ['items', String(index)];
    const code = item.code.trim();
    if (!CODE.test(code)) {
      return domainError(
        'INVALID_ITEM_CODE',
        `expected a code of lower-case letters, digits and dashes (up to 40), received "${item.code}"`,
        at,
      );
    }
    if (codes.has(code)) return domainError('DUPLICATE_ITEM_CODE', `item code "${code}" is used twice`, at);
    codes.add(code);
    const title = item.title.trim();
    if (title.length === 0 || title.length > 200)
      return domainError('INVALID_ITEM_TITLE', `expected a title of 1 to 200 characters for "${code}"`, at);
    if (!Number.isInteger(item.maxScore) || item.maxScore < 1 || item.maxScore > MAX_ITEM_SCORE) {
      return domainError(
        'INVALID_ITEM_WEIGHT',
        `expected a maximum score of 1 to ${MAX_ITEM_SCORE} (whole points) for "${code}", received ${item.maxScore}`,
        at,
      );
    }
    normalised.push({ code, title, description: item.description.trim(), maxScore: item.maxScore });
  }
  return normalised;
}

function sameItems(a: readonly ChecklistItem[], b: readonly ChecklistItem[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const checklistDecider: Decider<ChecklistState, ChecklistCommand, ChecklistEvent> = {
  initialState: () => ({ status: 'unpublished' }),

  decide(command, state) {
    switch (command.type) {
      case 'PublishChecklist': {
        const { data } = command;
        if (state.status !== 'unpublished')
          return domainError(
            'CHECKLIST_ALREADY_PUBLISHED',
            `checklist ${data.checklistId} is already published`,
          );
        const name = validName(data.name);
        if (isDomainError(name)) return name;
        if (data.owner === null)
          return domainError(
            'JURISDICTION_NOT_FOUND',
            'expected a registered jurisdiction to own the checklist',
            ['jurisdictionId'],
          );
        const items = validateItems(data.items);
        if (isDomainError(items)) return items;
        return [
          {
            type: 'ChecklistPublished',
            data: {
              checklistId: data.checklistId,
              name,
              jurisdictionId: data.owner.jurisdictionId,
              jurisdictionPath: data.owner.jurisdictionPath,
              version: 1,
              items,
            },
          },
        ];
      }
      case 'ReviseChecklist': {
        if (state.status === 'unpublished')
          return domainError('CHECKLIST_NOT_FOUND', `checklist ${command.data.checklistId} is not published`);
        if (state.status === 'retired')
          return domainError('CHECKLIST_RETIRED', `checklist ${state.checklistId} is retired`);
        const name = command.data.name === null ? state.name : validName(command.data.name);
        if (isDomainError(name)) return name;
        const items = validateItems(command.data.items);
        if (isDomainError(items)) return items;
        if (name === state.name && sameItems(items, state.items)) return [];
        return [
          {
            type: 'ChecklistRevised',
            data: { checklistId: state.checklistId, version: state.version + 1, name, items },
          },
        ];
      }
      case 'RetireChecklist': {
        if (state.status === 'unpublished')
          return domainError('CHECKLIST_NOT_FOUND', `checklist ${command.data.checklistId} is not published`);
        if (state.status === 'retired')
          return domainError('CHECKLIST_RETIRED', `checklist ${state.checklistId} is already retired`);
        const reason = command.data.reason.trim();
        if (reason.length === 0)
          return domainError('REASON_REQUIRED', 'expected a reason for retiring', ['reason']);
        return [{ type: 'ChecklistRetired', data: { checklistId: state.checklistId, reason } }];
      }
      default:
        throw new UnreachableCaseError(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ChecklistPublished':
        return { status: 'published', ...event.data };
      case 'ChecklistRevised':
        return state.status === 'unpublished'
          ? state
          : { ...state, version: event.data.version, name: event.data.name, items: event.data.items };
      case 'ChecklistRetired':
        return state.status === 'published' ? { ...state, status: 'retired' } : state;
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
