// History read models: for each station or deputy, the jurisdiction it belonged to over which days, so
// queries about the past report it under the jurisdiction it had then.
import type { RecordedEvent } from '@liaison/eventstore';
import type { Projection } from '@liaison/projector';
import type { PlacementChange } from '../jurisdictions/events.js';
import { shanghaiDate } from './dates.js';

/** The `to` of a placement that still holds: later than any real day, so `to > asOf` needs no null test. */
export const OPEN_END = '9999-12-31';

export interface PlacementDocument {
  [field: string]: unknown;
  /** `<entityId>:<placement number>` */
  id: string;
  entityId: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  /** First day in this jurisdiction (inclusive). */
  from: string;
  /** First day no longer in it (exclusive), or OPEN_END. */
  to: string;
}

interface Registered {
  jurisdictionId: string;
  jurisdictionPath: string;
}

/** A placements projection for one kind of entity, folding its registration and its placement changes. */
export function placementsProjection(options: {
  name: string;
  registeredType: string;
  changedType: string;
  idField: string;
}): Projection<PlacementDocument> {
  const entityIdOf = (event: RecordedEvent) => (event.data as Record<string, string>)[options.idField]!;
  return {
    name: options.name,
    version: 1,
    fields: {
      entityId: { kind: 'string' },
      jurisdictionId: { kind: 'string' },
      jurisdictionPath: { kind: 'string' },
      from: { kind: 'string' },
      to: { kind: 'string' },
    },
    indexes: [
      { fields: ['jurisdictionId', 'from'] },
      { fields: ['jurisdictionPath'] },
      { fields: ['entityId', 'from'] },
    ],
    eventTypes: [options.registeredType, options.changedType],
    documentIds(event) {
      const entityId = entityIdOf(event);
      if (event.type === options.registeredType) return [`${entityId}:0`];
      const { placement } = event.data as PlacementChange;
      return [`${entityId}:${placement - 1}`, `${entityId}:${placement}`];
    },
    fold(document, event, id) {
      const entityId = entityIdOf(event);
      if (event.type === options.registeredType) {
        const data = event.data as Registered;
        return {
          id,
          entityId,
          jurisdictionId: data.jurisdictionId,
          jurisdictionPath: data.jurisdictionPath,
          from: shanghaiDate(event.occurredAt),
          to: OPEN_END,
        };
      }
      const change = event.data as PlacementChange;
      if (id === `${entityId}:${change.placement}`) {
        return {
          id,
          entityId,
          jurisdictionId: change.to.jurisdictionId,
          jurisdictionPath: change.to.jurisdictionPath,
          from: change.effectiveOn,
          to: OPEN_END,
        };
      }
      // The previous placement ends the day the change takes effect (never before it began).
      return (
        document && {
          ...document,
          to: change.effectiveOn < document.from ? document.from : change.effectiveOn,
        }
      );
    },
  };
}
