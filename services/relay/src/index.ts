// The relay module's manifest: partner administration, the pull API, and the delivery transports.
import { AuthError, type Principal } from '@liaison/auth';
import { CommandHandler } from '@liaison/decider';
import type { GatewayModule } from '@liaison/graphql-kit';
import type { Projection } from '@liaison/projector';
import type { SqlClient } from '@liaison/sql';
import { ScopeResolver } from './contract/event-scope.js';
import { PartnerFeed } from './contract/partner-feed.js';
import { FeedSubscriptionResolver } from './live/feed.subscription.js';
import { attachGraphQLWs, type LiveServerOptions } from './live/graphql-ws-server.js';
import { isApiKey } from './partners/credentials.js';
import { partnerDecider } from './partners/decider.js';
import { partnerLoader, PartnerResolver } from './partners/partner.resolver.js';
import { Partner } from './partners/partner.type.js';
import { partnersProjection } from './partners/projection.js';
import { SecretVault } from './partners/secret-vault.js';
import { PartnerService } from './partners/service.js';
import { FeedResolver } from './pull/feed.resolver.js';
import { ensureRelayTables } from './relay-tables.js';
import type { RelayDeps } from './shared/relay-deps.js';
import { DeliveryControl, PartnerDeliveryResolver } from './webhooks/delivery.resolver.js';
import { DeliveryStore } from './webhooks/delivery-store.js';
import { WebhookDispatcher, type WebhookDispatcherOptions } from './webhooks/webhook-dispatcher.js';

export type { RelayDeps } from './shared/relay-deps.js';
export { toCloudEvent, cloudEventType, type LiaisonCloudEvent } from './contract/cloud-event.js';
export { PartnerFeed, type FeedItem, type FeedPage, type FeedBatch } from './contract/partner-feed.js';
export { ScopeResolver, scopeFromData } from './contract/event-scope.js';
export { protectPersonalData } from './contract/personal-data.js';
export type { Selection } from './contract/selection.js';
export { PARTNER_EVENT_TYPES, partnerStream, type PartnerEvent } from './partners/events.js';
export { PartnerService } from './partners/service.js';
export { isApiKey, generateWebhookSecret, hashApiKey } from './partners/credentials.js';
export { ensureRelayTables } from './relay-tables.js';

/** The read models the relay's queries need. */
export const relayProjections: Projection[] = [partnersProjection];

export interface RelayModule {
  projections: Projection[];
  gateway: GatewayModule;
  partners: PartnerService;
  feed: PartnerFeed;
  /** Turns a bearer credential into a principal: partner API keys here, anything else to `verifyJwt`. */
  verifyCredential(verifyJwt: (token: string) => Promise<Principal>): (token: string) => Promise<Principal>;
  deliveries: DeliveryStore;
  /** Serves the partnerEvents subscription over graphql-ws on the gateway's server; returns its closer. */
  attachSubscriptions(options: Omit<LiveServerOptions, 'feed' | 'deps'>): () => Promise<void>;
  /** Creates the relay's tables; call once before serving. */
  prepare(): Promise<void>;
  /** The webhook transport over this module's stores (start it in the one process that delivers). */
  createDispatcher(
    options: Omit<WebhookDispatcherOptions, 'eventStore' | 'feed' | 'store' | 'secrets' | 'partners'>,
  ): WebhookDispatcher;
}

/** Wires the relay module from its dependencies. */
export function createRelayModule(sql: SqlClient, deps: RelayDeps): RelayModule {
  const secrets = new SecretVault(sql);
  const partners = new PartnerService(
    new CommandHandler(deps.eventStore, partnerDecider),
    secrets,
    deps.readStore,
  );
  const feed = new PartnerFeed(deps.eventStore, new ScopeResolver(deps.eventStore));
  const deliveries = new DeliveryStore(sql);
  const control = new DeliveryControl();
  return {
    projections: relayProjections,
    partners,
    feed,
    deliveries,
    attachSubscriptions: (options) => attachGraphQLWs({ ...options, feed, deps }),
    createDispatcher(options) {
      const dispatcher = new WebhookDispatcher({
        ...options,
        eventStore: deps.eventStore,
        feed,
        store: deliveries,
        secrets,
        partners,
      });
      // Redelivery and replay requests in this process wake the partner's worker at once.
      control.wake = (partnerId) => dispatcher.wake(partnerId);
      return dispatcher;
    },
    prepare: () => ensureRelayTables(sql),
    verifyCredential: (verifyJwt) => async (token) => {
      if (!isApiKey(token)) return verifyJwt(token);
      const principal = await partners.authenticate(token);
      if (!principal) throw new AuthError('INVALID_TOKEN', 'the API key is not (or no longer) valid');
      return principal;
    },
    gateway: {
      name: 'relay',
      resolvers: [
        new PartnerResolver(deps, partners),
        new FeedResolver(deps, feed),
        new FeedSubscriptionResolver(),
        new PartnerDeliveryResolver(deliveries, partners, control, () => deps.now()),
      ],
      nodes: {
        Partner: async (context, id) => {
          const principal = context.principal;
          if (!principal || (!principal.roles.includes('admin') && principal.userId !== id)) return null;
          const document = await partnerLoader(context, deps).load(id);
          return document && Partner.from(document);
        },
      },
    },
  };
}
export { WebhookDispatcher, type WebhookDispatcherOptions } from './webhooks/webhook-dispatcher.js';
export {
  DeliveryStore,
  type WebhookCursor,
  type DeadLetter,
  type DeliveryLogEntry,
} from './webhooks/delivery-store.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './webhooks/retry-policy.js';
export { systemClock, type Clock } from './webhooks/clock.js';
export { SecretVault } from './partners/secret-vault.js';
export { NatsBridge, subjectOf, type NatsBridgeOptions } from './nats/nats-bridge.js';
