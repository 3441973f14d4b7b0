// What every duty-day mutation shares: who may see a day, its id, and the payload read back after the write.
import type { Principal } from '@liaison/auth';
import { isIsoDate } from '@liaison/calendar';
import { domainError, isDomainError, type CommandOutcome, type DomainError } from '@liaison/decider';
import { userErrorsOf, type RequestContext } from '@liaison/graphql-kit';
import type DataLoader from 'dataloader';
import { coversJurisdiction } from '../shared/access.js';
import { documentLoader } from '../shared/document-loader.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { decodeId, execute } from '../shared/mutation.js';
import { DutyDay } from './duty-day.type.js';
import { dutyDayId, type DutyDayDocument } from './projection.js';
import type { DutyDayPayload } from './roster.input.js';

export const STAFF = ['admin', 'congress-office', 'station-staff'] as const;
export const STAFF_OR_DEPUTY = [...STAFF, 'deputy'] as const;

/** The request's loader of duty day documents by id (`stationId:date`). */
export function dutyDayLoader(
  context: RequestContext,
  deps: LiaisonDeps,
): DataLoader<string, DutyDayDocument | null> {
  return documentLoader<DutyDayDocument>(context, deps, 'DutyDay', 'duty_days');
}

/** True when a principal may see a duty day's staff view: staff over its station, or a deputy on it. */
export function mayReadDutyDay(principal: Principal | null, document: DutyDayDocument): boolean {
  if (!principal) return false;
  if (
    principal.roles.includes('deputy') &&
    document.deputies.some((entry) => entry.deputyId === principal.userId)
  ) {
    return true;
  }
  if (!STAFF.some((role) => principal.roles.includes(role))) return false;
  return coversJurisdiction(principal, document.jurisdictionPath.split('/').filter(Boolean));
}

/** Splits a DutyDay global id into station and date. */
export function dutyDayKey(
  globalId: string,
  field: string,
): { stationId: string; date: string } | DomainError {
  const raw = decodeId(globalId, 'DutyDay', field);
  if (isDomainError(raw)) return raw;
  const separator = raw.lastIndexOf(':');
  const stationId = raw.slice(0, separator);
  const date = raw.slice(separator + 1);
  return separator > 0 && isIsoDate(date)
    ? { stationId, date }
    : domainError('INVALID_ID', `expected the id of a DutyDay, received "${globalId}"`, [field]);
}

export function failed<P extends { userErrors: unknown; position: unknown }>(
  error: DomainError,
  rest: Omit<P, 'userErrors' | 'position'>,
): P {
  return { userErrors: userErrorsOf(error), position: null, ...rest } as P;
}

/** Runs a duty-day command and reads the day back (read-your-writes) for the payload. */
export async function runOnDutyDay(
  context: RequestContext,
  deps: LiaisonDeps,
  key: { stationId: string; date: string },
  command: () => Promise<CommandOutcome>,
): Promise<DutyDayPayload> {
  const outcome = await execute(context, deps, command);
  return dutyDayPayload(context, deps, outcome, key);
}

/** The payload of a duty-day command: its errors, or the day as the caller may see it. */
export async function dutyDayPayload(
  context: RequestContext,
  deps: LiaisonDeps,
  outcome: CommandOutcome,
  key: { stationId: string; date: string },
): Promise<DutyDayPayload> {
  if (!outcome.ok) return failed<DutyDayPayload>(outcome.error, { dutyDay: null });
  const document = await dutyDayLoader(context, deps).load(dutyDayId(key.stationId, key.date));
  return {
    userErrors: [],
    position: outcome.globalPosition,
    dutyDay: document && mayReadDutyDay(context.principal, document) ? DutyDay.from(document) : null,
  };
}
