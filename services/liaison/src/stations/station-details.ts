// Checks and normal forms of a station's descriptive details: opening rules, facilities, named people.
import { domainError, type DomainError } from '@liaison/decider';
import type { OpeningRules, StationPerson } from './events.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_NOTE_LENGTH = 500;
const MAX_FACILITIES = 30;
const MAX_LABEL_LENGTH = 50;
const MAX_NAME_LENGTH = 100;

/** Opening rules with the weekly hours sorted by weekday and time, or why they are invalid. */
export function normaliseOpeningRules(rules: OpeningRules): OpeningRules | DomainError {
  for (const slot of rules.weekly) {
    if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) {
      return domainError(
        'INVALID_OPENING_RULES',
        `expected a weekday from 1 (Monday) to 7 (Sunday), received ${slot.weekday}`,
        ['openingRules', 'weekly'],
      );
    }
    if (!TIME.test(slot.opens) || !TIME.test(slot.closes) || slot.opens >= slot.closes) {
      return domainError(
        'INVALID_OPENING_RULES',
        `expected HH:MM hours with opening before closing, received ${slot.opens}–${slot.closes}`,
        ['openingRules', 'weekly'],
      );
    }
  }
  const note = rules.note.trim();
  if (note.length > MAX_NOTE_LENGTH) {
    return domainError('INVALID_OPENING_RULES', `expected a note of at most ${MAX_NOTE_LENGTH} characters`, [
      'openingRules',
      'note',
    ]);
  }
  const weekly = [...rules.weekly]
    .map(({ weekday, opens, closes }) => ({ weekday, opens, closes }))
    .sort((a, b) => a.weekday - b.weekday || (a.opens < b.opens ? -1 : 1));
  for (let i = 1; i < weekly.length; i++) {
    const before = weekly[i - 1]!;
    const slot = weekly[i]!;
    if (slot.weekday === before.weekday && slot.opens < before.closes) {
      return domainError(
        'INVALID_OPENING_RULES',
        `expected hours that do not overlap on weekday ${slot.weekday}`,
        ['openingRules', 'weekly'],
      );
    }
  }
  return { weekly, note };
}

/** Facilities trimmed, without blanks or repeats, in the order given; or why they are invalid. */
export function normaliseFacilities(facilities: readonly string[]): string[] | DomainError {
  const result = [...new Set(facilities.map((f) => f.trim()).filter((f) => f.length > 0))];
  if (result.length > MAX_FACILITIES || result.some((f) => f.length > MAX_LABEL_LENGTH)) {
    return domainError(
      'INVALID_FACILITIES',
      `expected at most ${MAX_FACILITIES} facilities of at most ${MAX_LABEL_LENGTH} characters each`,
      ['facilities'],
    );
  }
  return result;
}

/** A named person with the name trimmed, or why it is invalid. */
export function normalisePerson(person: StationPerson, field: string): StationPerson | DomainError {
  const name = person.name.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    return domainError(
      'INVALID_PERSON',
      `expected a name of 1 to ${MAX_NAME_LENGTH} characters, received "${person.name}"`,
      [field, 'name'],
    );
  }
  const userId = person.userId?.trim() || null;
  return { name, userId };
}

/** True when the two people are the same. */
export function samePerson(a: StationPerson | null, b: StationPerson | null): boolean {
  return a === b || (a !== null && b !== null && a.name === b.name && a.userId === b.userId);
}
