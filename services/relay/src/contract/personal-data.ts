// Personal data on its way out: sealed values are never opened by the relay, and withheld from partners not entitled.

/** The mark of a sealed (encrypted) value, as packages/personal-data writes it: `{ sealed: 'aes-256-gcm/v1', … }`. */
function isSealed(value: unknown): value is { sealed: string; subject: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return typeof record.sealed === 'string' && typeof record.subject === 'string';
}

/** What a partner without the personal-data entitlement receives instead of a sealed value. */
export interface WithheldValue {
  withheld: 'personal-data';
}

const WITHHELD: WithheldValue = { withheld: 'personal-data' };

/**
 * The event data a partner receives. Sealed values stay sealed for an entitled partner (ciphertext it can
 * only open with keys handed over outside the platform) and are replaced by `{ withheld: 'personal-data' }`
 * for everyone else, subject id included, so not even the pseudonymous voter id leaves. The relay never
 * reads the key vault, so nothing it sends is ever in clear.
 */
export function protectPersonalData(data: unknown, entitled: boolean): unknown {
  if (isSealed(data)) return entitled ? data : WITHHELD;
  if (Array.isArray(data)) return data.map((item) => protectPersonalData(item, entitled));
  if (typeof data === 'object' && data !== null) {
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [key, protectPersonalData(value, entitled)]),
    );
  }
  return data;
}
