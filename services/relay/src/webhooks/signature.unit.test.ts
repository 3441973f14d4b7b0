import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret } from '../partners/credentials.js';
import { signatureHeaders } from './signature.js';

describe('Standard Webhooks signatures', () => {
  it('verify with the independent standardwebhooks implementation', () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ specversion: '1.0', id: 'e1', data: { name: '联络站' } });
    const headers = signatureHeaders('e1', new Date(), body, [secret]);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('carry both signatures during a rotation, each verifying with its own secret', () => {
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret()];
    const body = '{"id":"e2"}';
    const headers = signatureHeaders('e2', new Date(), body, [newSecret, oldSecret]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(oldSecret).verify(body, headers)).toEqual({ id: 'e2' });
    expect(new Webhook(newSecret).verify(body, headers)).toEqual({ id: 'e2' });
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(newSecret).verify('{"id":"e3"}', headers)).toThrow();
  });
});
