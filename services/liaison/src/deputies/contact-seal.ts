// Sealing and opening deputies' contact details: the decider checks them in clear, events hold them sealed.
import { isDomainError } from '@liaison/decider';
import {
  isSealedValue,
  SubjectForgottenError,
  type PersonalData,
  type SealedValue,
} from '@liaison/personal-data';
import { normaliseContact } from './decider.js';
import { deputySubject, type ContactField, type DeputyContact } from './events.js';

/** The normalised details sealed for the deputy, or null when they are invalid (the decider then says why). */
export async function sealContact(
  personalData: PersonalData,
  deputyId: string,
  contact: DeputyContact,
): Promise<SealedValue<DeputyContact> | null> {
  const normalised = normaliseContact(contact);
  if (isDomainError(normalised)) return null;
  try {
    return await personalData.seal(deputySubject(deputyId), normalised);
  } catch (error) {
    // A forgotten deputy's details may not be stored again under the same identity.
    if (error instanceof SubjectForgottenError) return null;
    throw error;
  }
}

/** Opens many contact fields with one vault look-up; null where the deputy was forgotten. */
export async function openContacts(
  personalData: PersonalData,
  fields: readonly ContactField[],
): Promise<Array<DeputyContact | null>> {
  const sealed = fields.filter(isSealedValue) as SealedValue<DeputyContact>[];
  const opened = sealed.length > 0 ? await personalData.openMany(sealed) : [];
  let next = 0;
  return fields.map((field) => (isSealedValue(field) ? (opened[next++] ?? null) : field));
}
