export type { Decider, Decision, DomainEvent, Command, CommandMetadata } from './decider.js';
export { replay } from './decider.js';
export { domainError, isDomainError, UnreachableCaseError, type DomainError } from './domain-error.js';
export { eventIdFor } from './event-ids.js';
export { CommandHandler, type CommandHandlerOptions, type CommandOutcome } from './command-handler.js';
export { deciderSpec } from './decider-spec.js';
