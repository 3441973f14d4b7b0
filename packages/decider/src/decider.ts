// The decider: an aggregate's behaviour as two pure functions and a starting state.
import type { DomainError } from './domain-error.js';

/** An event as the domain sees it: a type and its data (the store adds the envelope). */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** Who issues a command, when, and under which ids; time and ids come from outside so decide stays pure. */
export interface CommandMetadata {
  /** Unique per command; re-sending a command with the same id has no further effect. */
  commandId: string;
  actorId: string;
  role: string;
  jurisdictionId: string | null;
  /** Business time of the command, ISO-8601. */
  now: string;
  correlationId: string;
  causationId: string | null;
}

export interface Command<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/** What decide returns: the events to append (possibly none), or why the command is refused. */
export type Decision<Event> = readonly Event[] | DomainError;

export interface Decider<State, C extends Command, E extends DomainEvent> {
  /** Decides which events a command produces in a state; pure, no I/O, no clock. */
  decide(command: C, state: State): Decision<E>;
  /** Folds one event into the state; pure. */
  evolve(state: State, event: E): State;
  /** The state of a stream with no events. */
  initialState(): State;
}

/** Folds events into a state from the decider's initial state. */
export function replay<State, C extends Command, E extends DomainEvent>(
  decider: Decider<State, C, E>,
  events: readonly E[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
