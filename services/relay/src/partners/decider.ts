// The partner decider: registering a partner, changing what it receives, its credentials and its webhook.
import {
  domainError,
  isDomainError,
  UnreachableCaseError,
  type Decider,
  type DomainError,
} from '@liaison/decider';
import type { PartnerCommand } from './commands.js';
import type { PartnerEvent, PartnerSubscription } from './events.js';

export type PartnerState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      partnerId: string;
      name: string;
      subscription: PartnerSubscription;
      apiKeyHash: string;
      secretId: string;
      /** The secret before the last rotation, still signing until `previousValidUntil`. */
      previousSecretId: string | null;
      previousValidUntil: string | null;
      webhook: { enabled: true } | { enabled: false; reason: string };
    };

const MAX_NAME_LENGTH = 100;
const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{0,99}$/;
const MAX_OVERLAP_HOURS = 24 * 30;

/** Checks and normalises a subscription: known shapes of event types, an http(s) URL, no duplicates. */
export function checkSubscription(subscription: PartnerSubscription): PartnerSubscription | DomainError {
  const eventTypes = [...new Set(subscription.eventTypes.map((type) => type.trim()))];
  if (eventTypes.length === 0) {
    return domainError('EVENT_TYPES_REQUIRED', 'expected at least one event type to subscribe to', [
      'eventTypes',
    ]);
  }
  const bad = eventTypes.find((type) => !EVENT_TYPE.test(type) || type.startsWith('Partner'));
  if (bad !== undefined) {
    return domainError(
      'INVALID_EVENT_TYPE',
      `expected event type names such as StationRegistered (partner events are not deliverable); received "${bad}"`,
      ['eventTypes'],
    );
  }
  let webhookUrl: string | null = null;
  if (subscription.webhookUrl !== null && subscription.webhookUrl.trim() !== '') {
    let url: URL | null = null;
    try {
      url = new URL(subscription.webhookUrl.trim());
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
      return domainError(
        'INVALID_WEBHOOK_URL',
        `expected an http(s) URL without credentials; received "${subscription.webhookUrl}"`,
        ['webhookUrl'],
      );
    }
    webhookUrl = url.toString();
  }
  return {
    eventTypes,
    jurisdictionIds: [...new Set(subscription.jurisdictionIds)],
    webhookUrl,
    personalData: subscription.personalData,
  };
}

function notFound(partnerId: string): DomainError {
  return domainError('PARTNER_NOT_FOUND', `no partner ${partnerId} is registered`, ['partnerId']);
}

export const partnerDecider: Decider<PartnerState, PartnerCommand, PartnerEvent> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterPartner': {
        const { data } = command;
        if (state.status !== 'unregistered')
          return domainError('PARTNER_ALREADY_REGISTERED', `partner ${data.partnerId} is already registered`);
        const name = data.name.trim();
        if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
          return domainError(
            'INVALID_NAME',
            `expected a name of 1 to ${MAX_NAME_LENGTH} characters, received "${data.name}"`,
            ['name'],
          );
        }
        const subscription = checkSubscription(data);
        if (isDomainError(subscription)) return subscription;
        return [
          {
            type: 'PartnerRegistered',
            data: {
              partnerId: data.partnerId,
              name,
              ...subscription,
              apiKeyHash: data.apiKeyHash,
              secretId: data.secretId,
            },
          },
        ];
      }
      case 'ChangePartnerSubscription': {
        if (state.status === 'unregistered') return notFound(command.data.partnerId);
        const subscription = checkSubscription(command.data);
        if (isDomainError(subscription)) return subscription;
        return [
          { type: 'PartnerSubscriptionChanged', data: { partnerId: state.partnerId, ...subscription } },
        ];
      }
      case 'IssuePartnerApiKey':
        if (state.status === 'unregistered') return notFound(command.data.partnerId);
        return [
          {
            type: 'PartnerApiKeyIssued',
            data: { partnerId: state.partnerId, apiKeyHash: command.data.apiKeyHash },
          },
        ];
      case 'RotatePartnerWebhookSecret': {
        if (state.status === 'unregistered') return notFound(command.data.partnerId);
        const hours = command.data.overlapHours;
        if (!Number.isInteger(hours) || hours < 0 || hours > MAX_OVERLAP_HOURS) {
          return domainError(
            'INVALID_OVERLAP',
            `expected an overlap of 0 to ${MAX_OVERLAP_HOURS} whole hours; received ${hours}`,
            ['overlapHours'],
          );
        }
        const until = new Date(Date.parse(command.metadata.now) + hours * 3_600_000).toISOString();
        return [
          {
            type: 'PartnerWebhookSecretRotated',
            data: {
              partnerId: state.partnerId,
              secretId: command.data.secretId,
              previousSecretId: state.secretId,
              previousValidUntil: until,
            },
          },
        ];
      }
      case 'DisablePartnerWebhook': {
        if (state.status === 'unregistered') return notFound(command.data.partnerId);
        if (!state.webhook.enabled) return [];
        const reason = command.data.reason.trim();
        if (reason === '')
          return domainError('REASON_REQUIRED', 'expected a reason for disabling the webhook', ['reason']);
        return [{ type: 'PartnerWebhookDisabled', data: { partnerId: state.partnerId, reason } }];
      }
      case 'EnablePartnerWebhook':
        if (state.status === 'unregistered') return notFound(command.data.partnerId);
        return state.webhook.enabled
          ? []
          : [{ type: 'PartnerWebhookEnabled', data: { partnerId: state.partnerId } }];
      default:
        throw new UnreachableCaseError(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PartnerRegistered': {
        const { partnerId, name, apiKeyHash, secretId, ...rest } = event.data;
        return {
          status: 'registered',
          partnerId,
          name,
          subscription: {
            eventTypes: rest.eventTypes,
            jurisdictionIds: rest.jurisdictionIds,
            webhookUrl: rest.webhookUrl,
            personalData: rest.personalData,
          },
          apiKeyHash,
          secretId,
          previousSecretId: null,
          previousValidUntil: null,
          webhook: { enabled: true },
        };
      }
      case 'PartnerSubscriptionChanged': {
        if (state.status === 'unregistered') return state;
        const { partnerId: _partnerId, ...subscription } = event.data;
        return { ...state, subscription };
      }
      case 'PartnerApiKeyIssued':
        return state.status === 'unregistered' ? state : { ...state, apiKeyHash: event.data.apiKeyHash };
      case 'PartnerWebhookSecretRotated':
        return state.status === 'unregistered'
          ? state
          : {
              ...state,
              secretId: event.data.secretId,
              previousSecretId: event.data.previousSecretId,
              previousValidUntil: event.data.previousValidUntil,
            };
      case 'PartnerWebhookDisabled':
        return state.status === 'unregistered'
          ? state
          : { ...state, webhook: { enabled: false, reason: event.data.reason } };
      case 'PartnerWebhookEnabled':
        return state.status === 'unregistered' ? state : { ...state, webhook: { enabled: true } };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
