// The partners read model: what administrators list, and the API key hash partners are authenticated by.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import { PARTNER_EVENT_TYPES, type PartnerEvent } from './events.js';

export interface PartnerDocument {
  [field: string]: unknown;
  id: string;
  name: string;
  eventTypes: string[];
  jurisdictionIds: string[];
  webhookUrl: string | null;
  personalData: boolean;
  apiKeyHash: string;
  webhookEnabled: boolean;
  webhookDisabledReason: string | null;
  secretRotatedAt: string | null;
  registeredAt: string;
  updatedAt: string;
}

export const PARTNERS_COLLECTION = 'relay_partners';

export const partnersProjection: Projection<PartnerDocument> = {
  name: PARTNERS_COLLECTION,
  version: 1,
  fields: { name: { kind: 'string' }, apiKeyHash: { kind: 'string' } },
  indexes: [{ fields: ['apiKeyHash'] }, { fields: ['name'] }],
  eventTypes: PARTNER_EVENT_TYPES,
  documentIds: (event) => [(event.data as { partnerId: string }).partnerId],
  fold(document, recorded) {
    const event = { type: recorded.type, data: recorded.data } as PartnerEvent;
    const at = recorded.occurredAt;
    switch (event.type) {
      case 'PartnerRegistered':
        return {
          id: event.data.partnerId,
          name: event.data.name,
          eventTypes: event.data.eventTypes,
          jurisdictionIds: event.data.jurisdictionIds,
          webhookUrl: event.data.webhookUrl,
          personalData: event.data.personalData,
          apiKeyHash: event.data.apiKeyHash,
          webhookEnabled: true,
          webhookDisabledReason: null,
          secretRotatedAt: null,
          registeredAt: at,
          updatedAt: at,
        };
      case 'PartnerSubscriptionChanged':
        return (
          document && {
            ...document,
            eventTypes: event.data.eventTypes,
            jurisdictionIds: event.data.jurisdictionIds,
            webhookUrl: event.data.webhookUrl,
            personalData: event.data.personalData,
            updatedAt: at,
          }
        );
      case 'PartnerApiKeyIssued':
        return document && { ...document, apiKeyHash: event.data.apiKeyHash, updatedAt: at };
      case 'PartnerWebhookSecretRotated':
        return document && { ...document, secretRotatedAt: at, updatedAt: at };
      case 'PartnerWebhookDisabled':
        return (
          document && {
            ...document,
            webhookEnabled: false,
            webhookDisabledReason: event.data.reason,
            updatedAt: at,
          }
        );
      case 'PartnerWebhookEnabled':
        return document && { ...document, webhookEnabled: true, webhookDisabledReason: null, updatedAt: at };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
