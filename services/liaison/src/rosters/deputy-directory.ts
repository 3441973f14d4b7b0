// The port through which duty rosters learn about deputies, kept by the deputies slice.
import type { DeputyState } from '../deputies/decider.js';
import type { DeputyFacts } from './commands.js';

/** How a reminder reaches a deputy. */
export interface DeputyContactPoint {
  deputyId: string;
  name: string | null;
  phone: string | null;
}

export interface DeputyDirectory {
  /** What is known about each deputy with respect to a station, in the order asked. */
  facts(deputyIds: readonly string[], stationId: string): Promise<DeputyFacts[]>;
  /** Where to send a deputy's reminders; null when the deputy is unknown. */
  contact(deputyId: string): Promise<DeputyContactPoint | null>;
}

/** What the directory needs from the deputies slice: a deputy's current state. */
export interface DeputyFinder {
  find(deputyId: string): Promise<DeputyState>;
}

/** The directory over the deputies slice: serving or not, the stations a deputy is assigned to, the phone. */
export class DeputyServiceDirectory implements DeputyDirectory {
  constructor(private readonly deputies: DeputyFinder) {}

  async facts(deputyIds: readonly string[], stationId: string): Promise<DeputyFacts[]> {
    const states = await Promise.all(deputyIds.map((id) => this.deputies.find(id)));
    return deputyIds.map((deputyId, index) => {
      const state = states[index];
      if (!state || state.status === 'unregistered') {
        return { deputyId, known: false, active: false, atStation: false };
      }
      return {
        deputyId,
        known: true,
        active: state.status === 'serving',
        atStation: stationId in state.stations,
      };
    });
  }

  async contact(deputyId: string): Promise<DeputyContactPoint | null> {
    const state = await this.deputies.find(deputyId);
    return state.status === 'unregistered'
      ? null
      : { deputyId, name: state.name, phone: state.contact.phone };
  }
}

/** A fixed directory, for tests and for wiring before the deputies slice is deployed. */
export class InMemoryDeputyDirectory implements DeputyDirectory {
  private readonly deputies = new Map<
    string,
    DeputyContactPoint & { active: boolean; stationIds: string[] }
  >();

  /** Adds or replaces a deputy. */
  put(deputy: DeputyContactPoint & { active?: boolean; stationIds: string[] }): this {
    this.deputies.set(deputy.deputyId, { active: true, ...deputy });
    return this;
  }

  facts(deputyIds: readonly string[], stationId: string): Promise<DeputyFacts[]> {
    return Promise.resolve(
      deputyIds.map((deputyId) => {
        const deputy = this.deputies.get(deputyId);
        return {
          deputyId,
          known: deputy !== undefined,
          active: deputy?.active ?? false,
          atStation: deputy?.stationIds.includes(stationId) ?? false,
        };
      }),
    );
  }

  contact(deputyId: string): Promise<DeputyContactPoint | null> {
    const deputy = this.deputies.get(deputyId);
    return Promise.resolve(deputy ? { deputyId, name: deputy.name, phone: deputy.phone } : null);
  }
}
