// Partner use cases: generate credentials, keep the secret outside the log, and hand commands to the handler.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@liaison/auth';
import {
  domainError,
  eventIdFor,
  type CommandHandler,
  type CommandMetadata,
  type CommandOutcome,
} from '@liaison/decider';
import type { ReadStore } from '@liaison/readstore';
import type { PartnerCommand } from './commands.js';
import { generateApiKey, generateWebhookSecret, hashApiKey, webhookSecretBytes } from './credentials.js';
import type { PartnerState } from './decider.js';
import { partnerStream, type PartnerEvent, type PartnerSubscription } from './events.js';
import { PARTNERS_COLLECTION, type PartnerDocument } from './projection.js';
import type { SecretVault } from './secret-vault.js';

export type PartnerHandler = CommandHandler<PartnerState, PartnerCommand, PartnerEvent>;

/** Credentials shown once, in the payload of the mutation that made them. */
export interface IssuedCredentials {
  apiKey?: string;
  webhookSecret?: string;
}

export type PartnerOutcome = CommandOutcome & { partnerId: string } & IssuedCredentials;

function checkedSecret(
  secret: string | null | undefined,
  field: string,
): string | ReturnType<typeof domainError> {
  if (secret == null || secret === '') return generateWebhookSecret();
  const bytes = webhookSecretBytes(secret);
  return typeof bytes === 'string' ? domainError('INVALID_WEBHOOK_SECRET', bytes, [field]) : secret;
}

export class PartnerService {
  constructor(
    private readonly handler: PartnerHandler,
    private readonly secrets: SecretVault,
    private readonly readStore: ReadStore,
  ) {}

  /** Registers a partner; answers its API key and webhook secret, which are shown this once. */
  async register(
    input: PartnerSubscription & { name: string; webhookSecret?: string | null },
    metadata: CommandMetadata,
  ): Promise<PartnerOutcome> {
    const partnerId = eventIdFor(metadata.commandId, 'partner', 0);
    const secret = checkedSecret(input.webhookSecret, 'webhookSecret');
    if (typeof secret !== 'string') return { ok: false, error: secret, partnerId };
    const apiKey = generateApiKey();
    const secretId = randomUUID();
    await this.secrets.put(secretId, partnerId, secret);
    const outcome = await this.handler.handle(partnerStream(partnerId), {
      type: 'RegisterPartner',
      data: {
        partnerId,
        name: input.name,
        eventTypes: input.eventTypes,
        jurisdictionIds: input.jurisdictionIds,
        webhookUrl: input.webhookUrl,
        personalData: input.personalData,
        apiKeyHash: hashApiKey(apiKey),
        secretId,
      },
      metadata,
    });
    // A re-sent command answers without credentials: the first answer was the only time they were shown.
    return outcome.ok && !outcome.duplicate
      ? { ...outcome, partnerId, apiKey, webhookSecret: secret }
      : { ...outcome, partnerId };
  }

  /** Replaces what a partner receives and where. */
  changeSubscription(
    partnerId: string,
    subscription: PartnerSubscription,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    return this.handler.handle(partnerStream(partnerId), {
      type: 'ChangePartnerSubscription',
      data: { partnerId, ...subscription },
      metadata,
    });
  }

  /** Issues a new API key; the old one stops working. */
  async issueApiKey(partnerId: string, metadata: CommandMetadata): Promise<PartnerOutcome> {
    const apiKey = generateApiKey();
    const outcome = await this.handler.handle(partnerStream(partnerId), {
      type: 'IssuePartnerApiKey',
      data: { partnerId, apiKeyHash: hashApiKey(apiKey) },
      metadata,
    });
    return outcome.ok && !outcome.duplicate ? { ...outcome, partnerId, apiKey } : { ...outcome, partnerId };
  }

  /** Rotates the webhook secret; both sign during the overlap. */
  async rotateSecret(
    partnerId: string,
    secretInput: string | null | undefined,
    overlapHours: number,
    metadata: CommandMetadata,
  ): Promise<PartnerOutcome> {
    const secret = checkedSecret(secretInput, 'webhookSecret');
    if (typeof secret !== 'string') return { ok: false, error: secret, partnerId };
    const secretId = randomUUID();
    await this.secrets.put(secretId, partnerId, secret);
    const outcome = await this.handler.handle(partnerStream(partnerId), {
      type: 'RotatePartnerWebhookSecret',
      data: { partnerId, secretId, overlapHours },
      metadata,
    });
    return outcome.ok && !outcome.duplicate
      ? { ...outcome, partnerId, webhookSecret: secret }
      : { ...outcome, partnerId };
  }

  /** Stops webhook deliveries to a partner (its cursor stays where it is). */
  disableWebhook(partnerId: string, reason: string, metadata: CommandMetadata): Promise<CommandOutcome> {
    return this.handler.handle(partnerStream(partnerId), {
      type: 'DisablePartnerWebhook',
      data: { partnerId, reason },
      metadata,
    });
  }

  /** Resumes webhook deliveries from where they stopped. */
  enableWebhook(partnerId: string, metadata: CommandMetadata): Promise<CommandOutcome> {
    return this.handler.handle(partnerStream(partnerId), {
      type: 'EnablePartnerWebhook',
      data: { partnerId },
      metadata,
    });
  }

  /** The partner's state as its stream says (not the read model), for the relay's own decisions. */
  async state(partnerId: string): Promise<PartnerState> {
    return (await this.handler.state(partnerStream(partnerId))).state;
  }

  /** The principal of a partner API key, or null when no partner holds it. */
  async authenticate(apiKey: string): Promise<Principal | null> {
    const page = await this.readStore.find<PartnerDocument>(PARTNERS_COLLECTION, {
      filter: { apiKeyHash: hashApiKey(apiKey) },
      first: 1,
    });
    const partner = page.items[0];
    return partner ? { userId: partner.id, roles: ['partner'], jurisdictionId: null } : null;
  }
}
