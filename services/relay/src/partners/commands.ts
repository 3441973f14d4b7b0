// Commands on an integration partner; credentials are generated before deciding so decide stays pure.
import type { Command } from '@liaison/decider';
import type { PartnerSubscription } from './events.js';

export type RegisterPartner = Command<
  'RegisterPartner',
  PartnerSubscription & { partnerId: string; name: string; apiKeyHash: string; secretId: string }
>;
export type ChangePartnerSubscription = Command<
  'ChangePartnerSubscription',
  PartnerSubscription & { partnerId: string }
>;
export type IssuePartnerApiKey = Command<'IssuePartnerApiKey', { partnerId: string; apiKeyHash: string }>;
export type RotatePartnerWebhookSecret = Command<
  'RotatePartnerWebhookSecret',
  { partnerId: string; secretId: string; overlapHours: number }
>;
export type DisablePartnerWebhook = Command<'DisablePartnerWebhook', { partnerId: string; reason: string }>;
export type EnablePartnerWebhook = Command<'EnablePartnerWebhook', { partnerId: string }>;

export type PartnerCommand =
  | RegisterPartner
  | ChangePartnerSubscription
  | IssuePartnerApiKey
  | RotatePartnerWebhookSecret
  | DisablePartnerWebhook
  | EnablePartnerWebhook;
