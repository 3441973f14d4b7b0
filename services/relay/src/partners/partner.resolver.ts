// GraphQL queries and mutations of partner administration (administrators) and a partner's view of itself.
import { isDomainError, type CommandMetadata, type CommandOutcome, type DomainError } from '@liaison/decider';
import {
  ConnectionArgs,
  requireRole,
  toConnection,
  userErrorsOf,
  type RequestContext,
} from '@liaison/graphql-kit';
import DataLoader from 'dataloader';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { commandMetadata, decodeId, execute } from '../shared/mutation.js';
import type { RelayDeps } from '../shared/relay-deps.js';
import {
  ChangePartnerSubscriptionInput,
  DisablePartnerWebhookInput,
  PartnerCredentialsPayload,
  PartnerIdInput,
  PartnerPayload,
  RegisterPartnerInput,
  RotatePartnerWebhookSecretInput,
  type PartnerSubscriptionInput,
} from './partner.input.js';
import { Partner, PartnerConnection } from './partner.type.js';
import { PARTNERS_COLLECTION, type PartnerDocument } from './projection.js';
import type { IssuedCredentials, PartnerService } from './service.js';

/** The request's loader of partner documents by id. */
export function partnerLoader(
  context: RequestContext,
  deps: RelayDeps,
): DataLoader<string, PartnerDocument | null> {
  return context.loaders.get(
    'Partner',
    () =>
      new DataLoader((ids: readonly string[]) =>
        deps.readStore.load<PartnerDocument>(PARTNERS_COLLECTION, ids),
      ),
  );
}

/** Decodes the subscription input's jurisdiction ids. */
function subscriptionOf(input: PartnerSubscriptionInput) {
  const jurisdictionIds: string[] = [];
  for (const id of input.jurisdictionIds) {
    const raw = decodeId(id, 'Jurisdiction', 'jurisdictionIds');
    if (isDomainError(raw)) return raw;
    jurisdictionIds.push(raw);
  }
  return {
    eventTypes: input.eventTypes,
    jurisdictionIds,
    webhookUrl: input.webhookUrl ?? null,
    personalData: input.personalData,
  };
}

function failed(error: DomainError): PartnerCredentialsPayload {
  return {
    userErrors: userErrorsOf(error),
    position: null,
    partner: null,
    apiKey: null,
    webhookSecret: null,
  };
}

@Resolver(() => Partner)
export class PartnerResolver {
  constructor(
    private readonly deps: RelayDeps,
    private readonly service: PartnerService,
  ) {}

  @Query(() => Partner, {
    nullable: true,
    description: 'One partner by id: administrators see any, a partner sees itself.',
  })
  async partner(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Partner | null> {
    const actor = requireRole(context, 'admin', 'partner');
    const rawId = decodeId(id, 'Partner', 'id');
    if (isDomainError(rawId)) return null;
    if (!actor.roles.includes('admin') && actor.userId !== rawId) return null;
    const document = await partnerLoader(context, this.deps).load(rawId);
    return document && Partner.from(document);
  }

  @Query(() => Partner, { nullable: true, description: 'The partner whose API key made this request.' })
  async viewerPartner(@Ctx() context: RequestContext): Promise<Partner | null> {
    const actor = requireRole(context, 'partner');
    const document = await partnerLoader(context, this.deps).load(actor.userId);
    return document && Partner.from(document);
  }

  @Query(() => PartnerConnection, { description: 'Every integration partner, by name (administrators).' })
  async partners(@Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() context: RequestContext) {
    requireRole(context, 'admin');
    const page = await this.deps.readStore.find<PartnerDocument>(PARTNERS_COLLECTION, {
      sort: [['name', 'asc']],
      first: args.first,
      after: args.after ?? null,
    });
    return toConnection(page, Partner.from, {
      after: args.after,
      totalCount: () => this.deps.readStore.count(PARTNERS_COLLECTION),
    });
  }

  @Mutation(() => PartnerCredentialsPayload, {
    description: 'Registers a partner; its API key and webhook secret are in the payload, shown this once.',
  })
  async registerPartner(
    @Arg('input', () => RegisterPartnerInput) input: RegisterPartnerInput,
    @Ctx() context: RequestContext,
  ): Promise<PartnerCredentialsPayload> {
    const actor = requireRole(context, 'admin');
    const subscription = subscriptionOf(input);
    if (isDomainError(subscription)) return failed(subscription);
    const outcome = await execute(context, this.deps, () =>
      this.service.register(
        { ...subscription, name: input.name, webhookSecret: input.webhookSecret },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, outcome.partnerId, outcome);
  }

  @Mutation(() => PartnerPayload, { description: "Replaces a partner's event types, jurisdictions and URL." })
  async changePartnerSubscription(
    @Arg('input', () => ChangePartnerSubscriptionInput) input: ChangePartnerSubscriptionInput,
    @Ctx() context: RequestContext,
  ): Promise<PartnerPayload> {
    const subscription = subscriptionOf(input);
    return this.onPartner(context, input, (partnerId, metadata) =>
      isDomainError(subscription)
        ? Promise.resolve({ ok: false as const, error: subscription })
        : this.service.changeSubscription(partnerId, subscription, metadata),
    );
  }

  @Mutation(() => PartnerCredentialsPayload, {
    description: 'Issues a new API key (shown once); the previous key stops working.',
  })
  issuePartnerApiKey(
    @Arg('input', () => PartnerIdInput) input: PartnerIdInput,
    @Ctx() context: RequestContext,
  ): Promise<PartnerCredentialsPayload> {
    return this.onPartner(context, input, (partnerId, metadata) =>
      this.service.issueApiKey(partnerId, metadata),
    );
  }

  @Mutation(() => PartnerCredentialsPayload, {
    description: 'Rotates the webhook secret (shown once); the previous one also signs during the overlap.',
  })
  rotatePartnerWebhookSecret(
    @Arg('input', () => RotatePartnerWebhookSecretInput) input: RotatePartnerWebhookSecretInput,
    @Ctx() context: RequestContext,
  ): Promise<PartnerCredentialsPayload> {
    return this.onPartner(context, input, (partnerId, metadata) =>
      this.service.rotateSecret(partnerId, input.webhookSecret, input.overlapHours, metadata),
    );
  }

  @Mutation(() => PartnerPayload, { description: "Stops a partner's webhook deliveries." })
  disablePartnerWebhook(
    @Arg('input', () => DisablePartnerWebhookInput) input: DisablePartnerWebhookInput,
    @Ctx() context: RequestContext,
  ): Promise<PartnerPayload> {
    return this.onPartner(context, input, (partnerId, metadata) =>
      this.service.disableWebhook(partnerId, input.reason, metadata),
    );
  }

  @Mutation(() => PartnerPayload, {
    description: "Resumes a partner's webhook deliveries where they stopped.",
  })
  enablePartnerWebhook(
    @Arg('input', () => PartnerIdInput) input: PartnerIdInput,
    @Ctx() context: RequestContext,
  ): Promise<PartnerPayload> {
    return this.onPartner(context, input, (partnerId, metadata) =>
      this.service.enableWebhook(partnerId, metadata),
    );
  }

  /**
   * The common path of a mutation on one partner: an administrator, the partner's id decoded, the use case run
   * with the command's metadata, and the payload (with any credentials the use case issued, shown this once).
   */
  private async onPartner(
    context: RequestContext,
    input: { partnerId: string; commandId?: string | null },
    run: (partnerId: string, metadata: CommandMetadata) => Promise<CommandOutcome & IssuedCredentials>,
  ): Promise<PartnerCredentialsPayload> {
    const actor = requireRole(context, 'admin');
    const partnerId = decodeId(input.partnerId, 'Partner', 'partnerId');
    if (isDomainError(partnerId)) return failed(partnerId);
    const outcome = await execute(context, this.deps, () =>
      run(partnerId, commandMetadata(context, actor, this.deps.now(), input.commandId)),
    );
    return this.payload(context, outcome, partnerId, outcome);
  }

  private async payload(
    context: RequestContext,
    outcome: CommandOutcome,
    partnerId: string,
    credentials: { apiKey?: string; webhookSecret?: string },
  ): Promise<PartnerCredentialsPayload> {
    if (!outcome.ok) return failed(outcome.error);
    const document = await partnerLoader(context, this.deps).load(partnerId);
    return {
      userErrors: [],
      position: outcome.globalPosition,
      partner: document && Partner.from(document),
      apiKey: credentials.apiKey ?? null,
      webhookSecret: credentials.webhookSecret ?? null,
    };
  }
}
