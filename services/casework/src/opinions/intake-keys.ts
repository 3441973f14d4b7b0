// Keyed digests for intake: unguessable tracking codes, and duplicate fingerprints that reveal no personal data.
import { createHmac } from 'node:crypto';
import { eventIdFor } from '@liaison/decider';

// Crockford base32 without I, L, O, U: read aloud over the phone without confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function hmac(secret: string, text: string): Buffer {
  return createHmac('sha256', secret).update(text).digest();
}

/** The voter's tracking code for an opinion: 12 base32 characters as XXXX-XXXX-XXXX (60 bits). */
export function trackingCodeFor(secret: string, opinionId: string): string {
  const digest = hmac(secret, `tracking\u0000${opinionId}`);
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[digest[i]! % 32];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Normalises a typed tracking code (case, spaces, confusable letters) to its canonical form, or null. */
export function normaliseTrackingCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(plain)) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}

/** Normalised text for duplicate detection: case and whitespace do not make a submission new. */
function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A phone number's digits only. */
export function normalisePhone(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * The opinion id of a submission by an identified voter in duplicate window `window`: the same voter
 * (by phone, else ID number) with the same text in the same window yields the same id, so the second
 * submission finds the first. Null when nothing identifies the voter.
 */
export function duplicateOpinionId(
  secret: string,
  voterKey: string | null,
  text: string,
  window: number,
): string | null {
  if (!voterKey) return null;
  const fingerprint = hmac(secret, `duplicate\u0000${voterKey}\u0000${normaliseText(text)}`).toString('hex');
  return eventIdFor(fingerprint, 'opinion', window);
}

/** A voter's key for rate limits and duplicates, as a digest (never the phone number itself). */
export function voterKeyOf(secret: string, phone: string | null, idNumber: string | null): string | null {
  const raw = phone
    ? `phone:${normalisePhone(phone)}`
    : idNumber
      ? `id:${idNumber.trim().toUpperCase()}`
      : null;
  return raw && hmac(secret, `voter\u0000${raw}`).toString('hex');
}
