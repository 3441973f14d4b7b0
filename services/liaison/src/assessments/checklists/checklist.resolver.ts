// GraphQL queries and mutations of checklists, and the nine-haves template.
import { isDomainError, type CommandOutcome, type DomainError } from '@liaison/decider';
import {
  ConnectionArgs,
  requireRole,
  toConnection,
  userErrorsOf,
  type RequestContext,
} from '@liaison/graphql-kit';
import type { ReadDocument } from '@liaison/readstore';
import type DataLoader from 'dataloader';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { documentLoader } from '../../shared/document-loader.js';
import type { LiaisonDeps } from '../../shared/module-deps.js';
import { commandMetadata, decodeId, execute } from '../../shared/mutation.js';
import { coversPath, STAFF_READERS } from '../../shared/access.js';
import { ancestryOf, scopedJurisdiction } from '../../shared/read-scope.js';
import {
  ChecklistItemInput,
  ChecklistPayload,
  PublishChecklistInput,
  ReviseChecklistInput,
  RetireChecklistInput,
} from './checklist.input.js';
import { Checklist, ChecklistConnection, ChecklistItem } from './checklist.type.js';
import type { ChecklistItem as ChecklistItemData } from './events.js';
import { NINE_HAVES_ITEMS } from './nine-haves.js';
import type { ChecklistDocument } from './projection.js';
import type { ChecklistService } from './service.js';

const OFFICES = ['admin', 'congress-office'] as const;

/** The request's loader of checklist documents by id. */
export function checklistLoader(
  context: RequestContext,
  deps: LiaisonDeps,
): DataLoader<string, ChecklistDocument | null> {
  return documentLoader<ChecklistDocument>(context, deps, 'Checklist', 'checklists');
}

/** The checklist if the reader may see it: checklists of the reader's jurisdiction, above it or below it. */
export async function readableChecklist(context: RequestContext, deps: LiaisonDeps, id: string) {
  const reader = requireRole(context, ...STAFF_READERS);
  const document = await checklistLoader(context, deps).load(id);
  if (!document) return null;
  const applies =
    reader.jurisdictionId !== null && ancestryOf(document.jurisdictionPath).includes(reader.jurisdictionId);
  return applies || coversPath(reader, document.jurisdictionPath) ? Checklist.from(document) : null;
}

function itemsOf(inputs: readonly ChecklistItemInput[]): ChecklistItemData[] {
  return inputs.map(({ code, title, description, maxScore }) => ({ code, title, description, maxScore }));
}

function failed(error: DomainError): ChecklistPayload {
  return { userErrors: userErrorsOf(error), position: null, checklist: null };
}

@Resolver(() => Checklist)
export class ChecklistResolver {
  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: ChecklistService,
  ) {}

  @Query(() => [ChecklistItem], {
    description: 'The items and weights of the standard "nine haves" (九有) checklist.',
  })
  nineHavesChecklistItems(): ChecklistItem[] {
    return NINE_HAVES_ITEMS.map(ChecklistItem.from);
  }

  @Query(() => Checklist, { nullable: true })
  async checklist(
    @Arg('id', () => ID) id: string,
    @Ctx() context: RequestContext,
  ): Promise<Checklist | null> {
    const rawId = decodeId(id, 'Checklist', 'id');
    return isDomainError(rawId) ? null : readableChecklist(context, this.deps, rawId);
  }

  @Query(() => ChecklistConnection, {
    description:
      'The checklists that apply in a jurisdiction (yours when omitted): its own and those of every jurisdiction above it.',
  })
  async checklists(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('jurisdictionId', () => ID, { nullable: true }) jurisdictionId: string | null,
    @Ctx() context: RequestContext,
  ) {
    const { jurisdiction } = await scopedJurisdiction(context, this.deps, jurisdictionId);
    const filter = { jurisdictionId: { in: jurisdiction ? ancestryOf(jurisdiction.path) : [] } };
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<ChecklistDocument & ReadDocument>('checklists', {
        filter,
        sort: [['name', 'asc']],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('checklists', filter),
    ]);
    return { ...toConnection(page, Checklist.from, { after: args.after }), totalCount };
  }

  @Mutation(() => ChecklistPayload, { description: 'Publishes a checklist for a jurisdiction within yours.' })
  async publishChecklist(
    @Arg('input', () => PublishChecklistInput) input: PublishChecklistInput,
    @Ctx() context: RequestContext,
  ): Promise<ChecklistPayload> {
    const actor = requireRole(context, ...OFFICES);
    const jurisdictionId = decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(jurisdictionId)) return failed(jurisdictionId);
    const items = input.items
      ? itemsOf(input.items)
      : input.template === 'nine-haves'
        ? [...NINE_HAVES_ITEMS]
        : [];
    const outcome = await execute(context, this.deps, () =>
      this.service.publish(
        actor,
        { jurisdictionId, name: input.name, items },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, outcome.checklistId);
  }

  @Mutation(() => ChecklistPayload, { description: 'Publishes a new version of a checklist.' })
  async reviseChecklist(
    @Arg('input', () => ReviseChecklistInput) input: ReviseChecklistInput,
    @Ctx() context: RequestContext,
  ): Promise<ChecklistPayload> {
    const actor = requireRole(context, ...OFFICES);
    const checklistId = decodeId(input.checklistId, 'Checklist', 'checklistId');
    if (isDomainError(checklistId)) return failed(checklistId);
    const outcome = await execute(context, this.deps, () =>
      this.service.revise(
        actor,
        checklistId,
        input.name ?? null,
        itemsOf(input.items),
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, checklistId);
  }

  @Mutation(() => ChecklistPayload, { description: 'Retires a checklist: no new assessments against it.' })
  async retireChecklist(
    @Arg('input', () => RetireChecklistInput) input: RetireChecklistInput,
    @Ctx() context: RequestContext,
  ): Promise<ChecklistPayload> {
    const actor = requireRole(context, ...OFFICES);
    const checklistId = decodeId(input.checklistId, 'Checklist', 'checklistId');
    if (isDomainError(checklistId)) return failed(checklistId);
    const outcome = await execute(context, this.deps, () =>
      this.service.retire(
        actor,
        checklistId,
        input.reason,
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, checklistId);
  }

  private async payload(
    context: RequestContext,
    outcome: CommandOutcome,
    checklistId: string,
  ): Promise<ChecklistPayload> {
    if (!outcome.ok) return failed(outcome.error);
    const document = await checklistLoader(context, this.deps).load(checklistId);
    return {
      userErrors: [],
      position: outcome.globalPosition,
      checklist: document && Checklist.from(document),
    };
  }
}
