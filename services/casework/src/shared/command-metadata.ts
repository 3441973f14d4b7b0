// Test and fixture helper: command metadata with fixed ids and time, so deciders stay deterministic.
import type { CommandMetadata } from '@liaison/decider';

/** Metadata for a command issued by `actorId` at `now`. */
export function metadataFor(overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return {
    commandId: 'cmd-1',
    actorId: 'user-1',
    role: 'station-staff',
    jurisdictionId: null,
    now: '2026-03-02T08:00:00.000Z',
    correlationId: 'cmd-1',
    causationId: null,
    ...overrides,
  };
}
