// GraphQL queries and mutations of checklists, and the nine-haves template.
import { isDomainError } from '@liaison/decider';
import {
  ConnectionArgs,
  mutationPayloads,
  requireRole,
  toConnection,
  type MutationPayloads,
  type RequestContext,
} from '@liaison/graphql-kit';
import type { ReadDocument } from '@liaison/readstore';
import type DataLoader from 'dataloader';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { documentLoader } from '../../shared/document-loader.js';
import type { LiaisonDeps } from '../../shared/module-deps.js';
import {
  decodeId,
  decodeIds,
  objectMutation,
  runCommand,
  type ObjectMutation,
} from '../../shared/mutation.js';
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

@Resolver(() => Checklist)
export class ChecklistResolver {
  /** Payloads answering with the checklist as the read models show it after the write. */
  private readonly payloads: MutationPayloads<'checklist', Checklist>;
  private readonly onChecklist: ObjectMutation<'checklist', Checklist, 'checklistId'>;

  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: ChecklistService,
  ) {
    this.payloads = mutationPayloads('checklist', async (context, checklistId) => {
      const document = await checklistLoader(context, deps).load(checklistId);
      return document && Checklist.from(document);
    });
    const id = { field: 'checklistId', typename: 'Checklist' } as const;
    this.onChecklist = objectMutation({ deps, payloads: this.payloads, roles: OFFICES, id });
  }

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
    const ids = decodeIds(input, { jurisdictionId: 'Jurisdiction' });
    if (isDomainError(ids)) return this.payloads.failed(ids);
    const items = input.items
      ? itemsOf(input.items)
      : input.template === 'nine-haves'
        ? [...NINE_HAVES_ITEMS]
        : [];
    const outcome = await runCommand(context, this.deps, actor, input.commandId, (metadata) =>
      this.service.publish(actor, { ...ids, name: input.name, items }, metadata),
    );
    return this.payloads.of(context, outcome, outcome.checklistId);
  }

  @Mutation(() => ChecklistPayload, { description: 'Publishes a new version of a checklist.' })
  async reviseChecklist(
    @Arg('input', () => ReviseChecklistInput) input: ReviseChecklistInput,
    @Ctx() context: RequestContext,
  ): Promise<ChecklistPayload> {
    return this.onChecklist(context, input, {}, (actor, { checklistId }, metadata) =>
      this.service.revise(actor, checklistId, input.name ?? null, itemsOf(input.items), metadata),
    );
  }

  @Mutation(() => ChecklistPayload, { description: 'Retires a checklist: no new assessments against it.' })
  async retireChecklist(
    @Arg('input', () => RetireChecklistInput) input: RetireChecklistInput,
    @Ctx() context: RequestContext,
  ): Promise<ChecklistPayload> {
    return this.onChecklist(context, input, {}, (actor, { checklistId }, metadata) =>
      this.service.retire(actor, checklistId, input.reason, metadata),
    );
  }
}
