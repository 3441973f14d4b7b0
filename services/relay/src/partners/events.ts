// Events of an integration partner: registered by an administrator, its subscription, credentials and webhook.

/** What a partner subscribed to and where its webhooks go. */
export interface PartnerSubscription {
  /** Event types delivered, e.g. StationRegistered. */
  eventTypes: string[];
  /** Jurisdictions whose subtrees are delivered; empty means every jurisdiction. */
  jurisdictionIds: string[];
  /** Where webhooks are posted; null for a partner that only pulls or subscribes. */
  webhookUrl: string | null;
  /** Whether sealed personal data is passed on (as ciphertext); otherwise it is withheld. */
  personalData: boolean;
}

export interface PartnerRegisteredData extends PartnerSubscription {
  partnerId: string;
  name: string;
  /** SHA-256 (hex) of the API key; the key itself is shown once and never stored. */
  apiKeyHash: string;
  /** The webhook signing secret's id; the secret lives outside the log (relay_webhook_secrets). */
  secretId: string;
}

export type PartnerEvent =
  | { type: 'PartnerRegistered'; data: PartnerRegisteredData }
  | { type: 'PartnerSubscriptionChanged'; data: PartnerSubscription & { partnerId: string } }
  | { type: 'PartnerApiKeyIssued'; data: { partnerId: string; apiKeyHash: string } }
  | {
      type: 'PartnerWebhookSecretRotated';
      data: { partnerId: string; secretId: string; previousSecretId: string; previousValidUntil: string };
    }
  | { type: 'PartnerWebhookDisabled'; data: { partnerId: string; reason: string } }
  | { type: 'PartnerWebhookEnabled'; data: { partnerId: string } };

export const PARTNER_EVENT_TYPES = [
  'PartnerRegistered',
  'PartnerSubscriptionChanged',
  'PartnerApiKeyIssued',
  'PartnerWebhookSecretRotated',
  'PartnerWebhookDisabled',
  'PartnerWebhookEnabled',
] as const;

/** The stream holding one partner's events. */
export function partnerStream(partnerId: string): string {
  return `partner-${partnerId}`;
}
