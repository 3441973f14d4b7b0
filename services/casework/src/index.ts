// The casework module's manifest: what the composition root needs to run intake, cases and figures.
import { CommandHandler } from '@liaison/decider';
import type { EventStore } from '@liaison/eventstore';
import type { GatewayModule } from '@liaison/graphql-kit';
import type { Projection } from '@liaison/projector';
import { FiguresResolver } from './figures/figures.resolver.js';
import { figuresProjection } from './figures/projection.js';
import { opinionDecider } from './opinions/decider.js';
import { opinionLoader, OpinionResolver } from './opinions/opinion.resolver.js';
import { Opinion } from './opinions/opinion.type.js';
import { opinionsProjection } from './opinions/projection.js';
import { OpinionService } from './opinions/service.js';
import type { CaseworkDeps } from './shared/module-deps.js';
import { canRead, CASE_READERS } from './shared/read-scope.js';
import type { RequestContext } from '@liaison/graphql-kit';
import { DeadlineScheduler } from './scheduler/deadline-scheduler.js';
import { suggestionDecider } from './suggestions/decider.js';
import { suggestionsProjection } from './suggestions/projection.js';
import { SuggestionService } from './suggestions/service.js';
import {
  OpinionSuggestionResolver,
  suggestionLoader,
  SuggestionResolver,
} from './suggestions/suggestion.resolver.js';
import { Suggestion } from './suggestions/suggestion.type.js';
import { voterDecider } from './voters/decider.js';
import { VoterService } from './voters/service.js';
import { handlingUnitDecider } from './units/decider.js';
import { HandlingUnitResolver } from './units/handling-unit.resolver.js';
import { handlingUnitsProjection } from './units/projection.js';
import { HandlingUnitService } from './units/service.js';

export type { CaseworkDeps, CaseworkSettings } from './shared/module-deps.js';
export { DEFAULT_CASEWORK_SETTINGS } from './shared/module-deps.js';
export {
  weekdayCalendar,
  nationalWorkingDays,
  nationalOfficeCalendars,
  sameForEveryOffice,
  beijingDate,
  type OfficeCalendars,
  type WorkingDayCalendar,
} from './shared/working-days.js';
export { DeadlineScheduler, type DeadlineSchedulerOptions } from './scheduler/deadline-scheduler.js';
export { OPINION_EVENT_TYPES, opinionStream, type OpinionEvent } from './opinions/events.js';
export { SUGGESTION_EVENT_TYPES, suggestionStream, type SuggestionEvent } from './suggestions/events.js';
export { VOTER_EVENT_TYPES, voterStream, type VoterEvent } from './voters/events.js';
export { HANDLING_UNIT_EVENT_TYPES, handlingUnitStream, type HandlingUnitEvent } from './units/events.js';

export interface CaseworkModule {
  projections: Projection[];
  gateway: GatewayModule;
  opinions: OpinionService;
  suggestions: SuggestionService;
  voters: VoterService;
  units: HandlingUnitService;
  /** Raises deadline events; the composition root runs it on an interval. */
  scheduler: DeadlineScheduler;
}

/** Wires the casework module from its dependencies. */
export function createCaseworkModule(eventStore: EventStore, deps: CaseworkDeps): CaseworkModule {
  const opinions = new OpinionService(new CommandHandler(eventStore, opinionDecider), deps);
  const voters = new VoterService(new CommandHandler(eventStore, voterDecider), deps);
  const units = new HandlingUnitService(new CommandHandler(eventStore, handlingUnitDecider), deps);
  const suggestions = new SuggestionService(
    new CommandHandler(eventStore, suggestionDecider),
    opinions,
    units,
    deps,
  );
  return {
    projections: [
      opinionsProjection,
      suggestionsProjection(deps.settings.feedbackDays),
      figuresProjection,
      handlingUnitsProjection,
    ],
    opinions,
    suggestions,
    voters,
    units,
    scheduler: new DeadlineScheduler(suggestions, deps),
    gateway: {
      name: 'casework',
      resolvers: [
        new OpinionResolver(deps, opinions, voters),
        new SuggestionResolver(deps, suggestions),
        new OpinionSuggestionResolver(deps),
        new FiguresResolver(deps),
        new HandlingUnitResolver(deps, units),
      ],
      nodes: {
        Opinion: async (context, id) => {
          const document = await opinionLoader(context, deps).load(id);
          return document && (await readable(context, deps, document.jurisdictionPath))
            ? Opinion.from(document)
            : null;
        },
        Suggestion: async (context, id) => {
          const document = await suggestionLoader(context, deps).load(id);
          return document && (await readable(context, deps, document.jurisdictionPath))
            ? Suggestion.from(document)
            : null;
        },
      },
    },
  };
}

/** Node lookups reveal a case only to a case reader covering it. */
async function readable(context: RequestContext, deps: CaseworkDeps, path: string): Promise<boolean> {
  const principal = context.principal;
  if (!principal || !CASE_READERS.some((role) => principal.roles.includes(role))) return false;
  return canRead(deps, principal, path);
}
