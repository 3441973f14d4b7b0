// The roles a person can hold on the platform; tokens carry them and the gateway checks them.

/** Every role the platform knows, in the words of DOMAIN.md. */
export const ROLES = [
  'admin',
  'congress-office',
  'station-staff',
  'deputy',
  'handling-unit',
  'observer',
  'auditor',
  // an integration partner's system, authenticated by an API key (services/relay)
  'partner',
] as const;

export type Role = (typeof ROLES)[number];

/** True when `value` names one of the platform's roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
