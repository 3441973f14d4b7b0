import { deciderSpec, type CommandMetadata } from '@liaison/decider';
import type { PartnerCommand } from './commands.js';
import { partnerDecider } from './decider.js';
import type { PartnerEvent, PartnerRegisteredData } from './events.js';

const metadata: CommandMetadata = {
  commandId: 'cmd-1',
  actorId: 'admin-1',
  role: 'admin',
  jurisdictionId: null,
  now: '2026-03-01T08:00:00.000Z',
  correlationId: 'cmd-1',
  causationId: null,
};
const spec = deciderSpec(partnerDecider);

const registered: PartnerRegisteredData = {
  partnerId: 'p1',
  name: '12345 hotline',
  eventTypes: ['StationRegistered'],
  jurisdictionIds: ['j1'],
  webhookUrl: 'https://hotline.example/hooks',
  personalData: false,
  apiKeyHash: 'hash-1',
  secretId: 's1',
};
const given: PartnerEvent[] = [{ type: 'PartnerRegistered', data: registered }];
const command = (c: Omit<PartnerCommand, 'metadata'>) => ({ ...c, metadata }) as PartnerCommand;

describe('partner decider', () => {
  it('registers a partner with a normalised subscription', () => {
    spec
      .given([])
      .when(
        command({
          type: 'RegisterPartner',
          data: {
            ...registered,
            name: ' 12345 hotline ',
            eventTypes: ['StationRegistered', 'StationRegistered'],
            webhookUrl: 'https://hotline.example/hooks',
          },
        }),
      )
      .then([{ type: 'PartnerRegistered', data: registered }]);
  });

  it('refuses no event types, partner events, bad URLs and a second registration', () => {
    const base = { type: 'RegisterPartner' as const, data: registered };
    spec
      .given([])
      .when(command({ ...base, data: { ...registered, eventTypes: [] } }))
      .thenFails('EVENT_TYPES_REQUIRED');
    spec
      .given([])
      .when(command({ ...base, data: { ...registered, eventTypes: ['PartnerRegistered'] } }))
      .thenFails('INVALID_EVENT_TYPE');
    spec
      .given([])
      .when(command({ ...base, data: { ...registered, webhookUrl: 'ftp://x' } }))
      .thenFails('INVALID_WEBHOOK_URL');
    spec
      .given([])
      .when(command({ ...base, data: { ...registered, webhookUrl: 'https://user:pw@x.example/' } }))
      .thenFails('INVALID_WEBHOOK_URL');
    spec.given(given).when(command(base)).thenFails('PARTNER_ALREADY_REGISTERED');
  });

  it('rotates the secret keeping the previous one valid for the overlap', () => {
    spec
      .given(given)
      .when(
        command({
          type: 'RotatePartnerWebhookSecret',
          data: { partnerId: 'p1', secretId: 's2', overlapHours: 24 },
        }),
      )
      .then([
        {
          type: 'PartnerWebhookSecretRotated',
          data: {
            partnerId: 'p1',
            secretId: 's2',
            previousSecretId: 's1',
            previousValidUntil: '2026-03-02T08:00:00.000Z',
          },
        },
      ]);
    spec
      .given(given)
      .when(
        command({
          type: 'RotatePartnerWebhookSecret',
          data: { partnerId: 'p1', secretId: 's2', overlapHours: -1 },
        }),
      )
      .thenFails('INVALID_OVERLAP');
  });

  it('disables the webhook once and enables it again', () => {
    const disabled: PartnerEvent = {
      type: 'PartnerWebhookDisabled',
      data: { partnerId: 'p1', reason: 'receiver answered 410 Gone' },
    };
    spec
      .given(given)
      .when(
        command({
          type: 'DisablePartnerWebhook',
          data: { partnerId: 'p1', reason: 'receiver answered 410 Gone' },
        }),
      )
      .then([disabled]);
    spec
      .given([...given, disabled])
      .when(command({ type: 'DisablePartnerWebhook', data: { partnerId: 'p1', reason: 'again' } }))
      .then([]);
    spec
      .given([...given, disabled])
      .when(command({ type: 'EnablePartnerWebhook', data: { partnerId: 'p1' } }))
      .then([{ type: 'PartnerWebhookEnabled', data: { partnerId: 'p1' } }]);
  });

  it('answers PARTNER_NOT_FOUND for an unknown partner', () => {
    spec
      .given([])
      .when(command({ type: 'IssuePartnerApiKey', data: { partnerId: 'p9', apiKeyHash: 'h' } }))
      .thenFails('PARTNER_NOT_FOUND');
  });
});
