// Given / when / then for deciders: a test states past events, a command, and the events or error expected.
import { deepStrictEqual, fail } from 'node:assert/strict';
import type { Command, Decider, DomainEvent } from './decider.js';
import { isDomainError } from './domain-error.js';

/** Starts a decider specification: `spec.given([...]).when(command).then([...])` or `.thenFails('CODE')`. */
export function deciderSpec<State, C extends Command, E extends DomainEvent>(decider: Decider<State, C, E>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
          const decision = decider.decide(command, state);
          return {
            then(expected: readonly E[]): void {
              if (isDomainError(decision))
                fail(`expected events, but the command failed with ${decision.code}: ${decision.message}`);
              deepStrictEqual(decision, expected);
            },
            thenFails(code: string): void {
              if (!isDomainError(decision))
                fail(`expected the command to fail with ${code}, but it decided ${JSON.stringify(decision)}`);
              deepStrictEqual(decision.code, code);
            },
          };
        },
      };
    },
  };
}
