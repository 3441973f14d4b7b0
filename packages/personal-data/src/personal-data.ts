// Seals voters' personal data with a key per subject and opens it again until the subject is forgotten.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { assertSubjectId, type KeyVault } from './key-vault.js';
import { isSealedValue, type SealedValue } from './sealed-value.js';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/** Crypto-shredding over a key vault: values sealed for a subject become unreadable everywhere once it is forgotten. */
export class PersonalData {
  constructor(
    private readonly vault: KeyVault,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Encrypts `value` (any JSON value) with the subject's key, creating the key on first use. */
  async seal<T>(subjectId: string, value: T): Promise<SealedValue<T>> {
    assertSubjectId(subjectId);
    const key = await this.vault.keyFor(subjectId);
    return sealWith(key, subjectId, value);
  }

  /** The value `sealed` holds, or null once its subject is forgotten; throws when the value was tampered with. */
  async open<T>(sealed: SealedValue<T>): Promise<T | null> {
    const [opened] = await this.openMany([sealed]);
    return opened ?? null;
  }

  /** Opens many values with one vault look-up; each entry is null where its subject is forgotten. */
  async openMany<T>(sealed: readonly SealedValue<T>[]): Promise<Array<T | null>> {
    for (const value of sealed) {
      if (!isSealedValue(value)) {
        throw new TypeError(`expected a sealed value, received ${JSON.stringify(value)}`);
      }
    }
    const keys = await this.vault.find(sealed.map((value) => value.subject));
    return sealed.map((value) => {
      const key = keys.get(value.subject);
      return key?.status === 'active' ? openWith<T>(key.key, value) : null;
    });
  }

  /** Destroys the subject's key: every copy of everything sealed for them becomes unreadable. */
  async forget(subjectId: string): Promise<void> {
    await this.vault.destroy(assertSubjectId(subjectId), this.clock());
  }
}

function sealWith<T>(key: Buffer, subject: string, value: T): SealedValue<T> {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('expected a JSON value to seal, received undefined');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(subject, 'utf8'));
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return {
    sealed: 'aes-256-gcm/v1',
    subject,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

function openWith<T>(key: Buffer, sealed: SealedValue<T>): T {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(sealed.subject, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  return JSON.parse(text.toString('utf8')) as T;
}
