// The port through which duty rosters learn about deputies, kept by the deputies slice (stream `deputy-<id>`).
import { StreamNotFoundError, type EventStore } from '@liaison/eventstore';
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

interface DeputyRecord {
  name: string | null;
  phone: string | null;
  active: boolean;
  stationIds: Set<string>;
}

/**
 * Reads the deputies slice's own stream (`deputy-<id>`) and folds the facts rosters need: registration,
 * station attachments, end of term or resignation, and the phone for reminders. Events it does not know are
 * ignored, so the deputies slice can grow without breaking it.
 */
export class EventStoreDeputyDirectory implements DeputyDirectory {
  constructor(private readonly store: EventStore) {}

  async facts(deputyIds: readonly string[], stationId: string): Promise<DeputyFacts[]> {
    const records = await Promise.all(deputyIds.map((id) => this.record(id)));
    return deputyIds.map((deputyId, index) => {
      const record = records[index];
      return {
        deputyId,
        known: record !== null && record !== undefined,
        active: record?.active ?? false,
        atStation: record?.stationIds.has(stationId) ?? false,
      };
    });
  }

  async contact(deputyId: string): Promise<DeputyContactPoint | null> {
    const record = await this.record(deputyId);
    return record && { deputyId, name: record.name, phone: record.phone };
  }

  private async record(deputyId: string): Promise<DeputyRecord | null> {
    let events;
    try {
      events = await this.store.readStream(`deputy-${deputyId}`);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
    let record: DeputyRecord | null = null;
    for (const event of events) {
      const data = event.data as Record<string, unknown>;
      if (event.type === 'DeputyRegistered') {
        record = { name: text(data.name), phone: phoneOf(data.contact), active: true, stationIds: new Set() };
      } else if (!record) {
        continue;
      } else if (event.type === 'DeputyAssignedToStation') {
        record.stationIds.add(String(data.stationId));
      } else if (event.type === 'DeputyRemovedFromStation') {
        record.stationIds.delete(String(data.stationId));
      } else if (event.type === 'DeputyTermEnded' || event.type === 'DeputyResigned') {
        record.active = false;
      } else if (event.type === 'DeputyContactChanged') {
        record.phone = phoneOf(data.contact);
      } else if (event.type === 'DeputyProfileUpdated') {
        record.name = text(data.name) ?? record.name;
      }
    }
    return record;
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

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The phone number when the contact is readable (it may be sealed as personal data). */
function phoneOf(contact: unknown): string | null {
  return typeof contact === 'object' && contact !== null
    ? text((contact as { phone?: unknown }).phone)
    : null;
}
